import Foundation
import OnwardCore
import Vapor

/// The dated things one capability puts in a person's calendar feed. The feed (Integrations)
/// asks every module's source and names none of them; each answers from its own tables.
protocol CalendarSource: Sendable {
    /// `person`'s events of this capability that start from `since` (a repeating one while it
    /// repeats; a due date from that day), read at `req.now`, each with a UID that stays the same from read to read (`uid`).
    /// One that was called off may come as cancelled; one that is gone is left out, and the feed
    /// writes it as cancelled. `req` is the feed's request: nobody is signed in.
    func calendarEvents(of person: UserModel, since: Date, on req: Request) async throws -> [CalendarEvent]
}

extension CalendarSource {
    /// A UID for the event of record `id` of `kind` ("mock", "pairing"): the same in every read.
    func uid(_ kind: String, _ id: UUID?) -> String {
        kind + "-" + (id?.uuidString.lowercased() ?? "none") + "@onward"
    }

    /// A link to `url` for the event's description, on the public address.
    func link(_ url: SiteURL, on req: Request) -> String { url.absolute(on: req) }
}
