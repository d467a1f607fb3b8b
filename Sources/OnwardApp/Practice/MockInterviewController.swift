import Fluent
import OnwardCore
import Vapor

/// Mock interviews on the web: a graduate's page (book, cancel, read the feedback and the
/// trend), a coach's slots (open, remove), a booking's page with the rubric form.
struct MockInterviewController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let graduate = routes.grouped(Require(Access.booksMockInterviews))
        graduate.get(.practice(.mockInterviews), use: mine)
        graduate.post(.practice(.book(slotID: SiteURL.key(SiteURL.Parameter.id))), use: book)
        graduate.post(.practice(.cancelBooking(id: SiteURL.key(SiteURL.Parameter.id))), use: cancel)
        let coach = routes.grouped(Require(Access.holdsMockInterviews))
        coach.get(.practice(.mockSlots), use: slots)
        coach.post(.practice(.mockSlots), use: open)
        coach.post(.practice(.removeSlot(id: SiteURL.key(SiteURL.Parameter.id))), use: remove)
        coach.post(.practice(.rubric(bookingID: SiteURL.key(SiteURL.Parameter.id))), use: score)
        routes.grouped(Require.signedIn).get(.practice(.mockInterview(id: SiteURL.key(SiteURL.Parameter.id))), use: interview)
    }

    // MARK: The graduate's page

    private func minePage(_ req: Request, bookingFor: String? = nil, form: MockBookingForm = .init(), errors: FormErrors = .none,
                          status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let useCases = MockInterviewUseCases(req: req)
        let bookings = try await useCases.bookings(of: viewer)
        let open = try await useCases.openSlots()
        let recommended = try await PracticeHomeSections.recommendsMockInterview(to: viewer, hasOne: bookings.contains { $0.booking.cancelledAt == nil }, on: req)
        let page = MockInterviewsPage(bookings: bookings, open: open, recommended: recommended, viewer: viewer, now: req.now,
                                      bookingFor: bookingFor, form: form, errors: errors)
        return req.render(page, status: status)
    }

    func mine(req: Request) async throws -> Response {
        try await minePage(req)
    }

    func book(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = MockInterviewUseCases(req: req)
        let slot = try await useCases.slot(id)
        return try await req.submit(MockBookingForm.self, again: { form, errors, status in try await minePage(req, bookingFor: id, form: form, errors: errors, status: status) }, conflictsGoTo: .practice(.mockInterviews)) { form in
            let draft = try MockBookingDraft.validate(theme: form.theme ?? "", practise: form.practise ?? "", slotThemes: slot.themes)
            let booking = try await useCases.book(id, draft, by: req.requireUser())
            return req.redirect(to: .practice(.mockInterview(id: booking.requireIDString)), flash: "Booked. Your coach will see what you want to practise.")
        }
    }

    func cancel(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        do {
            let booking = try await MockInterviewUseCases(req: req).cancel(id, by: req.requireUser())
            return req.redirect(to: .practice(.mockInterviews), flash: booking.lateCancellation
                ? "Cancelled, less than 24 hours before: it is recorded as a late cancellation." : "Cancelled. The slot is free for someone else.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.mockInterview(id: id)).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: The coach's slots

    private func slotsPage(_ req: Request, form: MockSlotForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let slots = try await MockInterviewUseCases(req: req).slots(of: viewer)
        return req.render(MockSlotsPage(slots: slots, viewer: viewer, now: req.now, form: form, errors: errors), status: status)
    }

    func slots(req: Request) async throws -> Response {
        try await slotsPage(req)
    }

    func open(req: Request) async throws -> Response {
        let viewer = try req.requireUser()
        return try await req.submit(MockSlotForm.self, again: { form, errors, status in try await slotsPage(req, form: form, errors: errors, status: status) }) { form in
            let draft = try MockSlotDraft.validate(day: form.day ?? "", time: form.time ?? "", minutes: form.minutes ?? "", themes: form.themes,
                                                   timeZone: TimeZone(identifier: viewer.timeZone) ?? .gmt, now: req.now)
                .meeting(link: form.link ?? "", place: form.place ?? "")
            try await MockInterviewUseCases(req: req).open(draft, by: viewer)
            return req.redirect(to: .practice(.mockSlots), flash: "The slot is open. Graduates can book it now.")
        }
    }

    func remove(req: Request) async throws -> Response {
        do {
            try await MockInterviewUseCases(req: req).remove(req.parameter(SiteURL.Parameter.id), by: req.requireUser())
            return req.redirect(to: .practice(.mockSlots), flash: "The slot is removed.")
        } catch let error as Refusal where error.kind == .conflict {
            return req.redirect(to: SiteURL.practice(.mockSlots).path).flash(.error, error.message, on: req)
        }
    }

    // MARK: One interview

    private func interviewPage(_ req: Request, form: RubricForm = .init(), errors: FormErrors = .none, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try req.requireUser()
        let item = try await MockInterviewUseCases(req: req).detail(of: req.parameter(SiteURL.Parameter.id), for: viewer)
        return req.render(MockInterviewPage(item, viewer: viewer, now: req.now, form: form, errors: errors), status: status)
    }

    func interview(req: Request) async throws -> Response {
        try await interviewPage(req)
    }

    func score(req: Request) async throws -> Response {
        let id = try req.parameter(SiteURL.Parameter.id)
        let useCases = MockInterviewUseCases(req: req)
        // Who may score is checked before the form is read.
        _ = try await useCases.detail(of: id, for: req.requireUser())
        return try await req.submit(RubricForm.self, again: { form, errors, status in try await interviewPage(req, form: form, errors: errors, status: status) }, conflictsGoTo: .practice(.mockInterview(id: id))) { form in
            let draft = try RubricDraft.validate(scores: form.scores, strengths: form.strengths ?? "", improvements: form.improvements ?? "", resources: form.resources ?? "")
            try await useCases.score(id, draft, by: req.requireUser())
            return req.redirect(to: .practice(.mockInterview(id: id)), flash: "The feedback is saved. The graduate reads it here.")
        }
    }
}
