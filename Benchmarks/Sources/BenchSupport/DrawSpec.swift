import Foundation
import Limn

/// The T7 drawing job: 200 polygons (5–8 vertices, radius 15–90 px) and 200 labels on 1920 × 1080,
/// made deterministically and written as JSON beside the inputs so that the peers draw exactly
/// the same shapes and strings.
public struct DrawSpec: Codable, Sendable {
    public struct Polygon: Codable, Sendable {
        public var xs: [Double], ys: [Double], rgb: [UInt8]
        public var points: [Point] { zip(xs, ys).map { Point(x: $0, y: $1) } }
        public var color: Pixel { Pixel(r: rgb[0], g: rgb[1], b: rgb[2]) }
    }
    public struct Label: Codable, Sendable {
        public var x: Double, y: Double, text: String, rgb: [UInt8]
        public var origin: Point { Point(x: x, y: y) }
        public var color: Pixel { Pixel(r: rgb[0], g: rgb[1], b: rgb[2]) }
    }
    public var polygons: [Polygon]
    public var labels: [Label]

    static let file = "draw_spec_1920x1080.json"

    public static func load(_ inputs: BenchInputs) throws -> DrawSpec {
        let path = inputs.path(file)
        if let data = FileManager.default.contents(atPath: path), let spec = try? JSONDecoder().decode(DrawSpec.self, from: data) {
            return spec
        }
        let spec = make()
        try JSONEncoder().encode(spec).write(to: URL(fileURLWithPath: path), options: .atomic)
        return spec
    }

    static func make() -> DrawSpec {
        var random = Xorshift(seed: 7)
        func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * Double(random.next() >> 11) / Double(1 << 53) }
        var polygons: [Polygon] = []
        for _ in 0..<200 {
            let cx = uniform(0, 1920), cy = uniform(0, 1080), radius = uniform(15, 90)
            let k = 5 + Int(random.next() % 4)
            var xs: [Double] = [], ys: [Double] = []
            for i in 0..<k {
                let angle = 2 * Double.pi * Double(i) / Double(k) + uniform(-0.3, 0.3)
                let r = radius * uniform(0.5, 1)
                xs.append(cx + r * cos(angle)); ys.append(cy + r * sin(angle))
            }
            polygons.append(Polygon(xs: xs, ys: ys, rgb: (0..<3).map { _ in UInt8(random.next() % 256) }))
        }
        var labels: [Label] = []
        for i in 0..<200 {
            labels.append(
                Label(
                    x: uniform(0, 1770), y: uniform(20, 1080), text: String(format: "Label %03d g/Ay %d", i, Int(random.next() % 1000)),
                    rgb: (0..<3).map { _ in UInt8(random.next() % 128) }))
        }
        return DrawSpec(polygons: polygons, labels: labels)
    }
}
