import Foundation

/// A grouped bar chart, laid out and drawn as SVG on the server, with the same writer as the
/// pages (so its labels are escaped like any text).
struct BarChart {
    struct Series {
        let name: String
        let cssClass: String
    }
    struct Bar {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let cssClass: String
        let label: String
    }
    struct Tick {
        let x: Int
        let y: Int
        let text: String
    }

    let title: String
    let width: Int
    let height: Int
    let series: [Series]
    let bars: [Bar]
    let xLabels: [Tick]
    let yLabels: [Tick]
    /// Lines across the plot at each labelled value but zero.
    let gridLines: [Int]
    let baseline: Int
    let left: Int
    let isEmpty: Bool
    /// The figures the bars draw, for the table that says them in words: a row a group.
    let groups: [(label: String, values: [Int])]
    /// The id of the chart's title, unique on a page with several charts.
    let id: String

    /// - Parameters:
    ///   - groups: one label per group (a week), with a value per series.
    ///   - scale: the top of the axis when it is fixed (4 for a 1-to-4 score); otherwise the
    ///     largest value rounded up to a step of 1, 2 or 5 times a power of ten.
    init(title: String, series: [Series], groups: [(label: String, values: [Int])], scale: Int? = nil, width: Int = 720, height: Int = 240, id: String = "chart") {
        let left = 36, bottom = 30, top = 12
        let plotHeight = height - top - bottom
        let (maxValue, step) = Self.axis(largest: groups.flatMap(\.values).max() ?? 0, fixed: scale)
        let groupWidth = groups.isEmpty ? 0 : (width - left - 8) / groups.count
        // A third of each group is gap, so that weeks read apart.
        let barWidth = max(2, (groupWidth * 2 / 3) / max(1, series.count))
        var bars: [Bar] = []
        var xLabels: [Tick] = []
        // Labels are about 7 px a character in the tick font: as many as fit, evenly spaced.
        let longest = max(1, groups.map(\.label.count).max() ?? 1)
        let fit = max(1, (width - left) / (longest * 8 + 8))
        let labelEvery = max(1, Int((Double(groups.count) / Double(fit)).rounded(.up)))
        for (index, group) in groups.enumerated() {
            let groupX = left + index * groupWidth + groupWidth / 6
            for (seriesIndex, value) in group.values.enumerated() {
                // A zero still shows: a stub on the baseline, so no bar seems to be missing.
                let barHeight = value == 0 ? 2 : max(2, Int((Double(min(value, maxValue)) / Double(maxValue) * Double(plotHeight)).rounded()))
                bars.append(Bar(
                    x: groupX + seriesIndex * barWidth, y: top + plotHeight - barHeight, width: max(1, barWidth - 2), height: barHeight,
                    cssClass: series[seriesIndex].cssClass + (value == 0 ? " zero" : ""),
                    label: "\(group.label): \(value) \(series[seriesIndex].name.lowercased())"))
            }
            if index % labelEvery == 0 {
                xLabels.append(Tick(x: groupX, y: height - 9, text: group.label))
            }
        }
        let values = Array(stride(from: 0, through: maxValue, by: step))
        func y(_ value: Int) -> Int { top + plotHeight - Int(Double(value) / Double(maxValue) * Double(plotHeight)) }
        self.title = title
        self.width = width
        self.height = height
        self.series = series
        self.bars = bars
        self.xLabels = xLabels
        self.yLabels = values.map { Tick(x: left - 8, y: y($0) + 5, text: String($0)) }
        self.gridLines = values.dropFirst().map(y)
        self.baseline = top + plotHeight
        self.left = left
        self.isEmpty = groups.isEmpty
        self.groups = groups
        self.id = id
    }

    /// The axis's top and the step between its labels: `fixed` with a label at every whole
    /// number up to 5, else the largest value rounded up to a 1, 2 or 5 step with at most five steps.
    static func axis(largest: Int, fixed: Int?) -> (top: Int, step: Int) {
        if let fixed { return (max(1, fixed), max(1, fixed) <= 5 ? 1 : Self.step(for: fixed)) }
        let step = Self.step(for: max(1, largest))
        return (max(step, Int((Double(max(1, largest)) / Double(step)).rounded(.up)) * step), step)
    }

    private static func step(for largest: Int) -> Int {
        var power = 1
        while true {
            for factor in [1, 2, 5] where largest <= factor * power * 5 { return factor * power }
            power *= 10
        }
    }
}

extension BarChart {
    func render(_ h: HTML) {
        h.figure(.class("chart")) {
            h.div(.class("chart-box")) {
                h.element("svg", [.attr(.viewBox, "0 0 \(width) \(height)"), .role("img"), .ariaLabelledBy(id + "-title"), .attr(.preserveAspectRatio, "xMinYMin meet")]) {
                    h.element("title", [.id(id + "-title")], text: title)
                    for y in gridLines {
                        h.element("line", [.attr(.x1, String(left)), .attr(.y1, String(y)), .attr(.x2, String(width)), .attr(.y2, String(y)), .class("grid")]) {}
                    }
                    h.element("line", [.attr(.x1, String(left)), .attr(.y1, String(baseline)), .attr(.x2, String(width)), .attr(.y2, String(baseline)), .class("axis")]) {}
                    for tick in yLabels {
                        h.element("text", [.attr(.x, String(tick.x)), .attr(.y, String(tick.y)), .class("tick"), .attr(.textAnchor, "end")], text: tick.text)
                    }
                    for bar in bars {
                        h.element("rect", [.attr(.x, String(bar.x)), .attr(.y, String(bar.y)), .attr(.width, String(bar.width)), .attr(.height, String(bar.height)), .class(bar.cssClass)]) {
                            h.element("title", [], text: bar.label)
                        }
                    }
                    for tick in xLabels {
                        h.element("text", [.attr(.x, String(tick.x)), .attr(.y, String(tick.y)), .class("tick")], text: tick.text)
                    }
                }
            }
            h.figcaption(.class("legend")) {
                for series in series {
                    h.span(series.name, .class("key " + series.cssClass))
                    h.raw(" ")
                }
            }
        }
        // The same figures in words, for one who cannot see the bars or wants the numbers (beside
        // the figure: its caption must be its last child).
        h.details(.class("chart-figures")) {
            h.summary("The figures")
            h.div(.class("table-wrap")) {
                h.table(.class("compact")) {
                    h.thead {
                        h.tr {
                            h.th("")
                            for series in series { h.th(series.name) }
                        }
                    }
                    h.tbody {
                        for group in groups {
                            h.tr {
                                h.th(.attr(.scope, "row")) { h.text(group.label) }
                                for value in group.values { h.td(String(value), .class("num")) }
                            }
                        }
                    }
                }
            }
        }
    }
}
