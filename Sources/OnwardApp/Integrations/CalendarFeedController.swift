import Fluent
import OnwardCore
import Vapor

/// One's calendar feed (made, made anew, turned off) and the feed calendars read.
struct CalendarFeedController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(.integrations(.calendar), use: page)
        routes.post(.integrations(.calendar), use: start)
        routes.post(.integrations(.stopCalendar), use: stop)
    }

    func page(req: Request) async throws -> Response {
        let user = try req.requireUser()
        return try await page(req: req, user: user, newToken: nil)
    }

    func start(req: Request) async throws -> Response {
        let user = try req.requireUser()
        let (_, token) = try await CalendarFeedUseCases(req: req).start(for: user)
        // Shown once, on this response only; it is never stored.
        return try await page(req: req, user: user, newToken: token, status: .created)
    }

    func stop(req: Request) async throws -> Response {
        try await CalendarFeedUseCases(req: req).stop(for: req.requireUser())
        return req.redirect(to: .integrations(.calendar), flash: "Your feed is off: calendars subscribed to it get nothing more.")
    }

    private func page(req: Request, user: UserModel, newToken: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let feed = try await CalendarFeedUseCases(req: req).feed(of: user)
        let shown = feed.map { CalendarFeedPage.Feed(created: Formats.dayAndTime($0.createdAt, zone: user.timeZone), lastRead: $0.lastReadAt.map { Formats.dayAndTime($0, zone: user.timeZone) }) }
        let address = newToken.map { SiteURL.integrations(.calendarFeed(token: $0 + ".ics")).absolute(on: req) }
        // Cached by nobody: the page may hold the address.
        let response = req.render(CalendarFeedPage(feed: shown, newAddress: address, holds: Self.holds(for: user.role)), status: status)
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    static func holds(for role: Role) -> [String] {
        switch role {
        case .graduate:
            ["Your cohort's standup, every weekday at its time", "Mock interviews you booked, pairings you accepted and peer sessions you host or joined",
             "Your learning plan's next meeting, and the events you said you are going to",
             "Your interviews with employers, and the next action of each open application on its day",
             "The days your programme's required activities fall due, until you do them"]
        case .coach:
            ["Your mock interview slots, booked or not", "The next meeting of each learning plan you keep", "The events you run", "Pairings you are part of"]
        case .admin, .partner, .former:
            ["The events you run"]
        }
    }

    /// `GET /calendar/TOKEN.ics`: the feed, for whoever holds the address. An unknown address is
    /// not found; the same feed read again is answered 304 from its entity tag.
    static func feed(req: Request) async throws -> Response {
        guard let name = req.parameters.get(SiteURL.Parameter.token), let token = CalendarFeedToken.token(inFileName: name),
              let (body, tag) = try await CalendarFeedUseCases(req: req).read(token: token, on: req) else {
            throw Abort(.notFound, reason: "There is no calendar feed at this address: it may have been turned off or made anew.")
        }
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.cacheControl = .init(noCache: true, isPrivate: true)
        // Compared weakly (RFC 9110 13.1.2): a proxy may have marked the tag W/.
        let sent = req.headers[.ifNoneMatch].flatMap { $0.split(separator: ",") }.map { tag in
            let trimmed = tag.trimmingCharacters(in: .whitespaces)
            return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
        }
        if sent.contains(tag) || sent.contains("*") {
            return Response(status: .notModified, headers: headers)
        }
        headers.contentType = HTTPMediaType(type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "inline; filename=\"onward.ics\"")
        return Response(status: .ok, headers: headers, body: .init(string: body))
    }
}
