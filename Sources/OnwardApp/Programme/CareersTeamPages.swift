import Foundation
import OnwardCore

/// A graduate's programme as their coach or an admin reads it: where they stand, their goals and
/// records, and their retrospectives to comment on.
struct GraduateProgrammePage: PageView {
    struct Goal {
        let specific: String
        let by: String
        let versions: Int
    }
    struct Record {
        let text: String
        /// A web address the graduate gave, or a page of Onward's.
        var link: Href? = nil
        /// What the link says: "Open" for a link out, "Review" for a submission's page.
        var linkLabel = "Open"
    }
    let name: String
    let week: Int
    let today: String
    let status: StatusView
    let thisWeek: [String]
    let goals: [Goal]
    var learningGoals: [Record] = []
    let interviews: [Record]
    let posts: [Record]
    let submissions: [Record]
    /// While paused: why.
    var pausedReason: String? = nil
    /// For an admin: where to pause or resume the programme.
    var pauseURL: Href? = nil
    var resumeURL: Href? = nil
    let retrospectives: [RetrospectiveEntry]

    var title: String { "\(name) · programme" }

    func content(_ h: HTML) {
        h.h1("\(name) · programme")
        h.p(week == 0 ? "The programme starts on Monday. \(today)." : "Week \(week) · \(today)", .class("lede"))
        status.content(h)
        if pausedReason != nil, let resumeURL {
            h.postForm(resumeURL, .class("inline-form")) { h.button("Resume the programme", .type("submit"), .class("button")) }
        } else if let pauseURL {
            h.details(.class("card")) {
                h.summary("Pause the programme")
                h.p("While paused, nothing missing puts \(name) at risk. Say why, for their coaches and for them.", .class("hint"))
                h.postForm(pauseURL, .class("form")) {
                    h.div(.class("field")) {
                        h.label("Why", .for("pause-reason"))
                        h.input(.type("text"), .id("pause-reason"), .name("reason"))
                    }
                    h.button("Pause", .type("submit"), .class("button"))
                }
            }
        }
        h.section(.class("card"), .ariaLabel("This week")) {
            h.h2("This week")
            if thisWeek.isEmpty { h.p("Nothing else is due this week.", .class("empty")) } else { h.ul { for line in thisWeek { h.li(line) } } }
        }
        h.section(.class("card"), .ariaLabel("SMART goals")) {
            h.h2("SMART goals")
            if goals.isEmpty { h.p("No goals written yet.", .class("empty")) }
            h.ul {
                for goal in goals {
                    h.li("\(goal.specific) · by \(goal.by)" + (goal.versions > 1 ? " · reassessed \(goal.versions - 1)×" : ""))
                }
            }
        }
        for (heading, records, empty) in [("Learning goals", learningGoals, "None yet."), ("Informational interviews", interviews, "None yet."), ("Blog posts", posts, "None yet."),
                                          ("Submissions for review", submissions, "Nothing submitted yet.")] {
            h.section(.class("card"), .ariaLabel(heading)) {
                h.h2(heading)
                if records.isEmpty { h.p(empty, .class("empty")) }
                h.ul {
                    for record in records {
                        h.li {
                            h.text(record.text)
                            if let link = record.link { h.text(" · "); h.a(record.linkLabel, .href(link), .attr(.rel, "noopener"), .ariaLabel("\(record.linkLabel): \(record.text)")) }
                        }
                    }
                }
            }
        }
        h.h2("Retrospectives")
        if retrospectives.isEmpty { h.p("None written yet.", .class("empty")) }
        for entry in retrospectives { h.retrospective(entry) }
    }
}

// MARK: Builders: from a graduate's programme and records, with no request

extension GraduateProgrammePage {
    /// What the graduate's programme holds, as `scope.viewer` reads it: active learning goals with
    /// their milestones done and overdue by the graduate's today; the pause and resume buttons
    /// only for one who may pause it; a comment form on each retrospective.
    init(scope: Policy.Scope, standing: ProgrammeUseCases.Standing, goals: [RecordsUseCases.Goal], learningGoals: [LearningGoalUseCases.Goal],
         interviews: [InformationalInterviewModel], posts: [BlogPostModel], submissions: [SubmissionSummary],
         retrospectives: [RetrospectiveModel], comments: [UUID: [RetrospectiveCommentModel]]) {
        let id = scope.person.requireIDString
        func day(_ iso: String) -> String { LocalDate(iso: iso)?.display ?? iso }
        self.init(
            name: scope.person.name, week: standing.roadMap.week, today: standing.today.display,
            status: StatusView(standing.status, pauseReason: standing.pauseReason),
            thisWeek: (standing.roadMap.overdue + standing.roadMap.thisWeek).map { item in
                "\(item.activity.title): \(RoadMapPage.label(of: item)), due \(item.occurrence.due.display)"
            },
            goals: goals.map { Goal(specific: $0.current.specific, by: day($0.current.timeBound), versions: $0.versions.count) },
            learningGoals: learningGoals.filter(\.goal.isActive).map { item in
                let done = item.milestones.filter { $0.doneOn != nil }.count
                let overdue = item.milestones.filter { $0.doneOn == nil && $0.due < standing.today.iso }.count
                return Record(text: "\(item.goal.title) · \(done) of \(item.milestones.count) milestones done" + (overdue > 0 ? " · \(overdue) overdue" : ""))
            },
            interviews: interviews.map { interview in
                let at = [interview.role, interview.company].filter { !$0.isEmpty }.joined(separator: ", ")
                return Record(text: [interview.person, at, day(interview.day)].filter { !$0.isEmpty }.joined(separator: " · "))
            },
            posts: posts.map { Record(text: "\($0.title) · \($0.kind.title) · \(day($0.published))", link: Href.web($0.url)) },
            submissions: submissions.map { submission in
                Record(text: "\(submission.title) · \(submission.kind) · sent \(submission.submittedOn.display) · \(submission.state)",
                     link: Href(submission.url), linkLabel: "Review")
            },
            pausedReason: standing.pauseReason,
            pauseURL: scope.canPauseProgramme ? Href(SiteURL.programme(.pause(graduateID: id))) : nil,
            resumeURL: scope.canPauseProgramme ? Href(SiteURL.programme(.resume(graduateID: id))) : nil,
            retrospectives: retrospectives.map { retrospective in
                RetrospectiveEntry(retrospective, editURL: nil, commentURL: Href(SiteURL.programme(.comment(retrospectiveID: retrospective.requireIDString))),
                                   comments: comments[retrospective.id!] ?? [])
            })
    }
}
