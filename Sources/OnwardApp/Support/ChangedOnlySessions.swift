import Vapor

/// Sessions written back only when a request changed them.
///
/// Vapor's sessions middleware updates the session row after every response, so each page view
/// was a write transaction: on SQLite, one writer at a time for every reader of every page. Here
/// the data read at the start of a request is kept on the request, and the update is skipped
/// when the data is the same at the end. Signing in and out still create and delete rows.
struct ChangedOnlySessions: SessionDriver {
    let base: any SessionDriver

    /// The session as it was read at the start of the request.
    private struct ReadData: StorageKey {
        typealias Value = Read
    }
    private struct Read: Sendable {
        let id: SessionID
        let data: SessionData?
    }

    /// An empty session is not stored. Vapor makes one for every request whose session cookie
    /// names no session (one that was ended, or made up), which was a row written per request;
    /// such a request gets an id that names nothing, as it had before.
    func createSession(_ data: SessionData, for request: Request) -> EventLoopFuture<SessionID> {
        guard !data.snapshot.isEmpty else {
            return request.eventLoop.makeSucceededFuture(SessionID(string: Data([UInt8].random(count: 32)).base64EncodedString()))
        }
        return base.createSession(data, for: request)
    }

    func readSession(_ sessionID: SessionID, for request: Request) -> EventLoopFuture<SessionData?> {
        base.readSession(sessionID, for: request).map { data in
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
