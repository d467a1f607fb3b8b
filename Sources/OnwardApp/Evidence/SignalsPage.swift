import Foundation
import OnwardCore

/// What each signal means: its rule with the numbers it uses, and what it recommends.
struct SignalsPage: PageView {
    let thresholds: SignalThresholds

    var title: String { "Signals" }

    func content(_ h: HTML) {
        h.div(.class("narrow")) {
            h.h1("Signals")
            h.p("The Makers guide lists signs that a graduate should reach out for coaching. Onward reads them from the evidence every day: the graduate sees each with what to do about it, and their coach sees it on the dashboard. Each clears itself when the evidence changes.", .class("lede"))
            h.div(.class("table-wrap")) { h.table(.class("table")) {
                h.thead { h.tr { h.th("Signal"); h.th("Raised when"); h.th("Recommended") } }
                h.tbody {
                    for (signal, rule) in thresholds.table {
                        h.tr { h.th(.attr(.scope, "row")) { h.text(signal.title) }; h.td(rule); h.td(signal.action.recommendation) }
                    }
                }
            } }
            h.p("Nothing is raised for a graduate who has accepted a job or whose programme is paused.", .class("hint"))
        }
    }
}
