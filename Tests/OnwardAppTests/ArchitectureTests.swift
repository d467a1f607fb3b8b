import Foundation
import Testing

/// The house rules a compiler does not check, read off the sources.
@Suite struct ArchitectureTests {
    static let app = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/OnwardApp").standardized

    /// Folders that are not capabilities: shared pieces, and the places that compose capabilities.
    static let shared: Set<String> = ["Support", "Layout", "Home", "API", "Commands", "Demo", "Public"]

    static func swiftFiles(in folder: URL) -> [URL] {
        (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "swift" }
    }

    static func capabilities() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: app.path).filter { name in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: app.appendingPathComponent(name).path, isDirectory: &isFolder) && isFolder.boolValue && !shared.contains(name)
        }.sorted()
    }

    /// A file's code without its comment lines (a comment may name a capability in passing).
    static func code(_ file: URL) throws -> String {
        try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }.joined(separator: "\n")
    }

    /// The types a folder declares at its top level.
    static func declaredTypes(in folder: URL) throws -> Set<String> {
        var names: Set<String> = []
        for file in swiftFiles(in: folder) {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let match = line.firstMatch(of: /^(?:final )?(?:class|struct|enum|protocol|typealias) (\w+)/) { names.insert(String(match.1)) }
            }
        }
        return names
    }

    @Test func no_capability_folder_names_a_type_of_another() throws {
        let capabilities = try Self.capabilities()
        #expect(capabilities.contains("Accounts") && capabilities.contains("JobSearch"))
        var crossings: [String] = []
        for owner in capabilities {
            let types = try Self.declaredTypes(in: Self.app.appendingPathComponent(owner))
            for other in capabilities where other != owner {
                for file in Self.swiftFiles(in: Self.app.appendingPathComponent(other)) {
                    let text = try Self.code(file)
                    for type in types where text.contains(try Regex("\\b\(type)\\b")) {
                        crossings.append("\(other)/\(file.lastPathComponent) names \(owner)'s \(type)")
                    }
                }
            }
        }
        #expect(crossings.isEmpty, "\(crossings.sorted().joined(separator: "\n"))")
    }

    /// Shared folders serve every capability and name none of them; the places that compose
    /// capabilities (routes, the home, the API's one protocol, commands, demo data) may.
    @Test func support_and_layout_name_no_capability_type() throws {
        var named: [String] = []
        for owner in try Self.capabilities() {
            let types = try Self.declaredTypes(in: Self.app.appendingPathComponent(owner))
            for folder in ["Support", "Layout"] {
                for file in Self.swiftFiles(in: Self.app.appendingPathComponent(folder)) {
                    let text = try Self.code(file)
                    for type in types where text.contains(try Regex("\\b\(type)\\b")) { named.append("\(folder)/\(file.lastPathComponent) names \(owner)'s \(type)") }
                }
            }
        }
        #expect(named.isEmpty, "\(named.sorted().joined(separator: "\n"))")
    }
}
