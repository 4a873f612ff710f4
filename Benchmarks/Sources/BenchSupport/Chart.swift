import Foundation
import Limn

/// The ratios of a `compare` run as a bar chart, drawn by Limn itself (its paths, its text
/// engine): one bar per Limn case and peer, on a logarithmic axis centred on 1× — to the left
/// Limn is faster, to the right slower — grouped in sections (kernels in process, whole jobs).
public enum Chart {
    public struct Bar: Decodable, Sendable {
        public var section: String
        public var label: String
        /// Limn's time over the peer's (below 1: Limn is faster).
        public var ratio: Double
        /// Shown after the ratio (the two times, say).
        public var detail: String?
    }

    public struct Spec: Decodable, Sendable {
        public var title: String
        public var subtitle: String
        public var bars: [Bar]
    }

    static let lowest = 0.01, highest = 10.0

    /// The chart as a picture: 1600 pixels wide, a row of 26 per bar; each bar's figure in a column
    /// of its own at the right.
    public static func draw(_ spec: Spec) throws -> Image {
        let engine = TextEngine.shared
        let width = 1600, labelWidth = 540.0, barLeft = 560.0, barRight = 1120.0, valueLeft = 1140.0, row = 26.0, top = 110.0
        let sections = spec.bars.reduce(into: [String]()) { if !$0.contains($1.section) { $0.append($1.section) } }
        let height = Int(top + Double(spec.bars.count) * row + Double(sections.count) * 44 + 70)
        var image = Image(width: width, height: height, fill: .white)
        var list = DrawList()
        let ink = Pixel(r: 30, g: 34, b: 40), muted = Pixel(r: 110, g: 116, b: 124), grid = Pixel(r: 222, g: 225, b: 230)
        let faster = Pixel(r: 46, g: 140, b: 87), slower = Pixel(r: 200, g: 70, b: 60)
        func text(_ s: String, _ x: Double, _ y: Double, size: Double, color: Pixel, rightAligned: Bool = false) throws {
            let line = try engine.layout(s, font: Font(size: size))
            list.draw(line, at: Point(x: rightAligned ? x - line.advance : x, y: y), color: color)
        }
        func x(_ ratio: Double) -> Double {
            let r = min(max(ratio, lowest), highest)
            return barLeft + (log10(r) - log10(lowest)) / (log10(highest) - log10(lowest)) * (barRight - barLeft)
        }
        try text(spec.title, 24, 40, size: 26, color: ink)
        try text(spec.subtitle, 24, 70, size: 15, color: muted)
        let bottom = Double(height) - 40
        for mark in [0.01, 0.03, 0.1, 0.3, 0.5, 1, 2, 5, 10] {
            try list.fill(
                .rectangle(Rect(x: x(mark) - 0.5, y: top - 10, width: mark == 1 ? 2 : 1, height: bottom - top + 10)),
                with: mark == 1 ? ink : grid)
            try text(
                mark < 0.1 ? String(format: "%.2f×", mark) : mark < 1 ? String(format: "%.1f×", mark) : "\(Int(mark))×", x(mark) - 14,
                bottom + 22, size: 13, color: muted)
        }
        try text("← Limn faster", barLeft, top - 18, size: 13, color: faster)
        try text("Limn slower →", barRight, top - 18, size: 13, color: slower, rightAligned: true)
        var y = top
        for section in sections {
            y += 30
            try text(section, 24, y, size: 17, color: ink)
            y += 14
            for bar in spec.bars where bar.section == section {
                let center = y + row / 2
                try text(bar.label, labelWidth, center + 5, size: 14, color: ink, rightAligned: true)
                guard bar.ratio.isFinite, bar.ratio > 0 else { y += row; continue }
                let a = x(1), b = x(bar.ratio)
                try list.fill(
                    .roundedRectangle(Rect(x: min(a, b), y: y + 5, width: max(abs(b - a), 2), height: row - 10), radius: 3),
                    with: bar.ratio < 1 ? faster : slower)
                let value = String(format: bar.ratio < 0.1 ? "%.2f×" : "%.2f×", bar.ratio) + (bar.detail.map { "  \($0)" } ?? "")
                try text(value, valueLeft, center + 5, size: 13, color: muted)
                y += row
            }
        }
        image.draw(list)
        return image
    }
}
