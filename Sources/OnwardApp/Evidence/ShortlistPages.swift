import Foundation
import OnwardCore
import Vapor

/// The candidate profile's form as typed.
struct CandidateProfileForm: Content {
    var headline: String?
    var availableFrom: String?

    enum CodingKeys: String, CodingKey {
        case headline
        case availableFrom = "available_from"
    }

    func draft(today: LocalDate) throws(ValidationErrors) -> CandidateProfileDraft {
        try CandidateProfileDraft.validate(headline: headline ?? "", availableFrom: availableFrom ?? "", today: today)
    }
}

/// A shared candidate's evidence as a partner reads it, and as the graduate previews it: the
/// three questions, each figure followed by what it was counted from.
struct CandidateEvidence {
    let candidate: ShortlistUseCases.Candidate
    let behind: ShortlistUseCases.Behind
    let target: Int
    let today: LocalDate
    /// The level of the page's headings for each part.
    var sectionsAreCards = true

    func summary(_ h: HTML) {
        let ranked = candidate.ranked
        h.dl(.class("details figures")) {
            h.dt("How often they commit")
            h.dd { h.a(ranked.weeksFigure(target: target), .href(.fragment("commits"))) }
            h.dt("A side project")
            h.dd { h.a(ranked.sideProjectFigure, .href(.fragment("projects"))) }
            h.dt("Acts on technical feedback")
            h.dd { h.a(ranked.feedbackFigure, .href(.fragment("feedback"))) }
            h.dt("Mock interviews")
            h.dd { h.a(MockScoreWords.summary(candidate.mockScores), .href(.fragment("mocks"))) }
        }
    }

    func render(_ h: HTML) {
        h.p(.class("lead")) {
            if !candidate.headline.isEmpty { h.text(candidate.headline + " · ") }
            h.text(CandidateProfileDraft.availability(from: candidate.availableFrom, today: today))
            if let login = candidate.githubLogin {
                h.text(" · GitHub ")
                h.a(login, .href(web: "https://github.com/" + login), .external)
            }
        }
        if !candidate.stacks.isEmpty { h.ul(.class("tags")) { for stack in candidate.stacks { h.li(stack) } } }
        summary(h)
        commits(h)
        projects(h)
        feedback(h)
        mocks(h)
        recommendation(h)
    }

    private func commits(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("commits")) {
            h.h2("How often they commit", .id("commits"))
            guard let weeks = candidate.weeks else {
                h.p("No GitHub login is linked, so Onward has no commits to count.", .class("empty"))
                return
            }
            h.p("\(candidate.ranked.weeksFigure(target: target)): \(Wording.count(candidate.ranked.commits, "commit")) in all, counted from what GitHub delivered to Onward.", .class("hint"))
            h.div(.class("table-wrap")) { h.table(.class("table weeks")) {
                h.thead { h.tr { h.th("Week of"); h.th("Commits"); h.th("Target (\(target))") } }
                h.tbody {
                    for week in weeks.reversed() {
                        h.tr {
                            h.td(week.monday.display)
                            h.td(String(week.commits), .class("number"))
                            h.td(week.commits >= target ? "Met" : "Not met")
                        }
                    }
                }
            } }
            if !behind.commits.isEmpty {
                h.h3("Their latest commits")
                h.ul(.class("commits")) {
                    for commit in behind.commits {
                        h.li {
                            h.text((LocalDate(iso: commit.day)?.display ?? commit.day) + " · ")
                            if let repository = commit.repository {
                                h.a(repository + " " + String(commit.sha.prefix(7)), .href(web: "https://github.com/\(repository)/commit/\(commit.sha)"), .external)
                            } else {
                                h.code(String(commit.sha.prefix(7)))
                            }
                        }
                    }
                }
            }
        }
    }

    private func projects(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("projects")) {
            h.h2("Projects", .id("projects"))
            h.p(candidate.ranked.sideProjectFigure + ".", .class("hint"))
            guard !behind.projects.isEmpty else {
                h.p("No projects listed.", .class("empty"))
                return
            }
            h.ul(.class("record-list")) {
                for project in behind.projects {
                    let model = project.model
                    h.li(.class("project")) {
                        h.h3 {
                            if let repository = model.repositoryURL { h.a(model.name, .href(web: repository), .external) } else { h.text(model.name) }
                            h.text(" ")
                            h.span(model.isSide ? "Side project" : "Course work", .class(model.isSide ? "tag-technical" : "state-badge"))
                        }
                        if !model.description.isEmpty { h.p(model.description) }
                        h.p(.class("hint")) {
                            if !model.stacks.isEmpty { h.text(model.stacks.joined(separator: ", ") + " · ") }
                            h.text("Last worked on \(project.lastWorked.display)" + (project.lastCommit == project.lastWorked ? " (its last commit)" : ""))
                            if let live = model.liveURL { h.text(" · "); h.a("See it live", .href(web: live), .external) }
                        }
                    }
                }
            }
        }
    }

    private func feedback(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("feedback")) {
            h.h2("Technical feedback and what they did", .id("feedback"))
            h.p(candidate.ranked.feedbackFigure + ". Each piece with when it was given and what was done about it; its words stay between the graduate and their coaches.", .class("hint"))
            guard !behind.feedback.isEmpty else { return }
            h.ul(.class("record-list")) {
                for item in behind.feedback { FeedbackEntry(shared: item, today: today).render(h, recordURL: nil) }
            }
        }
    }

    private func mocks(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("mocks")) {
            h.h2("Mock interviews", .id("mocks"))
            guard let first = candidate.mockScores.first else {
                h.p("No mock interview scored yet.", .class("empty"))
                return
            }
            h.p("Scored by a coach from 1 (not yet) to 4 (strong).", .class("hint"))
            h.div(.class("table-wrap")) { h.table(.class("table")) {
                h.thead {
                    h.tr {
                        h.th("Day"); h.th("Theme")
                        for score in first.scores { h.th(score.criterion) }
                        h.th("Mean")
                    }
                }
                h.tbody {
                    for mock in candidate.mockScores {
                        h.tr {
                            h.td(mock.day.display); h.td(mock.theme)
                            for score in mock.scores { h.td(String(score.score), .class("number")) }
                            h.td(MockScoreWords.mean(mock.mean), .class("number"))
                        }
                    }
                }
            } }
        }
    }

    private func recommendation(_ h: HTML) {
        guard let text = candidate.recommendation else { return }
        h.section(.class("card"), .ariaLabelledBy("recommendation")) {
            h.h2("Their coach's technical recommendation", .id("recommendation"))
            h.blockquote(text)
            if let coach = behind.recommendedBy { h.p("— " + coach + ", their coach", .class("hint")) }
        }
    }
}

/// Mock interview scores in words.
enum MockScoreWords {
    static func mean(_ value: Double) -> String { String(format: "%.1f", value) }

    static func summary(_ scores: [MockScore]) -> String {
        guard let mean = scores.meanScore else { return "None scored yet" }
        return "Mean \(self.mean(mean)) of 4 over \(Wording.count(scores.count, "interview"))"
    }
}

/// A graduate's candidate profile: whether it is shared, what it says, their coach's
/// recommendation, the shortlists they are on, and exactly what partners see.
struct CandidateProfilePage: PageView {
    let shared: Bool
    let form: CandidateProfileForm
    let errors: FormErrors
    /// The recommendation's words and whether the graduate has read them; nil before a coach writes one.
    let recommendation: (text: String, read: Bool, version: String)?
    let shortlists: [(name: String, hiringPartner: String)]
    let preview: CandidateEvidence

    var title: String { "Candidate profile" }

    func content(_ h: HTML) {
        h.h1("Your candidate profile")
        h.p("The partnerships team shortlists graduates for hiring partners on evidence: how often you commit, your side projects, what you did about technical feedback, your mock interview scores. Share it when you are ready; stop at any moment and partners no longer see it on Onward (a shortlist they already exported stays with them).",
            .class("lede"))
        h.section(.class("card"), .ariaLabelledBy("sharing")) {
            h.h2(shared ? "Shared with the partnerships team" : "Not shared", .id("sharing"))
            if shared {
                h.p("Partners see everything below. Your retrospectives, standups, learning plan notes and requests for help are never part of it.")
                h.postForm(Href(SiteURL.evidence(.shareProfile)), .data(.dataConfirm, "Stop sharing? Partners no longer see your profile and you leave every shortlist.")) {
                    h.input(.type("hidden"), .name("share"), .value("no"))
                    h.button("Stop sharing", .type("submit"), .class("button danger"))
                }
            } else {
                h.p("Nobody outside your coaches sees your evidence until you share it. Your retrospectives, standups, learning plan notes and requests for help are never part of it.")
                h.postForm(Href(SiteURL.evidence(.shareProfile))) {
                    h.input(.type("hidden"), .name("share"), .value("yes"))
                    h.button("Share with the partnerships team", .type("submit"), .class("button primary"))
                }
            }
        }
        h.section(.class("card"), .ariaLabelledBy("about")) {
            h.h2("What it says about you", .id("about"))
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.evidence(.candidateProfile)), .class("form"), .flag(.novalidate)) {
                h.inputField("headline", "Headline", value: form.headline, hint: "One line a hiring partner reads first: “Back-end developer: Ruby, PostgreSQL, APIs”.", errors: errors)
                h.inputField("available_from", "Available from", type: "date", value: form.availableFrom, hint: "Leave it empty if you can start now.", errors: errors)
                h.p(.class("hint")) {
                    h.text("Your name, stacks and GitHub login come from ")
                    h.a("your profile", .href(Href(SiteURL.accounts(.profile))))
                    h.text("; your projects from ")
                    h.a("Projects", .href(Href(SiteURL.evidence(.projects))))
                    h.text(".")
                }
                h.button("Save", .type("submit"), .class("button primary"))
            }
        }
        h.section(.class("card"), .ariaLabelledBy("recommendation-heading")) {
            h.h2("Your coach's technical recommendation", .id("recommendation-heading"))
            if let recommendation {
                h.blockquote(recommendation.text)
                if recommendation.read {
                    h.p("You have read it: it is part of your profile.", .class("hint"))
                } else {
                    h.p("Read it first: it becomes part of your profile only once you have.", .class("hint"))
                    h.postForm(Href(SiteURL.evidence(.readRecommendation))) {
                        h.input(.type("hidden"), .name("version"), .value(recommendation.version))
                        h.button("I have read it", .type("submit"), .class("button"))
                    }
                }
            } else {
                h.p("Your coach has not written one yet. Hiring partners ask for it: ask your coach when you are ready.", .class("empty"))
            }
        }
        h.section(.class("card"), .ariaLabelledBy("shortlists-heading")) {
            h.h2("Shortlists you are on", .id("shortlists-heading"))
            if shortlists.isEmpty {
                h.p(shared ? "None yet." : "None: partners shortlist only profiles that are shared.", .class("empty"))
            } else {
                h.ul { for list in shortlists { h.li("\(list.name), for \(list.hiringPartner)") } }
            }
        }
        h.h2("What partners see", .id("preview"))
        preview.render(h)
    }
}

/// The shared candidates ranked, for the partnerships team, with a filter by stack and start.
struct CandidatesPage: PageView {
    let candidates: [ShortlistUseCases.Candidate]
    let total: Int
    let stack: String
    let startsWithin: Int?
    let page: Int
    let pageCount: Int
    let target: Int
    let today: LocalDate

    static let perPage = 50

    var title: String { "Candidates" }

    func content(_ h: HTML) {
        h.h1("Candidates")
        h.p("Graduates who chose to share their profile, ranked on the three questions hiring partners ask: how often they commit, whether they have a side project, whether they act on technical feedback. Open a candidate for the evidence behind each figure.",
            .class("lede"))
        h.form(.attr(.method, "get"), .action(Href(SiteURL.evidence(.candidates))), .class("filters"), .role("search"), .ariaLabel("Filter candidates")) {
            h.inputField("stack", "Stack", value: stack, errors: .none, inline: true)
            h.selectField("starts", "Can start", options: [SelectOption(value: "", label: "Any time", selected: startsWithin == nil)] + CandidateFilter.startChoices.map { days in
                SelectOption(value: String(days), label: days == 0 ? "Now" : "Within \(days) days", selected: startsWithin == days)
            }, errors: .none, inline: true)
            h.button("Filter", .type("submit"), .class("button"))
        }
        guard !candidates.isEmpty else {
            h.p(total == 0 && stack.isEmpty && startsWithin == nil
                ? "No graduate has shared a candidate profile yet. Graduates choose to share; their profiles appear here when they do."
                : "No shared candidate matches the filter.", .class("empty"))
            return
        }
        h.p("\(Wording.count(total, "candidate")) ranked.", .class("hint"))
        CandidateTable(candidates: candidates, target: target, today: today, remove: nil).render(h)
        if pageCount > 1 {
            h.nav(.ariaLabel("Pages")) {
                h.p {
                    if page > 1 { h.a("← Higher ranked", .href(Href(SiteURL.evidence(.candidates), query: query(page: page - 1)))); h.text(" ") }
                    h.text("Page \(page) of \(pageCount)")
                    if page < pageCount { h.text(" "); h.a("Lower ranked →", .href(Href(SiteURL.evidence(.candidates), query: query(page: page + 1)))) }
                }
            }
        }
    }

    private func query(page: Int) -> String {
        var items = [URLQueryItem(name: "page", value: String(page))]
        if !stack.isEmpty { items.append(URLQueryItem(name: "stack", value: stack)) }
        if let startsWithin { items.append(URLQueryItem(name: "starts", value: String(startsWithin))) }
        var components = URLComponents()
        components.queryItems = items
        return components.percentEncodedQuery ?? ""
    }
}

/// Ranked candidates as a table: rank, who, and the figure for each question.
struct CandidateTable {
    let candidates: [ShortlistUseCases.Candidate]
    let target: Int
    let today: LocalDate
    /// The shortlist a candidate can be taken off, when the table shows one.
    let remove: String?

    func render(_ h: HTML) {
        h.div(.class("table-wrap")) { h.table(.class("table candidates")) {
            h.thead {
                h.tr {
                    h.th("Rank"); h.th("Candidate"); h.th("Commits")
                    h.th("Side project"); h.th("Feedback"); h.th("Mock interviews")
                    if remove != nil { h.th { h.span("Remove", .class("visually-hidden")) } }
                }
            }
            h.tbody {
                for candidate in candidates {
                    let id = candidate.id.uuidString
                    let page = SiteURL.evidence(.candidate(id: id))
                    h.tr {
                        h.td(String(candidate.ranked.rank), .class("number"))
                        h.td {
                            h.a(candidate.name, .href(Href(page)))
                            h.br()
                            h.span((candidate.headline.isEmpty ? "" : candidate.headline + " · ") + CandidateProfileDraft.availability(from: candidate.availableFrom, today: today), .class("hint"))
                            if !candidate.stacks.isEmpty { h.br(); h.span(candidate.stacks.joined(separator: ", "), .class("hint")) }
                        }
                        h.td { h.a(candidate.ranked.weeksFigure(target: target), .href(Href(page, fragment: "commits"))) }
                        h.td { h.a(candidate.sideProjects.first.flatMap { candidate.ranked.activeSideProject ? "\($0.name), \($0.lastWorked.display)" : nil } ?? candidate.ranked.sideProjectFigure,
                                   .href(Href(page, fragment: "projects"))) }
                        h.td { h.a(candidate.ranked.feedbackFigure, .href(Href(page, fragment: "feedback"))) }
                        h.td { h.a(MockScoreWords.summary(candidate.mockScores), .href(Href(page, fragment: "mocks"))) }
                        if let remove {
                            h.td {
                                h.postForm(Href(SiteURL.evidence(.removeFromShortlist(id: remove, graduate: id))), .class("inline")) {
                                    h.button("Remove", .type("submit"), .class("button small"), .ariaLabel("Remove \(candidate.name)"))
                                }
                            }
                        }
                    }
                }
            }
        } }
    }
}

/// One shared candidate's evidence for a partner, with the shortlists they are on and a way to
/// add them to one.
struct CandidatePage: PageView {
    let evidence: CandidateEvidence
    let of: Int
    let on: [ShortlistModel]
    let shortlists: [ShortlistModel]
    let errors: FormErrors

    var title: String { evidence.candidate.name }

    func content(_ h: HTML) {
        let candidate = evidence.candidate
        h.p { h.a("← Candidates", .href(Href(SiteURL.evidence(.candidates)))) }
        h.h1(candidate.name)
        h.p("Ranked \(candidate.ranked.rank) of \(Wording.count(of, "shared candidate"))", .class("hint"))
        evidence.render(h)
        h.section(.class("card"), .ariaLabelledBy("shortlist")) {
            h.h2("Shortlists", .id("shortlist"))
            if !on.isEmpty {
                h.p("On " + on.map { "\($0.name) (\($0.hiringPartner))" }.joined(separator: ", ") + ".")
            }
            if shortlists.isEmpty {
                h.p { h.a("Make a shortlist", .href(Href(SiteURL.evidence(.shortlists)))); h.text(" to add \(candidate.name) to it.") }
            } else {
                h.errorSummary(errors)
                let id = candidate.id.uuidString
                ShortlistChooser(graduateID: id, shortlists: shortlists.filter { list in !on.contains { $0.id == list.id } }, errors: errors).render(h)
            }
        }
    }
}

/// The form that puts a candidate on a shortlist: it posts to the chosen shortlist's address,
/// which the field names, so it works without a script.
struct ShortlistChooser {
    let graduateID: String
    let shortlists: [ShortlistModel]
    let errors: FormErrors

    func render(_ h: HTML) {
        guard !shortlists.isEmpty else { return }
        for list in shortlists {
            h.postForm(Href(SiteURL.evidence(.shortlistCandidates(id: list.requireIDString))), .class("inline")) {
                h.input(.type("hidden"), .name("graduate_id"), .value(graduateID))
                h.button("Add to \(list.name)", .type("submit"), .class("button"))
            }
        }
    }
}

/// The shortlist form as typed.
struct ShortlistForm: Content {
    var name: String?
    var hiringPartner: String?

    enum CodingKeys: String, CodingKey {
        case name
        case hiringPartner = "hiring_partner"
    }

    func draft() throws(ValidationErrors) -> ShortlistDraft {
        try ShortlistDraft.validate(name: name ?? "", hiringPartner: hiringPartner ?? "")
    }
}

/// The partnerships team's shortlists, the latest first, and the form that makes one.
struct ShortlistsPage: PageView {
    let shortlists: [(ShortlistModel, Int)]
    let form: ShortlistForm
    let errors: FormErrors

    var title: String { "Shortlists" }

    func content(_ h: HTML) {
        h.recordsPage("Shortlists", lede: "A shortlist gathers shared candidates for one hiring partner's role, ranked on their evidence, and exports as CSV.",
                      empty: "No shortlists yet.", isEmpty: shortlists.isEmpty, formHeading: "Make a shortlist", action: Href(SiteURL.evidence(.shortlists)),
                      submit: "Make the shortlist", errors: errors) {
            for (list, count) in shortlists {
                h.li {
                    h.h3 { h.a(list.name, .href(Href(SiteURL.evidence(.shortlist(id: list.requireIDString))))) }
                    h.p("For \(list.hiringPartner) · \(Wording.count(count, "candidate"))", .class("hint"))
                }
            }
        } fields: {
            h.inputField("name", "Name", value: form.name, hint: "The role: “Junior back-end developer”.", errors: errors)
            h.inputField("hiring_partner", "For", value: form.hiringPartner, hint: "The hiring partner.", errors: errors)
        }
    }
}

/// One shortlist: its candidates ranked among themselves, its export, and deleting it.
struct ShortlistPage: PageView {
    let shortlist: ShortlistModel
    let candidates: [ShortlistUseCases.Candidate]
    let target: Int
    let today: LocalDate

    var title: String { shortlist.name }

    func content(_ h: HTML) {
        let id = shortlist.requireIDString
        h.p { h.a("← Shortlists", .href(Href(SiteURL.evidence(.shortlists)))) }
        h.h1(shortlist.name)
        h.p("For \(shortlist.hiringPartner)", .class("lead"))
        if candidates.isEmpty {
            h.p { h.text("No candidates on it yet: add them from "); h.a("Candidates", .href(Href(SiteURL.evidence(.candidates)))); h.text(".") }
        } else {
            CandidateTable(candidates: candidates, target: target, today: today, remove: id).render(h)
            h.p { h.a("Export as CSV", .class("button"), .href(Href(SiteURL.evidence(.shortlistCSV(id: id))))) }
        }
        h.postForm(Href(SiteURL.evidence(.deleteShortlist(id: id))), .data(.dataConfirm, "Delete the shortlist \(shortlist.name)? The candidates stay shared.")) {
            h.button("Delete the shortlist", .type("submit"), .class("button danger"))
        }
    }
}

/// On the page about a graduate, for their coach: the technical recommendation partners read,
/// with whether the graduate has read it.
struct RecommendationSection: HomeSection {
    let graduateID: String
    let name: String
    let text: String?
    let read: Bool
    let errors: FormErrors

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("recommendation")) {
            h.h2("Technical recommendation", .id("recommendation"))
            h.p("Hiring partners ask the bootcamp for its technical recommendation. \(name) reads it first; it joins their candidate profile once they have.", .class("hint"))
            if text != nil { h.p(read ? "\(name) has read it." : "\(name) has not read it yet.", .class("hint")) }
            h.errorSummary(errors)
            h.postForm(Href(SiteURL.evidence(.recommend(id: graduateID))), .class("form"), .flag(.novalidate)) {
                h.textAreaField("text", "Recommendation", value: text, rows: 5, hint: "What they can do, with an example you saw.", errors: errors)
                h.button(text == nil ? "Write it" : "Save changes", .type("submit"), .class("button primary"))
            }
        }
    }
}

/// On a partner's home: how many share, the five best ranked, and the shortlists.
struct PartnerCandidatesSection: HomeSection {
    let total: Int
    let top: [ShortlistUseCases.Candidate]
    let shortlists: [(ShortlistModel, Int)]
    let target: Int

    func content(_ h: HTML) {
        h.section(.class("card"), .ariaLabelledBy("top-candidates")) {
            h.h2("Candidates", .id("top-candidates"))
            guard total > 0 else {
                h.p("No graduate has shared a candidate profile yet. Graduates choose to share; their profiles appear here when they do.", .class("empty"))
                return
            }
            h.p("\(Wording.count(total, "graduate")) share a candidate profile. The best ranked on their evidence:", .class("hint"))
            h.ul(.class("ranked")) {
                for candidate in top {
                    h.li {
                        h.text("\(candidate.ranked.rank). ")
                        h.a(candidate.name, .href(Href(SiteURL.evidence(.candidate(id: candidate.id.uuidString)))))
                        h.text(" · " + candidate.ranked.weeksFigure(target: target) + " · " + candidate.ranked.feedbackFigure)
                    }
                }
            }
            h.p { h.a("All candidates", .class("button"), .href(Href(SiteURL.evidence(.candidates)))) }
        }
        h.section(.class("card"), .ariaLabelledBy("your-shortlists")) {
            h.h2("Shortlists", .id("your-shortlists"))
            if shortlists.isEmpty {
                h.p("No shortlists yet.", .class("empty"))
            } else {
                h.ul {
                    for (list, count) in shortlists.prefix(5) {
                        h.li {
                            h.a(list.name, .href(Href(SiteURL.evidence(.shortlist(id: list.requireIDString)))))
                            h.text(" · for \(list.hiringPartner) · \(Wording.count(count, "candidate"))")
                        }
                    }
                }
            }
            h.p { h.a("Shortlists", .class("button"), .href(Href(SiteURL.evidence(.shortlists)))) }
        }
    }
}
