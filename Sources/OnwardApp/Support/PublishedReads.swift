import Fluent
import Foundation
import OnwardCore

// What a capability may read of another's records. A capability reads another only through these
// protocols, the way a service calls another's API rather than its database: the owner implements
// them in its own folder, over its own tables, and `Capabilities.reads` hands them out. No SQL of
// one capability names a table of another (ArchitectureTests proves it).

/// The job search's facts about graduates: when they sent applications, when their interviews
/// were, and who has accepted a job.
protocol JobSearchReads: Sendable {
    /// The day each application of `userID` sent within `days` was sent (its first move to a
    /// submitted stage), one day per application.
    func applicationsSent(by userID: UUID, in days: ClosedRange<LocalDate>, on db: any Database) async throws -> [LocalDate]
    /// The moments of `userID`'s interviews from `start` (included) to `end` (excluded).
    func interviews(of userID: UUID, from start: Date, to end: Date, on db: any Database) async throws -> [Date]
    /// Which of `userIDs` have accepted a job (a placement is recorded), in one query.
    func whoAcceptedAJob(among userIDs: [UUID], on db: any Database) async throws -> Set<UUID>
    /// The graduate of each job accepted from `start` on (one id a placement), in one query.
    func placedGraduates(since start: Date, on db: any Database) async throws -> [UUID]
    /// The applications each of `userIDs` sent from `first` on, each with whether it went past
    /// the first step, in one query.
    func applicationsSent(by userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [SentApplication]]
    /// The technical feedback employers gave each of `userIDs` after interviews, in one query.
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]]
    /// Every application of each of `userIDs` (where it was found, where it stands, its moves and
    /// interviews), as the week-4 analysis reads them, in three queries.
    func analysedApplications(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [AnalysedApplication]]
    /// Every job each of `userIDs` recorded accepting, with the day they accepted it, in one query.
    func placements(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [PlacementFact]]
}

/// A job a graduate recorded accepting, as Outcomes reads it to propose an outcome.
struct PlacementFact: Sendable, Equatable {
    let id: UUID
    /// The day they moved the application to accepted, else the day they recorded the job.
    let acceptedOn: LocalDate
    let company: String
    let jobTitle: String
    let employmentType: EmploymentType
    let inField: Bool
    let salary: Int
    let startsOn: LocalDate?
}

/// A piece of technical feedback given to a graduate where it was given (an interview, a mock
/// interview, a review, a learning plan), as Evidence lists it beside what they did about it.
struct FeedbackGiven: Sendable, Equatable {
    /// Stable from read to read: its source and the id of the record that holds it ("interview:…").
    let key: String
    /// Where it came from, in words ("Interview at Acme").
    let source: String
    let text: String
    let given: LocalDate
    /// Marked done where it was given (a learning plan's recommendation), so not open.
    var doneThere = false
}

/// An application as the signals read it: the day it was sent, and whether it got past the first
/// step (to a screening, a tech test, an interview or further; a rejection is not).
struct SentApplication: Sendable, Equatable {
    let sent: LocalDate
    let pastFirstStep: Bool
}

extension JobSearchReads {
    func hasAcceptedAJob(_ userID: UUID, on db: any Database) async throws -> Bool {
        try await whoAcceptedAJob(among: [userID], on: db).contains(userID)
    }
}

/// One of a graduate's submissions for review, as another capability lists it: said in words,
/// with the address of its page.
struct SubmissionSummary: Sendable, Equatable {
    let title: String
    /// What was sent, in words ("CV").
    let kind: String
    /// Where its review stands, in words ("Approved").
    let state: String
    /// The day the latest round was sent.
    let submittedOn: LocalDate
    let url: SiteURL
}

/// An approved submission, as the programme counts it: its kind's key and the day it was sent.
struct ApprovedSubmission: Sendable, Equatable {
    let kind: String
    let day: LocalDate
}

/// A request for help a standup opened in the help desk, as the graduate's programme shows it.
struct StandupHelp: Sendable, Equatable {
    let day: LocalDate
    let asked: String
    /// Its state as the graduate reads it ("Waiting for you" once the team replied).
    let state: String
    let url: SiteURL
    /// The careers team's latest reply and who wrote it; nil before one.
    let reply: String?
    let replier: PersonName?
}

/// Coaching's facts about graduates (what they sent for review, the help they asked for at
/// standups) and the one thing others ask of it: to open a request for help in its desk.
protocol CoachingReads: Sendable {
    /// `graduateID`'s submissions, the latest first.
    func submissions(of graduateID: UUID, on db: any Database) async throws -> [SubmissionSummary]
    /// The approved submissions of each of `graduateIDs`, in one query.
    func approvedSubmissions(of graduateIDs: [UUID], on db: any Database) async throws -> [UUID: [ApprovedSubmission]]
    /// Opens the request for help of `graduateID`'s standup of `day` in the help desk, or adds
    /// new `concerns` to the one it opened. Written on `db`, so inside the caller's transaction.
    func askForHelp(_ graduateID: UUID, atStandupOf day: LocalDate, concerns: String, on db: any Database, now: Date) async throws
    /// The requests for help `graduateID`'s standups opened on `since` or later, the latest first.
    func standupHelp(of graduateID: UUID, since: LocalDate, on db: any Database) async throws -> [StandupHelp]
    /// Reviews that asked each of `userIDs` for changes, and their learning plans'
    /// recommendations, in two queries.
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]]
    /// The events open to cohort `cohortID` (its own and those for everyone) that start in
    /// `start..<end`, earliest first.
    func events(forCohort cohortID: UUID, from start: Date, to end: Date, on db: any Database) async throws -> [DatedEvent]
}

/// A coaching event as others show it: what, when, where, and its page.
struct DatedEvent: Sendable, Equatable {
    let id: UUID
    let title: String
    let startsAt: Date
    let endsAt: Date
    /// Empty for an event only online.
    let place: String
    let url: SiteURL
}

/// The programme's facts about graduates' routine: their standups' moods, their retrospectives'
/// answer to "Am I a better developer than a week ago?", and whose programme is paused.
protocol ProgrammeReads: Sendable {
    /// Each of `userIDs`' standups from `first` on, in one query.
    func standupMoods(of userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [StandupMood]]
    /// Each of `userIDs`' retrospectives written from `first` on, in one query.
    func retrospectiveAnswers(of userIDs: [UUID], from first: LocalDate, on db: any Database) async throws -> [UUID: [RetrospectiveAnswer]]
    /// Which of `userIDs` have their programme paused, in one query.
    func paused(among userIDs: [UUID], on db: any Database) async throws -> Set<UUID>
    /// Which of `userIDs` posted their standup of `day`: who, never what (one query).
    func postedStandup(among userIDs: [UUID], on day: LocalDate, on db: any Database) async throws -> Set<UUID>
}

struct StandupMood: Sendable, Equatable {
    let day: LocalDate
    let mood: Int
}

struct RetrospectiveAnswer: Sendable, Equatable {
    let week: Int
    let writtenOn: LocalDate
    /// "Yes", "Not sure", "No".
    let answer: String
    let feltBetter: Bool
}

/// Practice's facts about graduates: their mock interviews.
protocol PracticeReads: Sendable {
    /// When each of `userIDs`' mock interviews (booked, not cancelled) start, from `start` on, held or ahead, in one query.
    func mockInterviews(of userIDs: [UUID], from start: Date, on db: any Database) async throws -> [UUID: [Date]]
    /// What each of `userIDs`' mock interviewers said to improve, in one query.
    func technicalFeedback(to userIDs: [UUID], on db: any Database) async throws -> [UUID: [FeedbackGiven]]
    /// Each of `userIDs`' scored mock interviews, the latest first, in one query.
    func mockScores(of userIDs: [UUID], on db: any Database) async throws -> [UUID: [MockScore]]
}

/// A scored mock interview as a shared profile shows it: its day, its theme, and each
/// criterion's score (1 "not yet" to 4 "strong"), in the rubric's order. What the coach wrote
/// stays with the graduate.
struct MockScore: Sendable, Equatable {
    let day: LocalDate
    let theme: String
    let scores: [(criterion: String, score: Int)]

    var mean: Double { scores.isEmpty ? 0 : Double(scores.map(\.score).reduce(0, +)) / Double(scores.count) }

    static func == (a: MockScore, b: MockScore) -> Bool {
        a.day == b.day && a.theme == b.theme && a.scores.map(\.criterion) == b.scores.map(\.criterion) && a.scores.map(\.score) == b.scores.map(\.score)
    }
}

extension [MockScore] {
    /// The mean of their means; nil when none was scored.
    var meanScore: Double? { isEmpty ? nil : map(\.mean).reduce(0, +) / Double(count) }
}

/// Accounts' facts about people: when they joined.
protocol AccountReads: Sendable {
    /// When each of `userIDs` who came in through an invitation accepted it, in one query. Those
    /// made another way (a seed, an admin's import) are left out.
    func joined(_ userIDs: [UUID], on db: any Database) async throws -> [UUID: Date]
}

/// Evidence's facts about a graduate, put together from every capability's: the figures their
/// week-4 job search analysis opens with.
protocol EvidenceReads: Sendable {
    /// `graduate`'s job search as it stands at `now`: applications by source and stage, the funnel
    /// beside their cohort's medians, the signals raised since they began, and their feedback
    /// with what they did about it. A fixed number of queries.
    func jobSearchAnalysis(of graduate: UserModel, on db: any Database, now: Date) async throws -> JobSearchAnalysis
}

/// Every published read, one of each, as the module list assembles them.
/// The outbox (Integrations): mail written with the change that causes it, and read back.
protocol MailReads: Sendable {
    /// Queues `mail` on `db`, inside the caller's transaction: it is sent only if the change is kept.
    /// A body may name Onward's own address as `{{site}}`: the sender writes the public address there.
    func queue(_ mail: QueuedMail, on db: any Database) async throws
    /// The body of the message about each of `subjects` under `topic` ("invitation"), by subject.
    func bodies(topic: String, subjects: [UUID], on db: any Database) async throws -> [UUID: String]
}

/// A message for the outbox: to whom, what, and what it is about.
struct QueuedMail: Sendable, Equatable {
    let to: String
    let subject: String
    let body: String
    /// What the message is about ("invitation"), and which record.
    let topic: String
    let subjectID: UUID?
    /// Past this it is no use and is not sent (an invitation's link expires); nil: never.
    var expiresAt: Date? = nil
}

/// Notifications (Integrations): what a capability tells a person, in the same transaction as
/// the change it is about; in the app, and by email when they chose it.
protocol NotificationWrites: Sendable {
    /// Tells each of `userIDs` `notice` at `now`, on `db` (inside the caller's transaction).
    func notify(_ userIDs: [UUID], _ notice: Notice, at now: Date, on db: any Database) async throws
    /// Tells each person their own notice, in a fixed number of statements however many (a
    /// page that raises signals for many graduates at once).
    func notify(each told: [(userID: UUID, notice: Notice)], at now: Date, on db: any Database) async throws
}

/// Cohorts' chat channels (Integrations): what a capability posts to a cohort's Slack, queued in
/// the same transaction as the change it is about and sent later, so Slack being slow or down
/// never slows or breaks a page.
protocol ChannelWrites: Sendable {
    /// Queues `post` (of `kind`: "pairing", "standup") for cohort `cohortID`'s channel, if it has
    /// one; nothing otherwise.
    func post(_ post: SlackPost, kind: String, toCohort cohortID: UUID, at now: Date, on db: any Database) async throws
}

/// One thing to tell: its kind, a sentence, and the page it is about.
struct Notice: Sendable, Equatable {
    let kind: NotificationKind
    let text: String
    let url: SiteURL
}

struct PublishedReads: Sendable {
    let accounts: any AccountReads
    let jobSearch: any JobSearchReads
    let coaching: any CoachingReads
    let programme: any ProgrammeReads
    let practice: any PracticeReads
    let evidence: any EvidenceReads
    let mail: any MailReads
    let notifications: any NotificationWrites
    let channels: any ChannelWrites
}
