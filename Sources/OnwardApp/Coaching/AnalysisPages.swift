import OnwardCore
import Vapor

extension HTML {
    /// The figures a job search analysis is written beside: where applications came from and what
    /// came of them, how far they got, the funnel beside the cohort's medians, the signals raised,
    /// and the feedback with what was done. `label` names the section (a round's own, on a
    /// submission with several).
    func analysisFigures(_ a: JobSearchAnalysis, label: String = "The figures") {
        section(.class("card analysis-figures"), .ariaLabel(label)) {
            h2(label)
            p(.class("hint")) {
                text("As they stood on \(a.asOf.display)")
                if let first = a.firstSent { text(", from the first application sent on \(first.display)") }
                text(". Onward counted them from the applications, signals and feedback it holds.")
            }
            h3("Where the applications came from")
            if a.sources.isEmpty {
                p("No application sent yet.", .class("empty"))
            } else {
                div(.class("table-wrap")) { table(.class("table")) {
                    thead { tr { th("Source"); th("Sent"); th("Answered"); th("Answer rate"); th("Days to an answer (median)"); th("Interviews") } }
                    tbody {
                        for line in a.sources {
                            tr {
                                th(.attr(.scope, "row")) { text(line.source) }
                                td(String(line.sent), .class("num")); td(String(line.answered), .class("num"))
                                td(Formats.percent(line.answerRate), .class("num")); td(Formats.median(line.medianDaysToFirstAnswer), .class("num"))
                                td(String(line.interviewed), .class("num"))
                            }
                        }
                    }
                } }
            }
            h3("How far they got")
            div(.class("table-wrap")) { table(.class("table")) {
                thead { tr { th("Furthest stage reached"); th("Applications") } }
                tbody {
                    for line in a.stages { tr { th(.attr(.scope, "row")) { text(line.stage) }; td(String(line.count), .class("num")) } }
                }
            } }
            p("Now: \(a.open) still open, \(a.accepted) accepted, \(a.rejected) rejected, \(a.withdrawn) withdrawn.", .class("hint"))
            h3("Your funnel beside your cohort's")
            div(.class("table-wrap")) { table(.class("table")) {
                thead { tr { th("Step"); th("You"); th("Of those sent"); th("Cohort median"); th("Cohort median, of those sent") } }
                tbody {
                    for line in a.funnel {
                        tr {
                            th(.attr(.scope, "row")) { text(line.step) }
                            td(String(line.count), .class("num")); td(line.rate == nil ? "" : Formats.percent(line.rate), .class("num"))
                            td(Formats.median(line.cohortMedianCount), .class("num")); td(line.step == a.funnel.first?.step ? "" : Formats.percent(line.cohortMedianRate), .class("num"))
                        }
                    }
                }
            } }
            p(a.showsCohort ? "Medians of the \(a.cohortSearching) others in the cohort who have sent an application."
                : "Fewer than \(JobSearchAnalysis.cohortMinimum) others in the cohort have sent an application: no median is shown, so that nobody's figures can be read from it.",
              .class("hint"))
            h3("Signs Onward raised")
            if a.signals.isEmpty {
                p("None: nothing in the evidence called for a coach.", .class("empty"))
            } else {
                ul(.class("record-list")) {
                    for signal in a.signals {
                        li {
                            strong(signal.title)
                            text(" · raised \(signal.raised.display) · " + (signal.cleared.map { "cleared \($0.display)" } ?? "still standing"))
                            p(signal.reason, .class("hint"))
                        }
                    }
                }
            }
            h3("Technical feedback")
            p("\(Wording.count(a.feedback.count, "piece")) received, \(a.feedbackActedOn) acted on.", .class("hint"))
            if !a.feedback.isEmpty {
                ul(.class("record-list")) {
                    for piece in a.feedback {
                        li {
                            text("\(piece.source) · \(piece.given.display) · ")
                            if let done = piece.done { text(done + (piece.doneOn.map { " (\($0.display))" } ?? "")) } else { span("nothing done yet", .class("state-badge")) }
                        }
                    }
                }
            }
        }
    }
}

/// The week-4 job search analysis, opened with the graduate's figures: they read them, then write
/// what the figures tell them and what they will change, and send both to their coaches.
struct AnalysisFormPage: PageView {
    let figures: JobSearchAnalysis
    let form: SubmissionForm
    let errors: FormErrors

    var title: String { "Job search analysis" }

    func content(_ h: HTML) {
        h.h1("Your job search analysis")
        h.p("Onward has filled in the figures of your search so far. Read them, then write what they tell you and what you will change. Your coaches review the figures and your writing together.",
            .class("lede"))
        h.div(.class("analysis-layout")) {
            h.analysisFigures(figures)
            h.section(.class("card analysis-writing"), .ariaLabel("Your analysis")) {
                h.h2("Your analysis")
                h.errorSummary(errors)
                h.postForm(Href(SiteURL.coaching(.submissions)), .class("form"), .flag(.novalidate)) {
                    h.input(.type("hidden"), .name("kind"), .value(SubmissionKind.jobSearchAnalysis.rawValue))
                    h.input(.type("hidden"), .name("figures_version"), .value(figures.version))
                    h.analysisFields(form, errors: errors)
                    h.button("Submit for review", .type("submit"), .class("button primary"))
                }
            }
        }
    }
}

extension HTML {
    /// The title, the reading, the changes and a link of an analysis's round.
    func analysisFields(_ form: SubmissionForm, errors: FormErrors) {
        inputField("title", "Title", value: form.title ?? "Job search analysis, week 4", errors: errors)
        textAreaField("body", "What the figures tell you", value: form.body, rows: 8,
                      hint: "Which sources answer, where applications stop, how you compare with your cohort, what the signals and feedback say.", errors: errors)
        textAreaField("changes", "What you will change", value: form.changes, rows: 6,
                      hint: "For the next weeks: where you will look, what you will send differently, what you will practise.", errors: errors)
        inputField("link", "Link (optional)", type: "url", value: form.link, errors: errors)
    }
}
