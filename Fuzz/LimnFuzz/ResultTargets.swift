import Foundation
import Limn

/// The result readers: JSON from any vendor, detected or forced, then what `limn annotate`
/// does with it (mapped onto a picture, drawn, its embedded mattes read).
enum ResultTargets {
    static let limits = ResultLimits(maxJSONBytes: 1 << 20, maxRegions: 2_000)

    static func detected(_ bytes: UnsafeRawBufferPointer) {
        use(try? Analysis(json: Data(bytes), source: "fuzz", limits: limits, picture: .matching("street.png")))
    }

    /// The first byte chooses the format the rest is read as (`--result-format`).
    static func forced(_ bytes: UnsafeRawBufferPointer) {
        guard let first = bytes.first else { return }
        let format = ResultFormat.allCases[Int(first) % ResultFormat.allCases.count]
        use(try? Analysis(json: Data(bytes.dropFirst()), format: format, source: "fuzz", limits: limits, picture: .matching("street.png")))
    }

    static func use(_ analysis: Analysis?) {
        guard let analysis else { return }
        let picture = Image(width: 96, height: 64, fill: Pixel(r: 200, g: 190, b: 180))
        for orientation in [Orientation.up, .right] {
            let geometry = PictureGeometry(storedSize: picture.size, orientation: orientation)
            _ = analysis.mapped(to: geometry)
        }
        _ = try? annotate(image: picture, analysis: analysis)
        for matte in analysis.encodedMattes { _ = try? Matte.read(bytes: matte.bytes, source: "fuzz", limits: ImageTargets.limits) }
    }
}
