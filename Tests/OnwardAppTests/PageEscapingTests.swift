import Foundation
import OnwardCore
import Testing
@testable import OnwardApp

/// Every page model, built from a fixture with hostile text in every field a person can type,
/// rendered inside the shell without a database: the text shows, and only escaped.
@Suite struct PageEscapingTests {
    static let hostile = EscapingCheck.hostile

    /// An analysis's figures with hostile text in every line a person or a record wrote, read
    /// from JSON as a kept round's are.
    static func hostileAnalysis() -> JobSearchAnalysis {
        let h = String(decoding: try! JSONEncoder().encode(hostile), as: UTF8.self)
        let json = """
            {"asOf":"2026-11-30","firstSent":"2026-11-02","open":1,"accepted":0,"rejected":1,"withdrawn":0,"cohortSearching":3,
             "sources":[{"source":\(h),"sent":2,"answered":1,"interviewed":0,"medianDaysToFirstAnswer":4.5}],
             "stages":[{"stage":\(h),"count":2}],
             "funnel":[{"step":\(h),"count":2,"cohortMedianCount":3},{"step":\(h),"count":1,"rate":0.5,"cohortMedianCount":1,"cohortMedianRate":0.4}],
             "signals":[{"title":\(h),"reason":\(h),"raised":"2026-11-20"}],
             "feedback":[{"source":\(h),"given":"2026-11-10","done":\(h),"doneOn":"2026-11-12"},{"source":\(h),"given":"2026-11-11"}]}
            """
        // A fixture that does not read is a broken test, not a case to handle.
        return try! JSONDecoder().decode(JobSearchAnalysis.self, from: Data(json.utf8))
    }

    static func shell() -> Shell {
        Shell(path: "/", user: (hostile, .graduate), links: (main: [NavLink(label: hostile, url: .home, children: [NavLink(label: hostile, url: .home)])], account: [NavLink(label: hostile, url: .home)]),
              flashes: [Flash(kind: .error, message: hostile)], csrf: hostile, signOut: .accounts(.signOut))
    }

    static let day = LocalDate(iso: "2026-11-20")!
    static let id = "00000000-0000-0000-0000-000000000001"

    static func figures() -> JobSearch.Figures {
        let history = ApplicationHistory(moves: [.init(.applied, on: day), .init(.interview, on: day)], interviews: [(day, true)])
        return JobSearch.Figures(
            sevenDays: JobSearchFigures(histories: [history], window: SevenDayWindow(endingOn: day)),
            weeks: WeekFigures.series(histories: [history], today: day), funnel: Funnel(histories: [history]))
    }

    static func errors(_ fields: String...) -> FormErrors {
        FormErrors(ValidationErrors(fields.map { FieldError(field: $0, message: hostile) }))
    }

    static func csvRow(_ line: Int) -> ApplicationsCSV.Row {
        ApplicationsCSV.Row(line: line, draft: ApplicationDraft(company: hostile, roleTitle: hostile), stage: .applied, moves: [], contact: nil)
    }

    static func roadItem(_ actions: Bool) -> RoadMapPage.Item {
        RoadMapPage.Item(key: hostile, title: hostile, description: hostile, state: "due", stateLabel: hostile, isRequired: !actions,
                         canSkip: actions, canMarkDone: true, progress: hostile, due: hostile, markDay: hostile,
                         record: actions ? nil : (Href(.programme(.goals), query: "x=" + hostile), hostile))
    }

    static func goalVersion() -> SmartGoalVersionModel {
        SmartGoalVersionModel(goalID: UUID(), version: 1, draft: SmartGoalDraft(specific: hostile, measurable: hostile, achievable: hostile, relevant: hostile,
                                                                                  timeBound: LocalDate(iso: "2027-01-31")!), writtenOn: LocalDate(iso: "2026-11-23")!)
    }

    /// A report with a graduate behind every kind of figure.
    static func outcomeReport() -> OutcomeReport {
        let end = LocalDate(iso: "2026-10-30")!
        return Outcomes.report(of: [StudentRecord(id: hostile, enrolledOn: end.adding(days: -84), plannedEnd: end, enrolment: .graduated(on: end), intent: .seeking,
                                                  outcomes: [RecordedOutcome(.fullTimeEmployee, on: end, documented: true, salary: .range(30_000, 40_000))])])
    }

    /// A graduate's outcome record with every text hostile: a job to confirm, an outcome, an enrolment.
    static func graduateOutcomes() -> GraduateOutcomesPage {
        let h = hostile
        let person = UserModel(id: UUID(), email: h, name: h, passwordHash: "", role: .graduate, cohortID: nil, timeZone: "UTC")
        let cohort = CohortModel()
        (cohort.id, cohort.name, cohort.courseEndDate, cohort.timeZone, cohort.standupTime) = (UUID(), h, "2026-10-30", "UTC", "10:00")
        let placement = PlacementFact(id: UUID(), acceptedOn: day, company: h, jobTitle: h, employmentType: .fullTime, inField: true, salary: 30_000, startsOn: day)
        let draft = OutcomeDraft(code: .fullTimeEmployee, beganOn: day, salary: .exact(30_000), source: .employer, note: h)
        let outcome = OutcomeRecordModel(userID: person.id!, draft: draft, placementID: nil, by: UUID(), at: Date())
        outcome.$documentedBy.value = .some(person)
        let enrolment = EnrolmentModel()
        (enrolment.enrolledOn, enrolment.state, enrolment.stateOn, enrolment.intent, enrolment.intentNote) = (day.iso, .graduated, day.iso, .notSeeking, h)
        let student = OutcomesUseCases.student(person, cohort: cohort, enrolment: enrolment, outcomes: [outcome], placements: [placement], now: Date())
        return GraduateOutcomesPage(student: student, cohort: cohort, today: day, zone: "UTC", editsEnrolment: true,
                                    errors: FormErrors(ValidationErrors([FieldError(field: "code", message: h)])), erred: "", typed: ["note": h, "began_on": h, "code": h])
    }

    /// A shared candidate with every text hostile.
    static func candidate(login: Bool = true) -> ShortlistUseCases.Candidate {
        let h = hostile
        let ranked = Shortlist.rank([Shortlist.Evidence(id: id, name: h, weeklyCommits: login ? Array(repeating: 4, count: 12) : nil, sideProjects: [day],
                                                        feedbackGiven: 2, feedbackActedOn: 1)], today: day, weeklyTarget: 3)[0]
        return ShortlistUseCases.Candidate(id: UUID(uuidString: id)!, name: h, headline: h, stacks: [h], githubLogin: login ? h : nil, availableFrom: day.adding(days: 9),
                                           weeks: login ? ShortlistUseCases.mondays(today: day).map { (monday: $0, commits: 4) } : nil, sideProjects: [(name: h, lastWorked: day)],
                                           mockScores: [MockScore(day: day, theme: h, scores: [(criterion: h, score: 3)])], recommendation: login ? h : nil, ranked: ranked)
    }

    /// The evidence behind a candidate's figures, every text hostile.
    static func behind() -> ShortlistUseCases.Behind {
        let h = hostile
        let project = ProjectModel()
        project.id = UUID()
        (project.name, project.repositoryURL, project.liveURL, project.description, project.stacksText, project.isSide) = (h, "https://github.com/" + h, "https://" + h, h, h, true)
        (project.startedOn, project.lastWorkedOn) = (day.iso, h)
        let commit = GitHubCommitModel(userID: UUID(), sha: h, at: Date(), day: day)
        commit.repository = h
        let bare = GitHubCommitModel(userID: UUID(), sha: h, at: Date(), day: day)
        let action = FeedbackActionModel(userID: UUID(), feedbackKey: h, draft: FeedbackActionDraft(kind: .kata, link: "https://" + h, note: h, day: day))
        action.id = UUID()
        return ShortlistUseCases.Behind(projects: [ProjectUseCases.Project(model: project, lastCommit: day, lastWorked: day)],
                                        feedback: [FeedbackUseCases.Item(given: FeedbackGiven(key: h, source: h, text: h, given: day), actions: [action])],
                                        commits: [commit, bare], recommendedBy: h)
    }

    static func shortlist() -> ShortlistModel {
        let list = ShortlistModel(draft: ShortlistDraft(name: hostile, hiringPartner: hostile), by: UUID(), at: Date())
        list.id = UUID()
        return list
    }

    /// One fixture of each page, every text a person can type hostile.
    static func pages() -> [String: any PageView] {
        let h = hostile
        let p = PersonName(hostile, role: .coach)
        let person = PersonCard(name: h, url: Href(.homes(.person(id: id))), cohort: h, githubLogin: h, stacks: [h, "Swift"])
        let heading = SearchHeading(owner: h, ownerID: id, isOwn: false, canWrite: false)
        let ownHeading = SearchHeading(owner: h, ownerID: id, isOwn: true, canWrite: true)
        let card = JobSearch.Board.Card(id: UUID().uuidString, stage: .applied, company: h, roleTitle: h, excitement: 3, nextAction: h, nextActionDue: day.iso)
        let listed = JobSearch.ListedApplication(id: UUID(), company: h, roleTitle: h, stage: .applied, source: .referral, nextAction: h, nextActionDue: day.iso, excitement: 4, sentOn: day.iso)
        var filter = JobSearch.Filter()
        filter.text = h
        var preview = ApplicationsCSV.Preview()
        preview.rows = [csvRow(2)]
        preview.duplicates = [csvRow(3)]
        preview.errors = [.init(line: 4, message: h)]
        preview.mapping = [.company: h]
        preview.ignoredColumns = [h]
        var clean = preview
        clean.errors = []
        let placementForm = PlacementForm(on: h, start_date: h, job_title: h, employment_type: h, in_field: "yes", salary: h)
        let application = ApplicationPage(
            id: id, owner: h, isOwn: true, canWrite: true, canCorrectPlacement: true, company: h, roleTitle: h, stage: .offer,
            postURL: "https://example.org/?q=" + h, location: h, remote: true, salary: h, source: h, nextAction: h, due: h, notes: h, excitement: 5,
            timeline: [.init(day: h, text: h, kind: "applied")],
            interviews: [.init(id: h, kind: h, when: h, duration: 60, withWhom: h, outcome: h, feedback: h, technical: true)],
            contacts: [.init(id: h, name: h, role: h, email: h, profileURL: h)],
            placement: .init(startDate: h, jobTitle: h, employmentType: h, inField: true, salary: h, correctedBy: h, form: placementForm),
            today: day, backURL: Href(.home), errors: errors("stage", "kind", "contact_name", "job_title"),
            interviewForm: InterviewForm(kind: h, date: h, time: h, duration_minutes: h, with_whom: h, outcome: h, feedback: h),
            contactForm: ContactForm(contact_name: h, contact_role: h, contact_email: h, contact_profile_url: h))
        var applicationForm = ApplicationForm(stage: .applied, on: day)
        applicationForm.company = h
        applicationForm.role_title = h
        applicationForm.url = h
        applicationForm.location = h
        applicationForm.notes = h
        applicationForm.next_action = h
        return [
            "edit interview": EditUnderApplicationPage(id: h, company: h, applicationURL: Href(.home),
                                                       record: .interview(InterviewForm(kind: h, date: h, time: h, duration_minutes: h, with_whom: h, outcome: h, feedback: h)),
                                                       errors: errors("kind", "date")),
            "edit contact": EditUnderApplicationPage(id: h, company: h, applicationURL: Href(.home),
                                                     record: .contact(ContactForm(contact_name: h, contact_role: h, contact_email: h, contact_profile_url: h)),
                                                     errors: errors("contact_name")),
            "sign-in": SignInPage(email: h, next: h, errors: errors("email")),
            "accept invitation": AcceptInvitationPage(action: Href(.home), email: h, role: h, cohort: h, expires: h, name: h, errors: errors("name")),
            "profile": ProfilePage(email: h, role: h, cohort: h, name: h, timeZone: h, githubLogin: h, stacks: h, bio: h, errors: errors("name", "bio")),
            "password": PasswordPage(errors: errors("password")),
            "notifications": NotificationsPage(items: [.init(text: h, url: Href(.home), when: h, unread: true)], unread: 1),
            "notification settings": NotificationSettingsPage(choices: [.init(kind: .reviewDone, emailed: true)]),
            "outbox": OutboxPage(server: h, messages: [.init(to: h, subject: h, written: h, state: h, tone: h, detail: h, error: h)], waiting: 1),
            "slack": SlackPage(channels: [.init(id: h, name: h, address: h, saved: h), .init(id: h, name: h, address: nil, saved: nil)],
                               posts: [.init(written: h, cohort: h, what: h, summary: h, state: DeliveryState(sentAt: nil, failedAt: nil, attempts: 1, nextAttemptAt: nil, zone: h, waitingFor: h), error: h)],
                               errors: FormErrors(ValidationErrors([FieldError(field: "url", message: h)])), erred: (h, h)),
            "your data": YourDataPage(downloads: [(h, SiteURL.home)], lists: [h], role: .graduate, errors: FormErrors(ValidationErrors([FieldError(field: "email", message: h)]))),
            "outcomes": OutcomesPage(rows: [.init(half: HalfYear(year: 2026, first: false), cohort: h, url: .outcomes(.cohort(id: h)), report: Self.outcomeReport())],
                                     cohortsRead: 1, seesNames: true, today: day),
            "cohort outcomes": CohortOutcomesPage(cohort: h, cohortID: h, courseEnd: h, today: day, reports: [.init(half: HalfYear(year: 2026, first: false), report: Self.outcomeReport())],
                                                  who: .init(figure: h, people: [(name: h, url: .outcomes(.graduate(id: h)))]), seesNames: true),
            "published outcomes": CohortOutcomesPage(cohort: h, cohortID: h, courseEnd: h, today: day,
                                                     reports: [.init(half: HalfYear(year: 2026, first: false), report: Self.outcomeReport())], who: nil, seesNames: false, shown: .published),
            "graduate outcomes": Self.graduateOutcomes(),
            "deletions": DeletionsPage(entries: [.init(when: h, role: h, by: h)], errors: FormErrors(ValidationErrors([FieldError(field: "email", message: h)])), typed: h),
            "calendar feed": CalendarFeedPage(feed: .init(created: h, lastRead: h), newAddress: "https://onward.example/calendar/" + h, holds: [h]),
            "tokens": TokensPage(tokens: [.init(name: h, prefix: h, created: h, lastUsed: h, expires: h, revokeAction: Href(.home))], newToken: h,
                                 form: TokenForm(name: h, expires: h), errors: errors("name")),
            "admin overview": AdminOverviewPage(figures: [.init(label: h, value: 3, url: Href(.home))], standings: [h], waitingHeadings: [h],
                                                cohorts: [.init(name: h, url: Href(.home), graduates: 3, byStanding: [2], placedThisMonth: 1, waiting: [1])], month: h),
            "cohorts": CohortsPage(cohorts: [.init(name: h, url: Href(.home), courseEnd: h, timeZone: h, standupTime: h, graduates: 2)],
                                   form: CohortForm(name: h, course_end_date: h, time_zone: h, standup_time: h), errors: errors("name")),
            "cohort": CohortPage(name: h, courseEnd: h, timeZone: h, standupTime: h,
                                 graduates: [.init(id: h, name: h, email: h, url: Href(.home), coaches: [.init(name: h, removeAction: Href(.home))], assignable: [SelectOption(value: h, label: h)])],
                                 inviteURL: Href(.home), pendingInvitations: 1, id: h, coaches: [SelectOption(value: h, label: h)],
                                 form: CohortAssignmentForm(coach_id: h, graduate_ids: [h]), errors: errors("graduate_ids")),
            "invitations": InvitationsPage(form: InvitationForm(email: h, role: h, cohort_id: h), cohorts: [SelectOption(value: h, label: h)],
                                           invitations: [.init(email: h, role: h, cohort: h, status: h, sent: h, link: h)], errors: errors("email"),
                                           sent: .init(email: h, link: h, expires: h), listForm: InvitationListForm(emails: h, role: h, cohort_id: h),
                                           listErrors: errors("emails"), listSent: .init(invited: [h], refused: [.init(line: 2, text: h, reason: h)])),
            "people": PeoplePage(people: [.init(name: h, email: h, role: h, cohort: h, url: Href(.home), standing: (h, h))]),
            "graduate home": GraduateHomePage(firstName: h, sections: [
                InterviewsToCloseSection(items: [.init(id: h, title: h, when: h, applicationURL: Href(.home))]),
                FiguresSection(figures(), boardURL: Href(.home), listURL: Href(.home), isOwn: true),
                AccountsHomeSections.Cohort(name: h, courseEnd: h, standup: h, weeksSinceCourse: 2),
                AccountsHomeSections.Coaches(names: [h]),
                AccountsHomeSections.FinishProfile(missing: [h]),
                GraduateCoachingSection(plan: .active, nextMeeting: h, overdue: [h], repliesWaiting: [(Href(.home), h, h)], sentBack: [h], events: [.init(title: h, url: Href(.home), when: h, own: nil)]),
            ]),
            "coach home": CoachHomePage(graduates: [person]),
            "coach home with coaching": CoachHomePage(sections: [CoachCoachingSection(reviews: 2, requests: 1, plansAsked: 1, meetings: [h], events: [.init(title: h, url: Href(.home), when: h, going: 2)])], graduates: [person]),
            "partner home": PartnerHomePage(firstName: h, sections: [
                PartnerCandidatesSection(total: 3, top: [candidate()], shortlists: [(shortlist(), 2)], target: 3),
                PartnerCandidatesSection(total: 0, top: [], shortlists: [], target: 3)]),
            "candidates": CandidatesPage(candidates: [candidate()], total: 120, stack: h, startsWithin: 30, page: 2, pageCount: 3, target: 3, today: day),
            "candidates, none": CandidatesPage(candidates: [], total: 0, stack: "", startsWithin: nil, page: 1, pageCount: 1, target: 3, today: day),
            "candidate": CandidatePage(evidence: CandidateEvidence(candidate: candidate(), behind: behind(), target: 3, today: day), of: 4,
                                       on: [shortlist()], shortlists: [shortlist(), shortlist()], errors: errors("graduate_id")),
            "candidate profile": CandidateProfilePage(shared: true, form: CandidateProfileForm(headline: h, availableFrom: h), errors: errors("headline", "available_from"),
                                                      recommendation: (text: h, read: false, version: h), shortlists: [(name: h, hiringPartner: h)],
                                                      preview: CandidateEvidence(candidate: candidate(), behind: behind(), target: 3, today: day)),
            "candidate profile, not shared": CandidateProfilePage(shared: false, form: CandidateProfileForm(), errors: .none, recommendation: nil, shortlists: [],
                                                                  preview: CandidateEvidence(candidate: candidate(login: false), behind: ShortlistUseCases.Behind(projects: [], feedback: [], commits: [], recommendedBy: nil),
                                                                                             target: 3, today: day)),
            "shortlists": ShortlistsPage(shortlists: [(shortlist(), 3)], form: ShortlistForm(name: h, hiringPartner: h), errors: errors("name", "hiring_partner")),
            "shortlist": ShortlistPage(shortlist: shortlist(), candidates: [candidate()], target: 3, today: day),
            "recommendation": RecommendationPage(section: RecommendationSection(graduateID: id, name: h, text: h, read: true, errors: errors("text"))),
            "person": PersonPage(card: person, role: h, email: h, timeZone: h, bio: h, coaches: [h], isSelf: false,
                                 sections: [FiguresSection(figures(), boardURL: Href(.home), listURL: Href(.home), isOwn: false),
                                            PersonCoachingSection(figures: .init(openRequests: 1, waitingSubmissions: 2, overdueRecommendations: 1, nextMeeting: nil, askedForPlan: true),
                                                                  showsPlan: true)]),
            "board": BoardPage(heading: ownHeading, board: JobSearch.Board(counts: [.applied: 30, .rejected: 1], cards: [.applied: [card], .rejected: [card]]), today: day,
                               open: .rejected),
            "coach's board": BoardPage(heading: heading, board: JobSearch.Board(counts: [.applied: 1], cards: [.applied: [card]]), today: day),
            "list": ListPage(heading: ownHeading, filter: filter, rows: [ListPage.Row(listed)], total: 120, matching: 60, pageNumber: 1, pageCount: 2),
            "application form": ApplicationFormPage(action: Href(.home), isNew: true, form: applicationForm, cancelURL: Href(.home), errors: errors("company", "on")),
            "close an application": ConfirmMovePage(applicationID: id, company: h, roleTitle: h, stage: .withdrawn, said: h, on: h, from: "board"),
            "accept offer": AcceptOfferPage(applicationID: id, company: h, form: placementForm, errors: errors("job_title", "in_field")),
            "application": application,
            "import with problems": ImportPage(csv: h, preview: preview, errors: errors("file")),
            "import ready": ImportPage(csv: h, preview: clean, errors: .none),
            "error": ErrorPage(title: h, message: h),
            "road map": RoadMapPage(
                week: 3, today: h, status: StatusView(name: "at_risk", title: h, missing: [h]), standupDue: h, standupPosted: false, standupLate: false,
                todays: [roadItem(true)], thisWeek: [roadItem(false)], overdue: [roadItem(false)], ahead: [.init(number: 4, items: [roadItem(false)])],
                help: [.init(day: day, asked: h, state: h, url: .coaching(.supportRequest(id: h)), reply: h, replier: p),
                       .init(day: day, asked: h, state: h, url: .coaching(.supportRequest(id: "y")), reply: nil, replier: nil)]),
            "no programme": NoProgrammePage(),
            "coach home with the programme": CoachHomePage(sections: [AtRiskSection(summary: h, rows: [.init(name: h, url: Href(.home), missing: [h])],
                                                                                  boards: [.init(name: h, url: Href(.home))])], graduates: [person]),
            "standup board": StandupBoardPage(cohort: h, day: h, standupTime: h,
                                              posted: [.init(name: h, isLate: true, yesterday: h, today: h, mood: 3, blockers: h, wantsHelp: true)], waiting: [h]),
            "retrospective": RetrospectivePage(week: 2, dates: h, applications: 3, interviews: 1, standups: 4, isEdit: true,
                                               form: RetrospectiveForm(week: h, went_well: h, did_not_go_well: h, learned: h, focus: h, better: h),
                                               errors: errors("went_well", "better")),
            "retrospectives": RetrospectivesPage(entries: [.init(week: 1, editURL: Href(.home), wentWell: h, didNotGoWell: h,
                                                                 learned: h, focus: h, better: h, figures: h, comments: [.init(author: p, body: h)])]),
            "learning goals": LearningGoalsPage(goals: [.init(title: h, url: Href(.home), isActive: true, progress: h),
                                                        .init(title: h, url: Href(.home), isActive: false, progress: h)],
                                                form: LearningGoalForm(title: h, now: h, success: h, why: h), errors: errors("title", "why")),
            "learning goal": LearningGoalPage(goalID: h, goalTitle: h, now: h, success: h, why: h, isActive: true,
                                              resources: [(kind: h, items: [.init(name: h, link: "https://example.org/" + h), .init(name: h, link: nil)])],
                                              milestones: [.init(title: h, due: h, isDone: false, isOverdue: true, markURL: Href(.home))],
                                              resourceForm: LearningResourceForm(kind: h, name: h, link: h), milestoneForm: MilestoneForm(title: h, due: h),
                                              errors: errors("name"), failedForm: "resource"),
            "graduate's programme": GraduateProgrammePage(
                name: h, week: 3, today: h, status: StatusView(name: "at_risk", title: h, missing: [h]), thisWeek: [h], goals: [.init(specific: h, by: h, versions: 2)],
                interviews: [.init(text: h)], posts: [.init(text: h, link: Href.web("https://blog.example/x"))], submissions: [.init(text: h, link: Href(.home), linkLabel: "Review")],
                retrospectives: [.init(week: 2, editURL: nil, commentURL: Href(.home), wentWell: h, didNotGoWell: h, learned: h, focus: h,
                                       better: h, figures: h, comments: [.init(author: p, body: h)])]),
            "standup": StandupPage(day: h, due: h, isEdit: true, form: StandupForm(yesterday: h, today: h, blockers: h, mood: h, wants_help: "yes"),
                                   errors: errors("today", "mood")),
            "goals": GoalsPage(goals: [.init(url: Href(.home), current: goalVersion(), versions: 2, lastWritten: h)],
                               form: GoalForm(specific: h, measurable: h, achievable: h, relevant: h, time_bound: h), errors: errors("specific", "time_bound")),
            "goal": GoalPage(goalURL: Href(.home), versions: [goalVersion(), goalVersion()],
                             form: GoalForm(specific: h, measurable: h, achievable: h, relevant: h, time_bound: h), errors: errors("relevant")),
            "informational interviews": InformationalInterviewsPage(
                entries: [.init(person: h, company: h, role: h, day: h, isAhead: true, howItCameAbout: h, notes: h)],
                form: InformationalInterviewForm(person: h, company: h, role: h, day: h, how_it_came_about: h, notes: h), errors: errors("person", "day")),
            "blog posts": BlogPostsPage(entries: [.init(title: h, url: "https://blog.example/" + h, published: h, kind: h)],
                                        form: BlogPostForm(title: h, url: h, published: h, kind: h), errors: errors("url")),
            "submissions": SubmissionsPage(entries: [.init(url: Href(.home), kind: h, title: h, submitted: h, state: .changesRequested, round: 2)],
                                           form: SubmissionForm(kind: h, title: h, body: h, link: h), errors: errors("body")),
            "job search analysis": AnalysisFormPage(figures: Self.hostileAnalysis(), form: SubmissionForm(kind: h, title: h, body: h, link: h, changes: h),
                                                    errors: errors("body", "changes")),
            "analysis": SubmissionPage(graduate: h, graduateURL: Href(.home), kind: h, heading: h, state: .changesRequested, waited: h,
                                       rounds: [.init(number: 1, sent: h, title: h, body: h, link: nil, willChange: h, figures: Self.hostileAnalysis())],
                                       isAnalysis: true, resubmitURL: Href(.home), resubmitForm: SubmissionForm(kind: h, title: h, body: h, link: h, changes: h),
                                       errors: errors("changes")),
            "submission": SubmissionPage(graduate: h, graduateURL: Href(.home), kind: h, heading: h, state: .waiting, waited: h,
                                         rounds: [.init(number: 2, sent: h, title: h, body: h, link: "https://cv.example/" + h),
                                                  .init(number: 1, sent: h, title: h, body: h, link: nil, verdict: .changesRequested, reviewer: p, reviewed: h, comment: h)],
                                         reviewURL: Href(.home), reviewForm: ReviewForm(verdict: h, comment: h),
                                         resubmitURL: Href(.home), resubmitForm: SubmissionForm(kind: h, title: h, body: h, link: h),
                                         errors: errors("verdict", "comment")),
            "support": SupportPage(entries: [.init(url: Href(.home), kind: h, subject: h, state: .pending, opened: h, meeting: h)],
                                   form: SupportRequestForm(kind: h, subject: h, message: h, preferred_times: h), errors: errors("subject", "kind")),
            "support request": SupportRequestPage(subject: h, kind: .oneToOne, graduate: h, graduateURL: Href(.home), state: .solved, isTeam: true,
                                                  opened: h, age: h, firstReply: h, message: h, preferredTimes: h, meeting: h,
                                                  replies: [.init(author: p, written: h, body: h, meeting: h)], replyURL: Href(.home), solveURL: Href(.home),
                                                  form: SupportReplyForm(body: h, meeting_date: h, meeting_time: h), errors: errors("body", "meeting_date")),
            "support desk": SupportDeskPage(open: [.init(url: Href(.home), graduate: h, kind: h, subject: h, age: h, firstReply: nil)],
                                            pending: [.init(url: Href(.home), graduate: h, kind: h, subject: h, age: h, firstReply: h, meeting: h)], solved: []),
            "learning plan": LearningPlanPage(heading: h, graduateURL: Href(.home), state: .active, coach: p, cadence: h, focusAreas: h, asked: h, nextMeeting: h,
                                              recommendations: [.init(kind: h, description: h, link: "https://kata.example/" + h, due: h, state: .doing, isOverdue: true,
                                                                      outcomeLink: "https://repo.example/" + h, progressURL: Href(.home))],
                                              meetings: [.init(held: h, notes: h, recorder: h)], meetingURL: Href(.home),
                                              meetingForm: MeetingForm(held_on: h, notes: h, rec1_kind: h, rec1_description: h, rec1_link: h, rec1_due: h),
                                              finishURL: Href(.home), errors: errors("notes", "rec1_description"), meetingLink: "https://meet.example/" + h, meetingPlace: h,
                                              placeURL: Href(.home), placeForm: MeetingPlaceForm(meeting_time: h, meeting_link: h, meeting_place: h),
                                              placeErrors: errors("meeting_link")),
            "learning plan asked for": LearningPlanPage(heading: h, graduateURL: Href(.home), state: .requested, coach: nil, cadence: h, focusAreas: h, asked: h,
                                                        nextMeeting: nil, recommendations: [], meetings: [], finishURL: Href(.home),
                                                        start: (h, LearningPlanForm(graduate_id: h, focus_areas: h, cadence: h)), errors: errors("focus_areas")),
            "ask for a plan": AskForPlanPage(finished: [(title: h, url: Href(.home))], form: LearningPlanForm(graduate_id: h, focus_areas: h, cadence: h), errors: errors("focus_areas")),
            "learning plans": LearningPlansPage(rows: [.init(url: Href(.home), graduateID: h, graduate: h, focusAreas: h, state: .requested, nextMeeting: h, overdue: 2)],
                                                graduatesWithout: [(id: h, name: h)], form: LearningPlanForm(graduate_id: h, focus_areas: h, cadence: h),
                                                errors: errors("graduate_id", "cadence")),
            "review queue": ReviewQueuePage(waiting: [.init(url: Href(.home), graduate: h, kind: h, title: h, round: 2, waited: h)],
                                            sentBack: [.init(url: Href(.home), graduate: h, kind: h, title: h, round: 1, waited: h)]),
            "programmes": ProgrammesPage(rows: [.init(cohort: h, cohortID: id, programme: nil), .init(cohort: h, cohortID: id, programme: h, editURL: Href(.home))]),
            "programme editor": ProgrammeEditorPage(programmeID: id, name: h, cohorts: [h], rows: [.init(title: h, kind: h, when: h, required: true, count: 3, removeURL: Href(.home),
                                                                                                                    editURL: Href(.home))],
                                                    form: ActivityForm(title: h, description: h, kind: h, schedule: h, due_week: h, required: "yes", count: h),
                                                    errors: errors("title", "due_week"), nameForm: ProgrammeNameForm(name: h), nameErrors: errors("name")),
            "edit activity": EditActivityPage(id: h, programmeName: h, programmeURL: Href(.home),
                                              form: ActivityForm(title: h, description: h, kind: h, schedule: h, due_week: h, required: "yes", count: h),
                                              errors: errors("title", "count")),
            "events": EventsPage(upcoming: [.init(url: Href(.home), title: h, when: h, audience: h, online: true, place: h, going: 3, own: .going)],
                                 past: [.init(url: Href(.home), title: h, when: h, audience: h, online: false, place: h, going: 0, own: nil)],
                                 holdsEvents: true, cohorts: [(id: h, name: h)], timeZone: h,
                                 form: EventForm(title: h, description: h, day: h, start: h, end: h, link: h, place: h, cohort_id: h), errors: errors("title", "place", "end")),
            "event": EventPage(title: h, description: h, when: h, audience: h, heldBy: p, link: "https://meet.example/" + h, place: h, going: 2, own: .notGoing,
                               answerURL: Href(.home), hasStarted: false, whoComes: .init(going: [h], notGoing: [h], goingCount: 3, notGoingCount: 2, unanswered: 4), cancelURL: Href(.home)),
            "dashboard": { () -> CoachDashboardPage in
                // A capability's column whose titles, filter and cells all carry the hostile text.
                let column = DashboardColumn(id: "hostile", title: h, heading: h, filters: [DashboardFilter("hostile_filter", h) { _, _ in true }])
                let shown = [ShownDashboardColumn(column: column, place: 0, waiting: (h, h)) { figure in DashboardCell(text: h, look: .badge(tone: h), link: .coaching(.reviews), note: figure?.notes.first) },
                             ShownDashboardColumn(column: .init(id: "plain", title: h, heading: h), place: 1) { _ in DashboardCell(text: h, warning: true, link: .coaching(.reviews)) }]
                var row = DashboardRow(id: id, name: h)
                row[column] = DashboardFigure(1, tag: h, notes: [h])
                return CoachDashboardPage(columns: shown, query: DashboardQuery(sort: column, order: .descending, filter: column.filters.first, search: h), all: [row, row], rows: [row])
            }(),
            "mock interviews": MockInterviewsPage(
                recommended: true,
                bookings: [.init(url: Href(.home), when: h, coach: p, theme: h, cancelled: false, late: false, isPast: false, scored: false,
                                 cancelURL: Href(.home), cancelIsLate: true)],
                open: [.init(id: "s", url: Href(.home), when: h, coach: p, themes: [.backEnd, .fullStack])],
                chart: ScoresChart.make(RubricTrend([.init(day: day, theme: .backEnd, scores: [.problemSolving: 2, .communication: 3])])),
                change: 0.5, movers: ([.problemSolving], [.communication]), bookingFor: "s", form: MockBookingForm(theme: h, practise: h),
                errors: errors("theme", "practise")),
            "mock slots": MockSlotsPage(rows: [.init(when: h, themes: h, graduate: h, theme: h, practise: h, url: Href(.home), removeURL: nil,
                                                     toScore: true, scored: false),
                                               .init(when: h, themes: h, graduate: nil, theme: nil, practise: nil, url: nil, removeURL: Href(.home),
                                                     toScore: false, scored: false)],
                                        timeZone: h, form: MockSlotForm(day: h, time: h, minutes: h, theme_back_end: "yes"), errors: errors("day", "themes")),
            "mock interview": MockInterviewPage(graduate: h, coach: p, when: h, theme: .frontEnd, practise: h, cancelled: nil,
                                                rubric: .init(scores: [.problemSolving: 3, .topicArea: 2], strengths: h, improvements: h, resources: h),
                                                rubricURL: Href(.home), waitsForStart: false, isGraduate: false,
                                                form: RubricForm(problem_solving: h, strengths: h, improvements: h, resources: h), errors: errors("communication", "strengths")),
            "peer sessions": PeerSessionsPage(rows: [.init(url: Href(.home), kind: h, when: h, host: h, taken: 4, places: 4, joined: false)], timeZone: h,
                                              form: PeerSessionForm(day: h, time: h, minutes: h, kind: h, places: h, link: h), errors: errors("kind", "link")),
            "peer session": PeerSessionPage(kind: .technical, when: h, host: h, link: "https://meet.example/" + h, places: 4, people: [.init(name: h, note: h)], takesPart: true,
                                            joinURL: Href(.home), noteURL: Href(.home), joined: true, started: true,
                                            form: PeerNoteForm(note: h), errors: errors("note")),
            "pairing": PairingPage(proposals: [.init(url: Href(.home), partner: h, partnerAccepted: true, when: h, topic: h, answerURL: Href(.home), matchedByHand: true)],
                                   request: nil, upcoming: [.init(url: Href(.home), partner: h, when: h, state: h)],
                                   past: [.init(url: Href(.home), partner: h, when: h, state: h)], volunteering: false, timeZone: h,
                                   form: PairingForm(topic: h, kind_kata: "yes", stacks: h, avoid_stacks: h, window1_day: h, window1_start: h, window1_end: h),
                                   errors: errors("topic", "kinds", "stacks", "avoid_stacks")),
            "pairing with a request": PairingPage(proposals: [], request: .init(topic: h, about: h, windows: [h], asked: h, timesPassed: true, withdrawURL: Href(.home)),
                                                  upcoming: [], past: [], volunteering: true, timeZone: h),
            "volunteer": VolunteerPage(volunteering: true, windows: [h], timeZone: h, form: PairingForm(topics: h, window2_day: h), errors: errors("topics", "window1_day")),
            "pairing session": PairingSessionPage(heading: h, when: h, state: h, sides: [.init(name: h, topic: h, note: h)], matchedBy: h, link: "https://meet.example/" + h,
                                                  answerURL: Href(.home), waiting: h, linkURL: Href(.home), noteURL: Href(.home),
                                                  back: (h, Href(.practice(.pairing))), linkForm: PairingLinkForm(link: h), noteForm: PairingNoteForm(note: h), errors: errors("link", "note")),
            "unmatched requests": UnmatchedRequestsPage(rows: [.init(url: Href(.home), person: h, topic: h, about: h, windows: [h], asked: h)]),
            "hand match": HandMatchPage(action: Href(.home), person: h, topic: h, about: h, windows: [h],
                                        candidates: [.init(key: h, name: h, role: h, about: h, shares: h, firstHour: h, freeHours: [h])], timeZone: h,
                                        form: HandMatchForm(partner: h, day: h, time: h),
                                        errors: errors("partner", "day")),
            "graduate home with practice": GraduateHomePage(firstName: h, sections: [PracticeSection(next: h, nextURL: Href(.home), recommended: true,
                                                                                                     pairings: [.init(label: h, text: h, url: Href(.home))])]),
            "graduate home with commits": GraduateHomePage(firstName: h, sections: [
                ContributionsSection(calendar: ContributionCalendar(counts: [LocalDate(iso: "2026-11-20")!: 3], today: LocalDate(iso: "2026-11-23")!), login: h),
                ContributionsSection(calendar: nil, login: nil)]),
            "graduate home with signals": GraduateHomePage(firstName: h, sections: [
                SignalsSection(items: [.init(title: h, reason: h, since: h, recommendation: h, action: h, url: Href(.home))]),
                SignalsSection(items: [.init(title: h, reason: h, since: h, recommendation: h, action: h, url: Href(.home))], name: h,
                               history: [.init(title: h, raised: h, cleared: h), .init(title: h, raised: h, cleared: nil)]),
                SignalsSection(items: [], name: h)]),
            "coach home with who needs you": CoachHomePage(sections: [WhoNeedsYouSection(rows: [.init(name: h, url: Href(.home), signals: [(h, h, h)])]),
                                                                      WhoNeedsYouSection(rows: [])], graduates: [person]),
            "projects": ProjectsPage(entries: [.init(id: h, name: h, repository: "https://github.com/" + h, live: "https://" + h, description: h, stacks: [h],
                                                     isSide: true, started: h, lastWorked: h, byCommit: true),
                                               .init(id: h, name: h, repository: nil, live: nil, description: "", stacks: [], isSide: false, started: h, lastWorked: h, byCommit: false)],
                                     form: ProjectForm(name: h, repository: h, live: h, description: h, stacks: h, isSide: "yes", startedOn: h, lastWorkedOn: h),
                                     errors: errors("name", "repository", "live", "description", "stacks", "started_on", "last_worked_on"), linked: false),
            "project": ProjectPage(id: h, form: ProjectForm(name: h, repository: h, live: h, description: h, stacks: h, isSide: nil, startedOn: h, lastWorkedOn: h),
                                   errors: errors("name")),
            "signals": SignalsPage(thresholds: SignalThresholds()),
            "feedback": FeedbackPage(entries: [
                FeedbackEntry(key: h, source: h, text: h, given: h, actions: [.init(kind: h, note: h, link: "https://" + h, day: h, deleteURL: Href(.home))], doneThere: true, openWeeks: nil),
                FeedbackEntry(key: h, source: h, text: h, given: h, actions: [], doneThere: false, openWeeks: 4)],
                form: FeedbackActionForm(feedbackKey: h, kind: h, link: h, note: h, day: h), errors: errors("feedback_key", "kind", "link", "note", "day")),
            "feedback, none yet": FeedbackPage(entries: [], form: FeedbackActionForm(), errors: .none),
            "person with feedback": GraduateHomePage(firstName: h, sections: [
                FeedbackSection(name: h, entries: [FeedbackEntry(key: h, source: h, text: h, given: h, actions: [.init(kind: h, note: h, link: nil, day: h, deleteURL: nil)],
                                                                 doneThere: false, openWeeks: 5)]),
                FeedbackSection(name: h, entries: [])]),
            "graduate home with today": GraduateHomePage(firstName: h, sections: [
                TodaySection(status: StatusView(name: "at_risk", title: h, missing: [h]), week: 2, standupDue: h, standupPosted: false, openTasks: [h], dueThisWeek: [h]),
                ProgrammeStatusSection(status: StatusView(name: "enrolled", title: h, missing: []), week: 2, standupPosted: true),
                RecentStandupsSection(posts: [.init(day: h, mood: h, today: h, concerns: h, askedForHelp: true, late: true)]),
            ]),
        ]
    }

    @Test func every_page_shows_hostile_text_only_escaped() {
        for (name, page) in Self.pages() {
            let html = Self.shell().render(page).string
            EscapingCheck.check(html, name)
        }
    }

    /// On a phone a table scrolls inside its own box, not the page: every table of every page is
    /// the only child of a `table-wrap`.
    @Test func every_table_scrolls_in_its_own_box() {
        for (name, page) in Self.pages() {
            let html = Self.shell().render(page).string
            let tables = html.components(separatedBy: "<table").count - 1
            let wrapped = html.components(separatedBy: #"<div class="table-wrap"><table"#).count - 1
            #expect(tables == wrapped, "\(name): \(tables - wrapped) of \(tables) tables not in a table-wrap")
        }
    }

    /// A page added without a fixture here fails this test.
    @Test func every_page_model_has_a_fixture() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/OnwardApp").standardized
        var declared: Set<String> = []
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)! where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /struct (\w+): PageView/) { declared.insert(String(match.1)) }
        }
        let rendered = Set(Self.pages().values.map { String(describing: type(of: $0)) })
        #expect(!declared.isEmpty)
        #expect(declared.subtracting(rendered).isEmpty, "pages without a fixture: \(declared.subtracting(rendered).sorted())")
    }
}

/// What "escaped" means for a page, shared by the fixture test and the one through the app.
enum EscapingCheck {
    static let hostile = #"X"><script>alert(1)</script>' onmouseover='x&amp;"#
    static let escaped = "X&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&#39; onmouseover=&#39;x&amp;amp;"

    static func check(_ html: String, _ page: String, mustShow: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!html.contains("<script>alert(1)"), "\(page): a live script tag", sourceLocation: sourceLocation)
        #expect(!html.contains("' onmouseover='x"), "\(page): a live attribute", sourceLocation: sourceLocation)
        #expect(!html.contains(#""><script"#), "\(page): broke out of an attribute", sourceLocation: sourceLocation)
        if mustShow {
            #expect(html.contains(escaped), "\(page): the hostile text is not shown", sourceLocation: sourceLocation)
        }
    }
}
