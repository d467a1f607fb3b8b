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
    let baseline: Int
    let left: Int
    let isEmpty: Bool

    /// - Parameters:
    ///   - groups: one label per group (a week), with a value per series.
    init(title: String, series: [Series], groups: [(label: String, values: [Int])], width: Int = 720, height: Int = 220) {
        let left = 32, bottom = 28, top = 10
        let plotHeight = height - top - bottom
        let maxValue = max(1, groups.flatMap(\.values).max() ?? 0)
        let groupWidth = groups.isEmpty ? 0 : (width - left - 8) / groups.count
        let barWidth = max(2, (groupWidth - 4) / max(1, series.count))
        var bars: [Bar] = []
        var xLabels: [Tick] = []
        let labelEvery = max(1, Int((Double(groups.count) / 8).rounded(.up)))
        for (index, group) in groups.enumerated() {
            let groupX = left + index * groupWidth + 2
            for (seriesIndex, value) in group.values.enumerated() {
                let barHeight = Int((Double(value) / Double(maxValue) * Double(plotHeight)).rounded())
                bars.append(Bar(
                    x: groupX + seriesIndex * barWidth, y: top + plotHeight - barHeight, width: barWidth - 1, height: barHeight,
                    cssClass: series[seriesIndex].cssClass, label: "\(group.label): \(value) \(series[seriesIndex].name.lowercased())"))
            }
            if index % labelEvery == 0 {
                xLabels.append(Tick(x: groupX, y: height - 8, text: group.label))
            }
        }
        let yLabels = [0, maxValue / 2, maxValue].reduce(into: [Int]()) { if !$0.contains($1) { $0.append($1) } }.map { value in
            Tick(x: left - 6, y: top + plotHeight - Int(Double(value) / Double(maxValue) * Double(plotHeight)) + 4, text: String(value))
        }
        self.title = title
        self.width = width
        self.height = height
        self.series = series
        self.bars = bars
        self.xLabels = xLabels
        self.yLabels = yLabels
        self.baseline = top + plotHeight
        self.left = left
        self.isEmpty = groups.isEmpty
    }
}

extension BarChart {
    func render(_ h: HTML) {
        h.figure(.class("chart")) {
            h.element("svg", [.attr(.viewBox, "0 0 \(width) \(height)"), .role("img"), .ariaLabelledBy("chart-title"), .attr(.preserveAspectRatio, "xMinYMin meet")]) {
                h.element("title", [.id("chart-title")], text: title)
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
            h.figcaption(.class("legend")) {
                for series in series {
                    h.span(series.name, .class("key " + series.cssClass))
                    h.raw(" ")
                }
            }
        }
    }
}
