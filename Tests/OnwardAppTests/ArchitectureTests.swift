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

    /// The names a file's code uses: a type is named where one of these is its name.
    static func words(_ file: URL) throws -> Set<String> {
        // Split on bytes: walking a debug build's Characters took seconds for the whole app.
        Set(try code(file).utf8.split { !($0 == UInt8(ascii: "_") || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0)) }
            .compactMap { String($0) })
    }

    /// The types a folder declares at its top level, whatever their access or modifiers.
    static func declaredTypes(in folder: URL) throws -> Set<String> {
        var names: Set<String> = []
        for file in swiftFiles(in: folder) {
            // Only a line that starts at the margin can declare a top-level type: the regex (slow
            // in a debug build) reads those alone.
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where line.first?.isLetter == true {
                if let match = line.firstMatch(of: /^(?:(?:public|private|fileprivate|internal|package|final|indirect)\s+)*(?:class|struct|enum|protocol|typealias|actor) (\w+)/) { names.insert(String(match.1)) }
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
                    for type in types.intersection(try Self.words(file)) {
                        crossings.append("\(other)/\(file.lastPathComponent) names \(owner)'s \(type)")
                    }
                }
            }
        }
        #expect(crossings.isEmpty, "\(crossings.sorted().joined(separator: "\n"))")
    }

    /// A capability refuses with a named Core `Refusal` (not allowed, not found, a conflict) and
    /// names no HTTP status for it: how a refusal is said is `AppError.init(from:)`'s alone.
    @Test func capabilities_refuse_without_naming_a_status() throws {
        var inline: [String] = []
        for owner in try Self.capabilities() {
            for file in Self.swiftFiles(in: Self.app.appendingPathComponent(owner)) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for status in [".forbidden", ".notFound", ".conflict"] where text.contains("AppError(status: \(status)") {
                    inline.append("\(owner)/\(file.lastPathComponent) says \(status) itself")
                }
                if text.contains("AppError.notFound") { inline.append("\(owner)/\(file.lastPathComponent) says not found as HTTP: throw Refusal.notFound") }
            }
        }
        #expect(inline.isEmpty, "\(inline.sorted().joined(separator: "\n"))")
    }

    /// Shared folders serve every capability and name none of them; the places that compose
    /// capabilities (routes, the home, the API's one protocol, commands, demo data) may.
    @Test func support_and_layout_name_no_capability_type() throws {
        var named: [String] = []
        for owner in try Self.capabilities() {
            let types = try Self.declaredTypes(in: Self.app.appendingPathComponent(owner))
            for folder in ["Support", "Layout"] {
                for file in Self.swiftFiles(in: Self.app.appendingPathComponent(folder)) {
                    for type in types.intersection(try Self.words(file)) { named.append("\(folder)/\(file.lastPathComponent) names \(owner)'s \(type)") }
                }
            }
        }
        // Nor any capability's address: where people sign in and out comes from the modules (`Doors`).
        let addresses = ["accounts", "jobSearch", "programme", "coaching", "practice", "homes"].map { "." + $0 + "(" }
        for folder in ["Support", "Layout"] {
            for file in Self.swiftFiles(in: Self.app.appendingPathComponent(folder)) {
                let code = try Self.code(file)
                for address in addresses where code.contains(address) { named.append("\(folder)/\(file.lastPathComponent) names the address \(address)…)") }
            }
        }
        #expect(named.isEmpty, "\(named.sorted().joined(separator: "\n"))")
    }

    /// Which folder owns each table: read off the models' `schema`, so a new model is mapped the
    /// day it is written. The tables of `Support/` (people, cohorts, who coaches whom) are everyone's.
    static func tableOwners() throws -> [String: String] {
        var owners: [String: String] = [:]
        for file in swiftFiles(in: app) {
            let folder = file.path.dropFirst(app.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
            for match in try String(contentsOf: file, encoding: .utf8).matches(of: /static let schema = "(\w+)"/) {
                owners[String(match.1)] = folder
            }
        }
        return owners
    }

    /// The tables a file's SQL reads or writes: every `FROM`, `JOIN`, `INTO`, `UPDATE` and `ON`
    /// (a trigger's or an index's table) followed by a name, quoted or not, in any case.
    static func tablesInSQL(_ text: String) -> Set<String> {
        Set(text.matches(of: /(?i)\b(?:FROM|JOIN|INTO|UPDATE|ON|TABLE)\s+"?([a-z_]+)"?/).map { String($0.1) })
    }

    @Test func no_sql_names_a_table_of_another_capability() throws {
        let owners = try Self.tableOwners()
        #expect(owners["job_applications"] == "JobSearch" && owners["submissions"] == "Coaching" && owners["users"] == "Support")
        var crossings: [String] = []
        for file in Self.swiftFiles(in: Self.app) {
            let folder = file.path.dropFirst(Self.app.path.count + 1).split(separator: "/").first.map(String.init) ?? ""
            // The schema's history writes out, as it shipped, the tables a step watched.
            guard folder != "migrations.swift" else { continue }
            for table in Self.tablesInSQL(try Self.code(file)) {
                guard let owner = owners[table], owner != folder, owner != "Support" else { continue }
                crossings.append("\(folder)/\(file.lastPathComponent) names \(owner)'s table \(table)")
            }
        }
        #expect(crossings.isEmpty, "\(crossings.sorted().joined(separator: "\n"))")
        // The reading of SQL itself: a planted query is seen, whatever its case and quotes.
        #expect(Self.tablesInSQL(#"SELECT 1 from "placements" p join interviews i ON i.id = p.id"#) == ["placements", "interviews", "i"])
    }
}
