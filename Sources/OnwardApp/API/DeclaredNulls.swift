import Foundation
import Vapor

/// No field the API's document declares is nullable, but the generated decoder reads a `null` as
/// the field left out. So a `null` sent for a declared field is refused here, naming the field,
/// before the operation runs. What the document does not declare is ignored, `null` included, as
/// it always was.
struct DeclaredNullsMiddleware: AsyncMiddleware {
    /// The declared fields of a request body: an object's properties, an array's items.
    indirect enum Shape: Sendable {
        case object([String: Shape])
        case array(Shape)
        case value
    }

    /// Each operation's request body, by method and path as its route has them
    /// ("PATCH /api/v1/applications/:id").
    let bodies: [String: Shape]

    init(document: Data, pathPrefix: String) throws {
        guard let root = try JSONSerialization.jsonObject(with: document) as? [String: Any],
              let paths = root["paths"] as? [String: [String: Any]] else { throw Abort(.internalServerError, reason: "openapi.json has no paths") }
        let schemas = ((root["components"] as? [String: Any])?["schemas"] as? [String: Any]) ?? [:]
        func shape(_ schema: Any?, depth: Int) -> Shape {
            // The document's request schemas are not recursive; the depth bound only keeps a
            // mistaken one from looping.
            guard depth < 16, var schema = schema as? [String: Any] else { return .value }
            if let ref = schema["$ref"] as? String, let named = schemas[String(ref.split(separator: "/").last ?? "")] as? [String: Any] { schema = named }
            if let properties = schema["properties"] as? [String: Any] {
                return .object(properties.mapValues { shape($0, depth: depth + 1) })
            }
            if schema["items"] != nil { return .array(shape(schema["items"], depth: depth + 1)) }
            return .value
        }
        var bodies: [String: Shape] = [:]
        for (path, operations) in paths {
            let routePath = pathPrefix + path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "")
            for (method, operation) in operations {
                guard let operation = operation as? [String: Any], let body = operation["requestBody"] as? [String: Any],
                      let json = (body["content"] as? [String: Any])?["application/json"] as? [String: Any] else { continue }
                bodies[method.uppercased() + " " + routePath] = shape(json["schema"], depth: 0)
            }
        }
        self.bodies = bodies
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let route = request.route, let body = request.body.data, body.readableBytes > 0,
           let shape = bodies[route.method.rawValue + " /" + route.path.map(\.description).joined(separator: "/")],
           let json = try? JSONSerialization.jsonObject(with: Data(buffer: body), options: [.fragmentsAllowed]),
           let field = Self.declaredNull(in: json, shape: shape, at: "") {
            throw AppError(status: .badRequest, code: "invalid_value", message: "'\(field)' is null: leave the field out, or give it a value.", field: field)
        }
        return try await next.respond(to: request)
    }

    /// The first declared field of `value` that holds `null`, as a path ("resources.2.link").
    static func declaredNull(in value: Any, shape: Shape, at path: String) -> String? {
        switch shape {
        case .object(let properties):
            guard let object = value as? [String: Any] else { return nil }
            for (name, property) in properties.sorted(by: { $0.key < $1.key }) {
                guard let field = object[name] else { continue }
                let fieldPath = path.isEmpty ? name : path + "." + name
                if field is NSNull { return fieldPath }
                if let found = declaredNull(in: field, shape: property, at: fieldPath) { return found }
            }
            return nil
        case .array(let items):
            guard let array = value as? [Any] else { return nil }
            for (index, item) in array.enumerated() {
                let itemPath = path + "." + String(index)
                if item is NSNull { return itemPath }
                if let found = declaredNull(in: item, shape: items, at: itemPath) { return found }
            }
            return nil
        case .value:
            return nil
        }
    }
}
