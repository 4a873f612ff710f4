import Foundation
import LimnCodecs

/// Golden-image checks: a rendering is compared with `TestImages/Golden/<suite>/<name>.png`.
///
/// - The golden files are reviewed pictures committed to the repository; they are written only
///   when `LIMN_RECORD_GOLDEN=1` is set (then the check records and passes), never silently.
/// - A comparison passes when no channel differs by more than `maxChannel` and at most
///   `maxDifferingShare` of the pixels differ at all (so font-renderer or rounding drift of a
///   level or two passes, a moved or missing glyph does not).
/// - On failure the actual rendering and a difference picture (differing pixels in red, the rest
///   dimmed) are written to `<temporary>/limn-golden/<suite>/`, and the returned message says where.
public enum Golden {
    public struct Tolerance: Sendable {
        public var maxChannel: Int
        public var maxDifferingShare: Double
        public init(maxChannel: Int = 2, maxDifferingShare: Double = 0.002) {
            self.maxChannel = maxChannel
            self.maxDifferingShare = maxDifferingShare
        }
        public static let exact = Tolerance(maxChannel: 0, maxDifferingShare: 0)
    }

    public static func path(suite: String, name: String) -> String {
        RepositoryPaths.testImages + "/Golden/\(suite)/\(name).png"
    }

    /// Nil when `image` matches its golden file; otherwise why not (a sentence for the test log).
    public static func mismatch(_ image: Image, suite: String, name: String, tolerance: Tolerance = Tolerance()) -> String? {
        let path = path(suite: suite, name: name)
        if ProcessInfo.processInfo.environment["LIMN_RECORD_GOLDEN"] == "1" {
            do {
                try FileManager.default.createDirectory(
                    atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                let bytes = try ImageEncoder.encode(image, as: .png(PNGOptions(compression: .compact)))
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                return nil
            } catch {
                return "could not record \(path): \(error)"
            }
        }
        let expected: Image
        do {
            expected = try ImageDecoder.decode(file: path).image
        } catch {
            return "no golden image \(path) (\(error)); review the rendering and record it with LIMN_RECORD_GOLDEN=1"
        }
        let difference = ImageDifference(image, expected)
        if image.size == expected.size, difference.maxChannel <= tolerance.maxChannel,
            difference.differingShare <= tolerance.maxDifferingShare
        {
            return nil
        }
        let folder = FileManager.default.temporaryDirectory.path + "/limn-golden/\(suite)"
        var written = ""
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(ImageEncoder.encode(image, as: .png(PNGOptions(compression: .fast)))).write(
                to: URL(fileURLWithPath: folder + "/\(name).actual.png"))
            if image.size == expected.size {
                try Data(ImageEncoder.encode(differencePicture(image, expected), as: .png(PNGOptions(compression: .fast))))
                    .write(to: URL(fileURLWithPath: folder + "/\(name).diff.png"))
            }
            written = "; actual and difference written to \(folder)"
        } catch {
            written = "; could not write the actual image (\(error))"
        }
        let sizes = image.size == expected.size ? "" : " (size \(image.size) vs golden \(expected.size))"
        return "\(name) differs from \(path)\(sizes): \(difference)\(written)"
    }

    /// Red where any channel differs, the expected picture at a quarter brightness elsewhere.
    static func differencePicture(_ a: Image, _ b: Image) -> Image {
        var out = Image(width: a.width, height: a.height, fill: Pixel(r: 0, g: 0, b: 0, a: 255))
        for y in 0..<a.height {
            for x in 0..<a.width {
                let p = a[x, y], q = b[x, y]
                out[x, y] = p == q ? Pixel(r: q.r / 4, g: q.g / 4, b: q.b / 4, a: 255) : Pixel(r: 255, g: 0, b: 0, a: 255)
            }
        }
        return out
    }
}
