import Fluent
import Foundation
import OnwardCore
import OpenAPIRuntime
import Vapor

/// Coaching's API operations: submissions and their reviews.
extension OnwardAPI {
    private func submitter() throws -> UserModel { try tokenOwner(Access.followsProgramme, else: "Only a graduate submits work for review.") }
    private func reviewer() throws -> UserModel { try tokenOwner(Access.reviewsSubmissions, else: "Only a coach or an admin reviews submissions.") }
    private func planCoach() throws -> UserModel { try tokenOwner(Access.keepsLearningPlans, else: "Only a coach keeps learning plans.") }
    private func planGraduate() throws -> UserModel { try tokenOwner(Access.followsProgramme, else: "Only a graduate has a learning plan of their own.") }

    private static func submission(_ submission: SubmissionModel) -> Components.Schemas.Submission {
        .init(id: submission.requireIDString, kind: .init(rawValue: submission.kind.rawValue)!, title: submission.title, body: submission.body,
              link: submission.link, submittedOn: submission.submittedOn, state: .init(rawValue: submission.state.rawValue)!, round: submission.round,
              changes: submission.changes, figures: SubmissionModel.analysis(submission.figures).map(Self.figures))
    }

    /// The figures of an analysis as the API says them.
    private static func figures(_ a: JobSearchAnalysis) -> Components.Schemas.JobSearchAnalysis {
        .init(asOf: a.asOf.iso, firstSent: a.firstSent?.iso,
              sources: a.sources.map { .init(source: $0.source, sent: $0.sent, answered: $0.answered, interviewed: $0.interviewed, medianDaysToFirstAnswer: $0.medianDaysToFirstAnswer) },
              stages: a.stages.map { .init(stage: $0.stage, count: $0.count) },
              open: a.open, accepted: a.accepted, rejected: a.rejected, withdrawn: a.withdrawn,
              funnel: a.funnel.map { .init(step: $0.step, count: $0.count, rate: $0.rate, cohortMedianCount: $0.cohortMedianCount, cohortMedianRate: $0.cohortMedianRate) },
              cohortSearching: a.cohortSearching,
              signals: a.signals.map { .init(title: $0.title, reason: $0.reason, raised: $0.raised.iso, cleared: $0.cleared?.iso) },
              feedback: a.feedback.map { .init(source: $0.source, given: $0.given.iso, done: $0.done, doneOn: $0.doneOn?.iso) })
    }

    private static func review(_ review: SubmissionReviewModel, reviewer: String) -> Components.Schemas.SubmissionReview {
        .init(round: review.round, verdict: .init(rawValue: review.verdict.rawValue)!, comment: review.comment, reviewer: reviewer,
              reviewedAt: review.createdAt ?? Date())
    }

    func listSubmissions(_ input: Operations.ListSubmissions.Input) async throws -> Operations.ListSubmissions.Output {
        let viewer = try submitter()
        return .ok(.init(body: .json(try await ReviewUseCases(req: request).submissions(of: viewer.requireID()).map(Self.submission))))
    }

    func createSubmission(_ input: Operations.CreateSubmission.Input) async throws -> Operations.CreateSubmission.Output {
        let viewer = try submitter()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try SubmissionDraft.validate(kind: body.kind.rawValue, title: body.title, body: body.body ?? "", link: body.link ?? "", changes: body.changes ?? "")
        return .created(.init(body: .json(Self.submission(try await ReviewUseCases(req: request).submit(draft, for: viewer)))))
    }

    func getSubmission(_ input: Operations.GetSubmission.Input) async throws -> Operations.GetSubmission.Output {
        let detail = try await ReviewUseCases(req: request).detail(of: input.path.id, for: user())
        return .ok(.init(body: .json(.init(
            submission: Self.submission(detail.submission), graduateId: detail.graduate.requireIDString, graduateName: detail.graduate.name,
            rounds: detail.rounds.map { item in
                .init(round: item.round.round, title: item.round.title, body: item.round.body, link: item.round.link, sentAt: item.round.sentAt,
                      review: item.review.map { Self.review($0, reviewer: $0.reviewer.name) }, changes: item.round.changes,
                      figures: SubmissionModel.analysis(item.round.figures).map(Self.figures))
            }))))
    }

    func resubmitSubmission(_ input: Operations.ResubmitSubmission.Input) async throws -> Operations.ResubmitSubmission.Output {
        let viewer = try submitter()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let submission = try await ReviewUseCases(req: request).resubmit(input.path.id, title: body.title, body: body.body ?? "", link: body.link ?? "", changes: body.changes ?? "", by: viewer)
        return .created(.init(body: .json(Self.submission(submission))))
    }

    func reviewSubmission(_ input: Operations.ReviewSubmission.Input) async throws -> Operations.ReviewSubmission.Output {
        let viewer = try reviewer()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let review = try await ReviewUseCases(req: request).review(input.path.id, verdict: body.verdict.rawValue, comment: body.comment ?? "", by: viewer)
        return .created(.init(body: .json(Self.review(review, reviewer: viewer.name))))
    }

    func listReviewQueue(_ input: Operations.ListReviewQueue.Input) async throws -> Operations.ListReviewQueue.Output {
        let (waiting, _) = try await ReviewUseCases(req: request).queue(for: reviewer())
        return .ok(.init(body: .json(waiting.map { item in
            .init(submission: Self.submission(item.submission), graduateId: item.graduate.requireIDString, graduateName: item.graduate.name,
                  waitingSince: item.submission.sentAt ?? item.submission.createdAt ?? Date())
        })))
    }
}

/// Coaching's API operations: the help desk.
extension OnwardAPI {
    private static func supportRequest(_ request: SupportRequestModel, graduate: UserModel) -> Components.Schemas.SupportRequest {
        .init(id: request.requireIDString, graduateId: graduate.requireIDString, graduateName: graduate.name, kind: .init(rawValue: request.kind.rawValue)!,
              subject: request.subject, message: request.message, preferredTimes: request.preferredTimes, state: .init(rawValue: request.state.rawValue)!,
              openedAt: request.openedAt, firstReplyAt: request.firstReplyAt, meetingAt: request.meetingAt,
              origin: .init(rawValue: request.origin.rawValue)!, originDay: request.originDay)
    }

    private static func supportReply(_ reply: SupportReplyModel, author: String) -> Components.Schemas.SupportReply {
        .init(author: author, body: reply.body, writtenAt: reply.writtenAt, meetingAt: reply.meetingAt)
    }

    func listSupportRequests(_ input: Operations.ListSupportRequests.Input) async throws -> Operations.ListSupportRequests.Output {
        let viewer = try user()
        let support = SupportUseCases(req: try request)
        if Access.followsProgramme(viewer.viewer) {
            let own = try await support.requests(of: viewer.requireID()).sorted { $0.openedAt < $1.openedAt }
            return .ok(.init(body: .json(own.map { Self.supportRequest($0, graduate: viewer) })))
        }
        guard Access.worksSupportDesk(viewer.viewer) else {
            throw Refusal.notAllowed("Only a graduate and the careers team read support requests.")
        }
        let (open, pending, solved) = try await support.desk(for: viewer)
        let rows = (open + pending + solved).sorted { $0.request.openedAt < $1.request.openedAt }
        return .ok(.init(body: .json(rows.map { Self.supportRequest($0.request, graduate: $0.graduate) })))
    }

    func openSupportRequest(_ input: Operations.OpenSupportRequest.Input) async throws -> Operations.OpenSupportRequest.Output {
        let viewer = try tokenOwner(Access.followsProgramme, else: "Only a graduate opens a support request.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try SupportRequestDraft.validate(kind: body.kind.rawValue, subject: body.subject, message: body.message, preferredTimes: body.preferredTimes ?? "")
        let opened = try await SupportUseCases(req: try request).open(draft, for: viewer)
        return .created(.init(body: .json(Self.supportRequest(opened, graduate: viewer))))
    }

    func getSupportRequest(_ input: Operations.GetSupportRequest.Input) async throws -> Operations.GetSupportRequest.Output {
        let thread = try await SupportUseCases(req: try request).thread(of: input.path.id, for: user())
        return .ok(.init(body: .json(.init(request: Self.supportRequest(thread.request, graduate: thread.graduate),
                                           replies: thread.replies.map { Self.supportReply($0, author: $0.author.name) }))))
    }

    func replyToSupportRequest(_ input: Operations.ReplyToSupportRequest.Input) async throws -> Operations.ReplyToSupportRequest.Output {
        let viewer = try user()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let support = SupportUseCases(req: try request)
        let thread = try await support.thread(of: input.path.id, for: viewer)
        if body.meetingAt != nil { try SupportUseCases.mayTimeAMeeting(on: thread.request, fromTeam: !thread.scope.isSelf) }
        let draft = try SupportReplyDraft.validate(body: body.body, meetingAt: body.meetingAt, now: try request.now)
        let reply = try await support.reply(to: input.path.id, draft, by: viewer)
        return .created(.init(body: .json(Self.supportReply(reply, author: viewer.name))))
    }

    func solveSupportRequest(_ input: Operations.SolveSupportRequest.Input) async throws -> Operations.SolveSupportRequest.Output {
        let support = SupportUseCases(req: try request)
        let viewer = try user()
        let solved = try await support.solve(input.path.id, by: viewer)
        let thread = try await support.thread(of: input.path.id, for: viewer)
        return .ok(.init(body: .json(Self.supportRequest(solved, graduate: thread.graduate))))
    }
}

/// Coaching's API operations: Individual Learning Plans.
extension OnwardAPI {
    private func planAnswer(_ detail: LearningPlanUseCases.Detail) async throws -> Components.Schemas.LearningPlan {
        let plan = detail.plan
        let recorderIDs = Array(Set(detail.meetings.map(\.$recordedBy.id)))
        let names = Dictionary(try await UserModel.query(on: request.db).filter(\.$id ~~ recorderIDs).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        return .init(
            id: plan.requireIDString, graduateId: detail.graduate.requireIDString, graduateName: detail.graduate.name, coachName: detail.coach?.name,
            focusAreas: plan.focusAreas, cadence: .init(rawValue: plan.cadence.rawValue)!, state: .init(rawValue: plan.state.rawValue)!,
            startedOn: plan.startedOn, nextMeeting: detail.nextMeeting?.iso,
            meetings: detail.meetings.map { .init(heldOn: $0.heldOn, notes: $0.notes, recordedBy: names[$0.$recordedBy.id] ?? "") },
            recommendations: detail.recommendations.map { Self.recommendation($0, today: detail.today) })
    }

    private static func recommendation(_ item: RecommendationModel, today: LocalDate) -> Components.Schemas.Recommendation {
        .init(id: item.id!.uuidString, kind: .init(rawValue: item.kind.rawValue)!, description: item.description, link: item.link, due: item.due,
              state: .init(rawValue: item.state.rawValue)!, outcomeLink: item.outcomeLink, overdue: item.isOverdue(today: today))
    }

    func getOwnPlan(_ input: Operations.GetOwnPlan.Input) async throws -> Operations.GetOwnPlan.Output {
        let viewer = try planGraduate()
        let plans = LearningPlanUseCases(req: try request)
        guard let plan = try await plans.current(of: viewer.requireID()) else { throw Refusal.notFound("You have no learning plan; ask for one.") }
        return .ok(.init(body: .json(try await planAnswer(plans.detail(of: plan.requireIDString, for: viewer)))))
    }

    func askForPlan(_ input: Operations.AskForPlan.Input) async throws -> Operations.AskForPlan.Output {
        let viewer = try planGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let plans = LearningPlanUseCases(req: try request)
        let plan = try await plans.ask(body.focusAreas, for: viewer)
        return .created(.init(body: .json(try await planAnswer(plans.detail(of: plan.requireIDString, for: viewer)))))
    }

    func listPlans(_ input: Operations.ListPlans.Input) async throws -> Operations.ListPlans.Output {
        let rows = try await LearningPlanUseCases(req: try request).plans(for: planCoach())
        return .ok(.init(body: .json(rows.map { row in
            .init(id: row.plan.requireIDString, graduateId: row.graduate.requireIDString, graduateName: row.graduate.name, focusAreas: row.plan.focusAreas,
                  state: .init(rawValue: row.plan.state.rawValue)!, nextMeeting: row.nextMeeting?.iso, overdueRecommendations: row.overdue)
        })))
    }

    func startPlan(_ input: Operations.StartPlan.Input) async throws -> Operations.StartPlan.Output {
        let coach = try planCoach()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try LearningPlanDraft.validate(focusAreas: body.focusAreas, cadence: body.cadence.rawValue)
        let plans = LearningPlanUseCases(req: try request)
        let plan = try await plans.start(for: body.graduateId, draft, by: coach)
        return .created(.init(body: .json(try await planAnswer(plans.detail(of: plan.requireIDString, for: coach)))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        .ok(.init(body: .json(try await planAnswer(LearningPlanUseCases(req: try request).detail(of: input.path.id, for: user())))))
    }

    func recordMeeting(_ input: Operations.RecordMeeting.Input) async throws -> Operations.RecordMeeting.Output {
        let coach = try planCoach()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let rows = (body.recommendations ?? []).map { MeetingDraft.Row(kind: $0.kind.rawValue, description: $0.description, link: $0.link ?? "", due: $0.due ?? "") }
        let plans = LearningPlanUseCases(req: try request)
        try await plans.recordMeeting(on: input.path.id, by: coach) { today throws(ValidationErrors) in
            try MeetingDraft.validate(heldOn: body.heldOn, notes: body.notes, rows: rows, today: today, rowPrefix: { "recommendations[\($0 - 1)]." })
        }
        return .created(.init(body: .json(try await planAnswer(plans.detail(of: input.path.id, for: coach)))))
    }

    func finishPlan(_ input: Operations.FinishPlan.Input) async throws -> Operations.FinishPlan.Output {
        let coach = try planCoach()
        let plans = LearningPlanUseCases(req: try request)
        try await plans.finish(input.path.id, by: coach)
        return .ok(.init(body: .json(try await planAnswer(plans.detail(of: input.path.id, for: coach)))))
    }

    func updateRecommendation(_ input: Operations.UpdateRecommendation.Input) async throws -> Operations.UpdateRecommendation.Output {
        let viewer = try planGraduate()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let progress = try RecommendationProgress.validate(state: body.state.rawValue, outcomeLink: body.outcomeLink)
        let item = try await LearningPlanUseCases(req: try request).progress(input.path.id, progress, by: viewer)
        return .ok(.init(body: .json(Self.recommendation(item, today: viewer.today(at: try request.now)))))
    }
}

/// Coaching's API operations: events, and the coach's dashboard.
extension OnwardAPI {
    private func eventSeer() throws -> UserModel { try tokenOwner(Access.seesEvents, else: "Only graduates and the careers team see coaching events.") }

    private static func event(_ event: CoachingEventModel, cohortName: String?, heldBy: String, going: Int, own: EventAnswer?) -> Components.Schemas.CoachingEvent {
        .init(id: event.requireIDString, title: event.title, description: event.description, startsAt: event.startsAt, endsAt: event.endsAt,
              link: event.link.isEmpty ? nil : event.link, place: event.place, cohortId: event.$cohort.id?.uuidString, cohortName: cohortName,
              heldBy: heldBy, going: going, ownAnswer: own.map { .init(rawValue: $0.rawValue)! })
    }

    private func eventAnswer(_ detail: EventUseCases.Detail) -> Components.Schemas.CoachingEvent {
        Self.event(detail.event, cohortName: detail.cohortName, heldBy: detail.createdBy.name, going: detail.going, own: detail.own)
    }

    func listEvents(_ input: Operations.ListEvents.Input) async throws -> Operations.ListEvents.Output {
        let viewer = try eventSeer()
        let (upcoming, past) = try await EventUseCases(req: request).events(for: viewer)
        let all = upcoming + past
        let holders = Array(Set(all.map { $0.event.$createdBy.id }))
        let names = holders.isEmpty ? [:] : Dictionary(try await UserModel.query(on: request.db).filter(\.$id ~~ holders).all().map { ($0.id!, $0.name) }, uniquingKeysWith: { first, _ in first })
        return .ok(.init(body: .json(all.map { item in
            Self.event(item.event, cohortName: item.cohortName, heldBy: names[item.event.$createdBy.id] ?? "", going: item.going, own: item.own)
        })))
    }

    func createEvent(_ input: Operations.CreateEvent.Input) async throws -> Operations.CreateEvent.Output {
        let holder = try tokenOwner(Access.holdsEvents, else: "Only a coach or an admin holds events.")
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let draft = try EventDraft.validate(title: body.title, description: body.description, startsAt: body.startsAt, endsAt: body.endsAt,
                                            link: body.link ?? "", place: body.place ?? "", cohortID: body.cohortId, now: try request.now)
        let useCases = EventUseCases(req: try request)
        let event = try await useCases.create(draft, by: holder)
        return .created(.init(body: .json(eventAnswer(try await useCases.detail(of: event.requireIDString, for: holder)))))
    }

    func getEvent(_ input: Operations.GetEvent.Input) async throws -> Operations.GetEvent.Output {
        let detail = try await EventUseCases(req: try request).detail(of: input.path.id, for: eventSeer())
        return .ok(.init(body: .json(.init(
            event: eventAnswer(detail),
            answers: detail.seesWhoComes ? detail.answers.map { .init(graduateId: $0.graduate.requireIDString, graduateName: $0.graduate.name,
                                                                       answer: .init(rawValue: $0.answer.answer.rawValue)!, answeredAt: $0.answer.answeredAt) } : nil,
            unanswered: detail.seesWhoComes ? detail.unanswered : nil))))
    }

    func answerEvent(_ input: Operations.AnswerEvent.Input) async throws -> Operations.AnswerEvent.Output {
        let viewer = try eventSeer()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let useCases = EventUseCases(req: try request)
        try await useCases.answer(input.path.id, EventAnswer(rawValue: body.answer.rawValue)!, by: viewer)
        return .ok(.init(body: .json(eventAnswer(try await useCases.detail(of: input.path.id, for: viewer)))))
    }

    func cancelEvent(_ input: Operations.CancelEvent.Input) async throws -> Operations.CancelEvent.Output {
        _ = try await EventUseCases(req: try request).cancel(input.path.id, by: eventSeer())
        return .noContent(.init())
    }

    func getDashboard(_ input: Operations.GetDashboard.Input) async throws -> Operations.GetDashboard.Output {
        let viewer = try tokenOwner(Access.readsCoachDashboard, else: "Only a coach or an admin reads the dashboard.")
        let req = try request
        let columns = req.application.dashboardColumns.map(\.column)
        let query = DashboardQuery(columns: columns, sort: input.query.sort?.rawValue, order: input.query.order?.rawValue, show: input.query.show?.rawValue, search: input.query.q)
        let rows = query.arrange(try await CoachDashboard(app: req.application, db: req.db, now: req.now).rows(for: viewer), today: viewer.today(at: req.now))
        // The document names each column by its id (a test holds them to the modules' columns);
        // a figure a row has none of is left out.
        return .ok(.init(body: .json(rows.map { row in
            func figure(_ id: String) -> DashboardFigure? { columns.first { $0.id == id }.flatMap(row.figure) }
            func count(_ id: String) -> Int { figure(id)?.value ?? 0 }
            return .init(graduateId: row.id, graduateName: row.name, status: figure("status")?.tag.flatMap(Components.Schemas.DashboardStatus.init(rawValue:)),
                         missing: figure("status")?.notes ?? [], standupStreak: count("streak"), moodToday: figure("mood")?.value,
                         applicationsLast7Days: count("applications"), interviewsLast7Days: count("interviews"), offersToDecide: count("offers"), openSupportRequests: count("requests"),
                         waitingSubmissions: count("submissions"), overdueRecommendations: count("overdue"),
                         nextMeeting: figure("meeting").map { LocalDate(dayNumber: $0.value).iso }, signals: figure("signals")?.notes ?? [])
        })))
    }
}
