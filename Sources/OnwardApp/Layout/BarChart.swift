import Foundation
import LeafKit

/// A grouped bar chart, laid out on the server and drawn as SVG by `layout/bar-chart.leaf`.
/// Every coordinate is computed here; the template only prints them.
struct BarChart: Encodable {
    struct Series: Encodable {
        let name: String
        let cssClass: String
    }
    struct Bar: Encodable {
        let x: Int
        let y: Int
        let width: Int
        let height: Int
        let cssClass: String
        let label: String
    }
    struct Tick: Encodable {
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

// A year's search is a hundred bars and more. Leaf prints an integer by converting it to text
// through a table it builds on each use, which made the chart a tenth of the home page; the
// numbers go to Leaf as text instead, and the bars and ticks without the `Encodable` round trip.
extension BarChart.Bar: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary([
            "x": .string(String(x)), "y": .string(String(y)), "width": .string(String(width)), "height": .string(String(height)),
            "cssClass": .string(cssClass), "label": .string(label),
        ])
    }
}

extension BarChart.Tick: LeafDataRepresentable {
    var leafData: LeafData {
        .dictionary(["x": .string(String(x)), "y": .string(String(y)), "text": .string(text)])
    }
}
