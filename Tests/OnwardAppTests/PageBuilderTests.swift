import Foundation
import OnwardCore
import Testing
@testable import OnwardApp

/// Page models built from fixtures, with no request and no database: what each page shows, which
/// links and buttons it offers to whom, worked out from the domain values, the viewer and the time.
@Suite struct PageBuilderTests {
    // A Monday morning in London; every fixture is dated from it.
    static let now = Date(timeIntervalSince1970: 1_796_635_200) // 2026-12-07 09:20 UTC

    static func person(_ name: String, _ role: Role, zone: String = "Europe/London") -> UserModel {
        UserModel(id: UUID(), email: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com", name: name,
                  passwordHash: "", role: role, cohortID: nil, timeZone: zone)
    }

    static func supportRequest(of graduate: UserModel, hoursAgo: Double, state: SupportRequestState = .open, firstReplyAfter: Double? = nil) throws -> SupportRequestModel {
        let opened = now.addingTimeInterval(-hoursAgo * 3600)
        let request = SupportRequestModel(userID: try graduate.requireID(), draft: SupportRequestDraft(kind: .question, subject: "My CV", message: "Two pages?"), at: opened)
        request.id = UUID()
        request.state = state
        request.firstReplyAt = firstReplyAfter.map { opened.addingTimeInterval($0 * 3600) }
        return request
    }

    // MARK: Coaching: the help desk

    @Test func a_support_thread_offers_the_team_the_graduates_page_and_hides_it_from_the_graduate() throws {
        let graduate = Self.person("Amara Okafor", .graduate), coach = Self.person("Priya Shah", .coach, zone: "America/New_York")
        let request = try Self.supportRequest(of: graduate, hoursAgo: 5, firstReplyAfter: 3)
        let owner = Access.Owner(id: graduate.requireIDString, role: .graduate, coachIDs: [coach.requireIDString])

        let asCoach = SupportRequestPage(thread: .init(request: request, graduate: graduate, replies: [], scope: .init(viewer: coach, person: graduate, owner: owner)), now: Self.now)
        #expect(asCoach.isTeam)
        #expect(asCoach.graduateURL == Href(SiteURL.programme(.graduate(id: graduate.requireIDString))))
        #expect(asCoach.solveURL == Href(SiteURL.coaching(.solve(id: request.requireIDString))))
        #expect(asCoach.firstReply == "first reply after 3 h")
        // Each reads the time where they live: opened at 04:20 in London, 23:20 the evening before in New York.
        #expect(asCoach.opened.hasSuffix("23:20"), "opened \(asCoach.opened)")

        let asGraduate = SupportRequestPage(thread: .init(request: request, graduate: graduate, replies: [], scope: .init(viewer: graduate, person: graduate, owner: owner)), now: Self.now)
        #expect(!asGraduate.isTeam)
        #expect(asGraduate.graduateURL == nil)
        #expect(asGraduate.opened.hasSuffix("04:20"), "opened \(asGraduate.opened)")
    }

    @Test func a_solved_request_has_no_solve_button_and_an_unanswered_one_no_first_reply() throws {
        let graduate = Self.person("Amara Okafor", .graduate)
        let owner = Access.Owner(id: graduate.requireIDString, role: .graduate)
        let solved = try Self.supportRequest(of: graduate, hoursAgo: 30, state: .solved, firstReplyAfter: 0.5)
        let page = SupportRequestPage(thread: .init(request: solved, graduate: graduate, replies: [], scope: .init(viewer: graduate, person: graduate, owner: owner)), now: Self.now)
        #expect(page.solveURL == nil)
        #expect(page.firstReply == "first reply within the hour")

        let waiting = try Self.supportRequest(of: graduate, hoursAgo: 2)
        let desk = SupportDeskPage(open: [.init(request: waiting, graduate: graduate)], pending: [], solved: [], viewer: graduate, now: Self.now)
        #expect(desk.open.map(\.firstReply) == [nil])
        #expect(desk.open.map(\.age) == [Formats.waited(since: waiting.openedAt, now: Self.now)])
        #expect(desk.open.map(\.url) == [Href(SiteURL.coaching(.supportRequest(id: waiting.requireIDString)))])
    }

    // MARK: Programme: learning goals

    static func milestone(_ title: String, due: String, doneOn: String? = nil) -> LearningMilestoneModel {
        let milestone = LearningMilestoneModel()
        milestone.id = UUID()
        milestone.title = title
        milestone.due = due
        milestone.doneOn = doneOn
        return milestone
    }

    static func goal(_ title: String, active: Bool = true, milestones: [LearningMilestoneModel] = [], resources: [LearningResourceModel] = []) -> LearningGoalUseCases.Goal {
        let goal = LearningGoalModel()
        goal.id = UUID()
        goal.title = title
        goal.now = ""
        goal.success = ""
        goal.why = ""
        goal.isActive = active
        return .init(goal: goal, resources: resources, milestones: milestones)
    }

    @Test func a_goal_says_how_many_milestones_are_done_and_whether_the_next_is_overdue() {
        let today = LocalDate(year: 2026, month: 12, day: 7)!
        let page = LearningGoalsPage(goals: [
            Self.goal("SQL", milestones: [Self.milestone("Joins", due: "2026-11-30", doneOn: "2026-11-29"), Self.milestone("Indexes", due: "2026-12-06"),
                                          Self.milestone("Window functions", due: "2027-01-10")]),
            Self.goal("Testing", milestones: [Self.milestone("Read the book", due: "2026-12-07")]),
            Self.goal("Rust", active: false),
        ], today: today)
        #expect(page.goals.map(\.progress) == [
            "1 of 3 milestones done · next: Indexes, by \(LocalDate(year: 2026, month: 12, day: 6)!.display) (overdue)",
            "0 of 1 milestones done · next: Read the book, by \(today.display)",
            "No milestones yet",
        ])
        #expect(page.goals.map(\.isActive) == [true, true, false])
    }

    @Test func a_goals_milestones_are_overdue_only_when_not_done_by_a_day_before_today() {
        let today = LocalDate(year: 2026, month: 12, day: 7)!
        let resource = LearningResourceModel()
        resource.id = UUID()
        resource.kind = .book
        resource.name = "SQL for mere mortals"
        resource.link = ""
        let item = Self.goal("SQL", milestones: [Self.milestone("Joins", due: "2026-11-30", doneOn: "2026-12-01"), Self.milestone("Indexes", due: "2026-12-06"),
                                                 Self.milestone("Views", due: "2026-12-07")], resources: [resource])
        let page = LearningGoalPage(item, today: today)
        #expect(page.milestones.map(\.isOverdue) == [false, true, false])
        #expect(page.milestones.map(\.isDone) == [true, false, false])
        #expect(page.milestones[1].markURL == Href(SiteURL.programme(.milestone(id: item.milestones[1].requireIDString))))
        #expect(page.resources.map(\.kind) == [LearningResourceKind.book.title])
        #expect(page.resources.first?.items.first?.link == nil, "a resource with no link shows as text")
    }

    // MARK: Coaching: events

    static func event(startsInHours hours: Double, by host: UserModel, link: String = "") throws -> CoachingEventModel {
        let event = CoachingEventModel()
        event.id = UUID()
        event.title = "Salary negotiation"
        event.description = "How to answer the money question"
        event.startsAt = now.addingTimeInterval(hours * 3600)
        event.endsAt = event.startsAt.addingTimeInterval(3600)
        event.link = link
        event.place = link.isEmpty ? "Room 2" : ""
        event.$createdBy.id = try host.requireID()
        return event
    }

    @Test func only_those_who_hold_events_get_the_form_and_the_cohorts_to_hold_one_for() throws {
        let coach = Self.person("Priya Shah", .coach), graduate = Self.person("Amara Okafor", .graduate)
        let listed = EventUseCases.Listed(event: try Self.event(startsInHours: 26, by: coach, link: "https://meet.example/x"), cohortName: nil, going: 3, own: .going)
        let cohort = CohortModel()
        cohort.id = UUID()
        cohort.name = "Autumn 2026"

        let asCoach = EventsPage(upcoming: [listed], past: [], cohorts: [cohort], viewer: coach)
        #expect(asCoach.holdsEvents)
        #expect(asCoach.cohorts.map(\.name) == ["Autumn 2026"])
        let asGraduate = EventsPage(upcoming: [listed], past: [], cohorts: [cohort], viewer: graduate)
        #expect(!asGraduate.holdsEvents)
        #expect(asGraduate.cohorts.isEmpty)
        #expect(asGraduate.upcoming.map(\.audience) == ["everyone"])
        #expect(asGraduate.upcoming.map(\.online) == [true])
    }

    @Test func an_event_offers_answers_and_cancelling_only_as_its_decisions_allow_and_says_when_it_has_started() throws {
        let coach = Self.person("Priya Shah", .coach), graduate = Self.person("Amara Okafor", .graduate)
        func detail(_ event: CoachingEventModel, canAnswer: Bool, canCancel: Bool, seesWhoComes: Bool) -> EventUseCases.Detail {
            let answer = EventAnswerModel(eventID: event.id!, userID: graduate.id!, answer: .going, at: Self.now)
            return EventUseCases.Detail(event: event, cohortName: "Autumn 2026", createdBy: coach, answers: seesWhoComes ? [(answer, graduate)] : [],
                                        going: 1, notGoing: 0, unanswered: 4, own: canAnswer ? .going : nil,
                                        canAnswer: canAnswer, canCancel: canCancel, seesWhoComes: seesWhoComes)
        }
        let coming = try Self.event(startsInHours: 2, by: coach)
        let asGraduate = EventPage(detail(coming, canAnswer: true, canCancel: false, seesWhoComes: false), viewer: graduate, now: Self.now)
        #expect(asGraduate.answerURL == Href(SiteURL.coaching(.answerEvent(id: coming.requireIDString))))
        #expect(asGraduate.cancelURL == nil && asGraduate.whoComes == nil && !asGraduate.hasStarted)
        #expect(asGraduate.link == nil, "an event in a room has no link to join")

        let asHost = EventPage(detail(coming, canAnswer: false, canCancel: true, seesWhoComes: true), viewer: coach, now: Self.now)
        #expect(asHost.answerURL == nil)
        #expect(asHost.cancelURL == Href(SiteURL.coaching(.cancelEvent(id: coming.requireIDString))))
        #expect(asHost.whoComes?.going == ["Amara Okafor"])
        #expect(asHost.whoComes?.unanswered == 4)

        let begun = try Self.event(startsInHours: -0.5, by: coach)
        #expect(EventPage(detail(begun, canAnswer: true, canCancel: true, seesWhoComes: false), viewer: graduate, now: Self.now).hasStarted)
    }

    // MARK: Coaching: reviews

    @Test func a_submission_offers_the_review_form_to_a_reviewer_while_it_waits_and_resubmitting_to_its_graduate_when_sent_back() throws {
        let coach = Self.person("Priya Shah", .coach), graduate = Self.person("Amara Okafor", .graduate)
        let owner = Access.Owner(id: graduate.requireIDString, role: .graduate, coachIDs: [coach.requireIDString])
        func page(_ state: ReviewState, viewer: UserModel) throws -> SubmissionPage {
            let submission = SubmissionModel(userID: try graduate.requireID(), draft: SubmissionDraft(kind: .smartGoals, title: "My goals", body: "…", link: nil),
                                             on: LocalDate(year: 2026, month: 12, day: 1)!, at: Self.now.addingTimeInterval(-50 * 3600))
            submission.id = UUID()
            submission.state = state
            let detail = ReviewUseCases.Detail(submission: submission, graduate: graduate, rounds: [], scope: .init(viewer: viewer, person: graduate, owner: owner))
            return SubmissionPage(detail, now: Self.now)
        }
        #expect(try page(.waiting, viewer: coach).reviewURL != nil)
        #expect(try page(.waiting, viewer: coach).resubmitURL == nil)
        #expect(try page(.waiting, viewer: coach).waited == "2 days")
        #expect(try page(.approved, viewer: coach).reviewURL == nil)
        #expect(try page(.waiting, viewer: graduate).reviewURL == nil)
        #expect(try page(.changesRequested, viewer: graduate).resubmitURL != nil)
        #expect(try page(.changesRequested, viewer: graduate).resubmitForm.title == "My goals", "the form holds the last round")
        #expect(try page(.changesRequested, viewer: coach).resubmitURL == nil)
        #expect(try page(.waiting, viewer: graduate).graduateURL == nil)
    }

    // MARK: Practice: mock interviews and peer sessions

    static func slot(of coach: UserModel, startsInHours hours: Double) throws -> MockSlotModel {
        let slot = MockSlotModel()
        slot.id = UUID()
        slot.$coach.id = try coach.requireID()
        slot.startsAt = now.addingTimeInterval(hours * 3600)
        slot.minutes = 60
        slot.themesText = "back_end,front_end"
        return slot
    }

    static func booking(of slot: MockSlotModel, by graduate: UserModel, cancelled: Bool = false) throws -> MockBookingModel {
        let booking = MockBookingModel()
        booking.id = UUID()
        booking.$slot.id = try slot.requireID()
        booking.$user.id = try graduate.requireID()
        booking.theme = .backEnd
        booking.practise = "System design"
        booking.bookedAt = now.addingTimeInterval(-86_400)
        booking.cancelledAt = cancelled ? now : nil
        booking.lateCancellation = false
        return booking
    }

    @Test func a_coach_removes_a_slot_never_booked_and_scores_a_booked_one_once_it_has_started() throws {
        let coach = Self.person("Priya Shah", .coach), graduate = Self.person("Amara Okafor", .graduate)
        let free = try Self.slot(of: coach, startsInHours: 30), begun = try Self.slot(of: coach, startsInHours: -1), coming = try Self.slot(of: coach, startsInHours: 3)
        let page = MockSlotsPage(slots: [
            .init(slot: free, coach: coach, booking: nil, graduate: nil, scored: false, everBooked: false),
            .init(slot: begun, coach: coach, booking: try Self.booking(of: begun, by: graduate), graduate: graduate, scored: false, everBooked: true),
            .init(slot: coming, coach: coach, booking: try Self.booking(of: coming, by: graduate), graduate: graduate, scored: false, everBooked: true),
        ], viewer: coach, now: Self.now)
        #expect(page.rows.map { $0.removeURL != nil } == [true, false, false])
        #expect(page.rows.map(\.toScore) == [false, true, false])
        #expect(page.rows.first?.themes == "Back-end, Front-end")
        #expect(page.rows.first?.when.hasSuffix("(60 minutes)") == true)
    }

    @Test func only_the_interviews_coach_scores_it_and_only_once_it_has_started() throws {
        let coach = Self.person("Priya Shah", .coach), other = Self.person("Sam Lee", .coach), graduate = Self.person("Amara Okafor", .graduate)
        func page(startsInHours hours: Double, viewer: UserModel, cancelled: Bool = false) throws -> MockInterviewPage {
            let slot = try Self.slot(of: coach, startsInHours: hours)
            let item = MockInterviewUseCases.Booking(booking: try Self.booking(of: slot, by: graduate, cancelled: cancelled), slot: slot, graduate: graduate, coach: coach, rubric: nil)
            return MockInterviewPage(item, viewer: viewer, now: Self.now)
        }
        #expect(try page(startsInHours: -1, viewer: coach).rubricURL != nil)
        #expect(try page(startsInHours: -1, viewer: other).rubricURL == nil)
        #expect(try page(startsInHours: -1, viewer: coach, cancelled: true).rubricURL == nil)
        #expect(try page(startsInHours: 2, viewer: coach).rubricURL == nil)
        #expect(try page(startsInHours: 2, viewer: coach).waitsForStart)
        #expect(try page(startsInHours: 2, viewer: graduate).isGraduate)
        // The graduate's way out, until it starts; late under 24 hours before.
        #expect(try page(startsInHours: 30, viewer: graduate).cancelURL != nil)
        #expect(try page(startsInHours: 30, viewer: graduate).cancelIsLate == false)
        #expect(try page(startsInHours: 2, viewer: graduate).cancelIsLate)
        #expect(try page(startsInHours: 2, viewer: coach).cancelURL == nil)
        #expect(try page(startsInHours: -1, viewer: graduate).cancelURL == nil)
        #expect(try page(startsInHours: 30, viewer: graduate, cancelled: true).cancelURL == nil)
    }

    @Test func a_peer_session_is_joined_while_it_has_a_place_and_has_not_started_and_noted_once_it_has() throws {
        let host = Self.person("Amara Okafor", .graduate), guest = Self.person("Dev Patel", .graduate), coach = Self.person("Priya Shah", .coach)
        func detail(startsInHours hours: Double, places: Int, seated: [UserModel]) throws -> PeerSessionUseCases.Detail {
            let session = PeerSessionModel()
            session.id = UUID()
            session.$host.id = try host.requireID()
            session.startsAt = Self.now.addingTimeInterval(hours * 3600)
            session.minutes = 60
            session.kind = .technical
            session.places = places
            session.link = "https://meet.example/kata"
            let seats = try seated.map { person in (seat: PeerSeatModel(sessionID: session.id!, userID: try person.requireID(), at: Self.now), person: person) }
            return PeerSessionUseCases.Detail(session: session, host: host, seats: seats, joined: seats.first { $0.person === guest }?.seat,
                                              link: nil, notes: seats.map { _ in "" })
        }
        let open = try detail(startsInHours: 5, places: 3, seated: [host])
        #expect(PeerSessionPage(open, viewer: guest, now: Self.now).joinURL != nil)
        #expect(PeerSessionPage(open, viewer: coach, now: Self.now).joinURL == nil, "a coach does not take a place")
        #expect(PeerSessionPage(try detail(startsInHours: 5, places: 2, seated: [host, coach]), viewer: guest, now: Self.now).joinURL == nil, "full")
        #expect(PeerSessionPage(try detail(startsInHours: -0.5, places: 3, seated: [host]), viewer: guest, now: Self.now).joinURL == nil, "started")
        let joined = try detail(startsInHours: 5, places: 3, seated: [host, guest])
        #expect(PeerSessionPage(joined, viewer: guest, now: Self.now).joinURL == nil)
        #expect(PeerSessionPage(joined, viewer: guest, now: Self.now).noteURL == nil, "not started yet")
        #expect(PeerSessionPage(try detail(startsInHours: -0.5, places: 3, seated: [host, guest]), viewer: guest, now: Self.now).noteURL != nil)
    }

    /// The submission comes before the review form, and each round after the first says what
    /// changed since the one before: the title, lines added and removed, the link.
    @Test func a_submission_is_read_before_it_is_reviewed_and_each_round_says_what_changed() throws {
        let coach = Self.person("Priya Shah", .coach), graduate = Self.person("Amara Okafor", .graduate)
        let submission = SubmissionModel(userID: try graduate.requireID(), draft: SubmissionDraft(kind: .smartGoals, title: "My goals", body: "", link: nil),
                                         on: LocalDate(year: 2026, month: 12, day: 1)!, at: Self.now)
        submission.id = UUID()
        submission.state = .waiting
        func round(_ number: Int, _ title: String, _ body: String, _ link: String) -> ReviewUseCases.Detail.Round {
            let round = SubmissionRoundModel()
            round.round = number
            round.title = title
            round.body = body
            round.link = link
            round.changes = ""
            round.figures = ""
            round.sentAt = Self.now
            return .init(round: round, review: nil)
        }
        let detail = ReviewUseCases.Detail(
            submission: submission, graduate: graduate,
            rounds: [round(2, "My SMART goals", "Apply to 5 roles a week\nOne kata a day\nA blog post a month", "https://docs.example/2"),
                     round(1, "My goals", "Apply to 5 roles a week\nLearn Rust", "")],
            scope: .init(viewer: coach, person: graduate, owner: Access.Owner(id: graduate.requireIDString, role: .graduate, coachIDs: [coach.requireIDString])))
        let page = SubmissionPage(detail, now: Self.now)
        #expect(page.rounds[0].changes == [.title(from: "My goals", to: "My SMART goals"), .removed("Learn Rust"), .added("One kata a day"),
                                           .added("A blog post a month"), .link(from: nil, to: "https://docs.example/2")])
        #expect(page.rounds[1].changes.isEmpty)
        let html = HTML()
        page.content(html)
        let text = html.string
        let body = try #require(text.range(of: "One kata a day")), form = try #require(text.range(of: "Your verdict")), earlier = try #require(text.range(of: "Earlier rounds"))
        #expect(body.lowerBound < form.lowerBound && form.lowerBound < earlier.lowerBound, "the submission, then the form, then the rounds before")
    }

    // MARK: Programme: retrospectives

    @Test func a_retrospective_asked_for_a_week_outside_those_that_may_be_written_gets_the_nearest() {
        #expect(RetrospectivePage.week(asked: "9", writable: 1...4) == 4)
        #expect(RetrospectivePage.week(asked: "0", writable: 1...4) == 1)
        #expect(RetrospectivePage.week(asked: "2", writable: 1...4) == 2)
        #expect(RetrospectivePage.week(asked: nil, writable: 1...4) == 4, "this week")
        #expect(RetrospectivePage.week(asked: "last", writable: 1...4) == 4)
    }

    // MARK: Accounts: an admin's cohort and invitations

    @Test func a_cohorts_graduate_is_offered_only_the_coaches_not_yet_theirs() throws {
        let cohort = CohortModel()
        cohort.id = UUID()
        cohort.name = "Autumn 2026"
        cohort.courseEndDate = "2026-10-30"
        cohort.timeZone = "Europe/London"
        cohort.standupTime = "09:30"
        let amara = Self.person("Amara Okafor", .graduate), dev = Self.person("Dev Patel", .graduate)
        let priya = Self.person("Priya Shah", .coach), sam = Self.person("Sam Lee", .coach)
        let assignment = CoachAssignmentModel(coachID: try priya.requireID(), graduateID: try amara.requireID())
        assignment.id = UUID()
        let page = CohortPage(cohort, graduates: [amara, dev], coaches: [priya, sam], assignments: [assignment], pendingInvitations: 2,
                              today: LocalDate(iso: "2026-11-24")!)
        #expect(page.courseEnd == "Course ended " + Formats.day(iso: "2026-10-30"))
        #expect(CohortPage(cohort, graduates: [], coaches: [], assignments: [], pendingInvitations: 0, today: LocalDate(iso: "2026-10-01")!).courseEnd
                == "Course ends " + Formats.day(iso: "2026-10-30"), "a day ahead is not said as past")
        #expect(page.coaches.map(\.label) == ["Priya Shah", "Sam Lee"])
        #expect(page.graduates.map { $0.coaches.map(\.name) } == [["Priya Shah"], []])
        #expect(page.graduates.map { $0.assignable.map(\.label) } == [["Sam Lee"], ["Priya Shah", "Sam Lee"]])
        #expect(page.graduates[0].coaches[0].removeAction == Href(SiteURL.accounts(.removeAssignment(id: assignment.requireIDString))))
        #expect(page.inviteURL.text.hasSuffix("?cohort_id=" + cohort.requireIDString))
    }

    @Test func only_a_pending_invitation_shows_its_link_again() throws {
        let admin = Self.person("Ada Admin", .admin)
        func invitation(expiresInHours hours: Double, accepted: Bool = false) -> InvitationModel {
            let invitation = InvitationModel(id: UUID(), email: "new@example.com", role: .graduate, cohortID: nil, tokenHash: "", invitedByID: admin.id!,
                                             expiresAt: Self.now.addingTimeInterval(hours * 3600))
            invitation.acceptedAt = accepted ? Self.now : nil
            return invitation
        }
        let invitations = [invitation(expiresInHours: 48), invitation(expiresInHours: -1), invitation(expiresInHours: 48, accepted: true)]
        let bodies = Dictionary(uniqueKeysWithValues: invitations.map { ($0.id!, "Welcome to Onward.\nhttps://onward.example/invitations/abc") })
        let page = InvitationsPage(invitations: invitations, bodies: bodies, cohorts: [], admin: admin, now: Self.now, form: InvitationForm(), errors: .none)
        #expect(page.invitations.map(\.link) == ["https://onward.example/invitations/abc", nil, nil])
        #expect(InvitationsPage.link(in: "no link here") == nil)
    }

    // MARK: Programme: the standup board

    @Test func the_standup_board_shows_mood_and_concerns_only_to_the_graduate_and_their_coaches() throws {
        let cohort = CohortModel()
        cohort.id = UUID()
        cohort.name = "Autumn 2026"
        cohort.standupTime = "09:30"
        let amara = Self.person("Amara Okafor", .graduate), dev = Self.person("Dev Patel", .graduate), otto = Self.person("Otto Berg", .graduate)
        let priya = Self.person("Priya Shah", .coach)
        func standup(of person: UserModel) throws -> StandupModel {
            let standup = StandupModel()
            standup.$user.id = try person.requireID()
            standup.yesterday = "Two applications"
            standup.today = "A kata"
            standup.blockers = "Stuck on SQL joins"
            standup.mood = 2
            standup.wantsHelp = true
            standup.isLate = person === dev
            return standup
        }
        let board = ProgrammeUseCases.StandupBoard(
            cohort: cohort, today: LocalDate(year: 2026, month: 12, day: 7)!, members: [amara, dev, otto],
            coachIDs: [amara.id!: [priya.requireIDString]], standups: [amara.id!: try standup(of: amara), dev.id!: try standup(of: dev)])

        let asCoach = StandupBoardPage(board, viewer: priya)
        #expect(asCoach.posted.map(\.name) == ["Amara Okafor", "Dev Patel"])
        #expect(asCoach.waiting == ["Otto Berg"])
        #expect(asCoach.posted.map(\.mood) == [2, nil], "Priya coaches Amara, not Dev")
        #expect(asCoach.posted.map(\.wantsHelp) == [true, false])
        #expect(asCoach.posted.map(\.isLate) == [false, true])

        let asDev = StandupBoardPage(board, viewer: dev)
        #expect(asDev.posted.map(\.blockers) == [nil, "Stuck on SQL joins"], "their own concerns, not Amara's")
        #expect(asDev.posted.map(\.today) == ["A kata", "A kata"], "plans are for the whole cohort")
    }

    // MARK: Accounts: the graduate's cohort on their home

    @Test func the_course_is_said_to_end_before_its_day_and_to_have_ended_after() {
        #expect(AccountsHomeSections.course(endingOn: "18 Dec 2026", weeksSince: nil) == "Your course ends on 18 Dec 2026.")
        #expect(AccountsHomeSections.course(endingOn: "4 Dec 2026", weeksSince: 0) == "Your course ended on 4 Dec 2026: this is the first week of your job search.")
        #expect(AccountsHomeSections.course(endingOn: "6 Nov 2026", weeksSince: 1) == "Your course ended on 6 Nov 2026: 1 week into your job search.")
        #expect(AccountsHomeSections.course(endingOn: "6 Nov 2026", weeksSince: 4) == "Your course ended on 6 Nov 2026: 4 weeks into your job search.")
    }
}
