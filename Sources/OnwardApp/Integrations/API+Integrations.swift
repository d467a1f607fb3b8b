import Foundation
import OnwardCore
import Vapor

/// The integrations' operations of the JSON API: one's calendar feed. The same use cases as the
/// page; the address is answered once, when it is made.
extension OnwardAPI {
    private func feedKeeper() throws -> UserModel {
        try tokenOwner(Access.keepsCalendarFeed, else: "A partner has nothing dated in Onward, so no calendar feed.")
    }

    func getCalendarFeed(_ input: Operations.GetCalendarFeed.Input) async throws -> Operations.GetCalendarFeed.Output {
        let feed = try await CalendarFeedUseCases(req: request).feed(of: feedKeeper())
        return .ok(.init(body: .json(.init(active: feed != nil, createdAt: feed?.createdAt, lastReadAt: feed?.lastReadAt))))
    }

    func startCalendarFeed(_ input: Operations.StartCalendarFeed.Input) async throws -> Operations.StartCalendarFeed.Output {
        let req = try request
        let (feed, token) = try await CalendarFeedUseCases(req: req).start(for: feedKeeper())
        return .created(.init(body: .json(.init(url: SiteURL.integrations(.calendarFeed(token: token + ".ics")).absolute(on: req), createdAt: feed.createdAt))))
    }

    func stopCalendarFeed(_ input: Operations.StopCalendarFeed.Input) async throws -> Operations.StopCalendarFeed.Output {
        try await CalendarFeedUseCases(req: request).stop(for: feedKeeper())
        return .noContent(.init())
    }
}
