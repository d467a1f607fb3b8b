import Fluent
import SQLKit
import Vapor

/// Fluent's database sessions, read with one SQL statement.
///
/// Every signed-in page reads its session. Fluent's own driver reads it through a model, whose
/// fields Fluent finds by reflection on each row: that was a tenth of a small page's time. Same
/// table and columns as Fluent's `SessionRecord`; creating, updating and deleting stay Fluent's.
struct FluentSessionsReadBySQL: SessionDriver {
    let fluent: any SessionDriver

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        fluent.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        guard let sql = request.db as? any SQLDatabase else { return fluent.readSession(sessionID, for: request) }
        return request.eventLoop.makeFutureWithTask {
            try await sql.raw("""
                SELECT \(ident: "data") FROM \(ident: SessionRecord.schema) WHERE \(ident: "key") = \(bind: sessionID.string) LIMIT 1
                """).first()?.decode(column: "data", as: SessionData.self)
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        fluent.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        fluent.deleteSession(sessionID, for: request)
    }
}
