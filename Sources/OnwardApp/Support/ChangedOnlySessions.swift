import Fluent
import SQLKit
import Vapor

/// Fluent's database sessions, written back only when a request changed them.
///
/// Vapor's sessions middleware updates the session row after every response, so each page view
/// was a write transaction: on SQLite, one writer at a time for every reader of every page. Here
/// the data read at the start of a request is kept on the request, and the update is skipped
/// when the data is the same at the end. Signing in and out still create and delete rows.
struct ChangedOnlySessions: SessionDriver {
    let base: any SessionDriver
    /// Reads the row of Fluent's sessions table with SQL (below) instead of through `base`.
    var readsFluentTableWithSQL = false

    /// The session as it was read at the start of the request.
    private struct ReadData: StorageKey {
        typealias Value = Read
    }
    private struct Read: Sendable {
        let id: SessionID
        let data: SessionData?
    }

    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        base.createSession(data, for: request)
    }

    /// Every signed-in page reads its session. Read with one SQL statement rather than through a
    /// Fluent model, whose fields Fluent finds by reflection on each row: that was a tenth of a
    /// small page's time. Same table and columns as Fluent's `SessionRecord`.
    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        guard readsFluentTableWithSQL, let sql = request.db as? any SQLDatabase else {
            return base.readSession(sessionID, for: request).map { data in
                request.storage[ReadData.self] = Read(id: sessionID, data: data)
                return data
            }
        }
        return request.eventLoop.makeFutureWithTask {
            let row = try await sql.raw("""
                SELECT \(ident: "data") FROM \(ident: SessionRecord.schema) WHERE \(ident: "key") = \(bind: sessionID.string) LIMIT 1
                """).first()
            let data = try row?.decode(column: "data", as: SessionData.self)
            request.storage[ReadData.self] = Read(id: sessionID, data: data)
            return data
        }
    }

    func updateSession(_ sessionID: SessionID, to data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        if let read = request.storage[ReadData.self], read.id == sessionID, read.data == data {
            return request.eventLoop.makeSucceededFuture(sessionID)
        }
        return base.updateSession(sessionID, to: data, for: request)
    }

    func deleteSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<Void> {
        base.deleteSession(sessionID, for: request)
    }
}
