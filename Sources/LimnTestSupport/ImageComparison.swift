import Foundation
import LimnRaster

/// Measures how far apart two images are, for tests with a stated tolerance.
public struct ImageDifference: Sendable, CustomStringConvertible {
    /// Largest absolute difference of any channel of any pixel.
    public var maxChannel: Int
    /// Share of pixels with any channel different, 0...1.
    public var differingShare: Double
    /// Peak signal-to-noise ratio over R, G, B (and A when `includeAlpha`), in dB; infinite when
    /// equal. Colors are compared premultiplied by their alpha (`c × a / 255`): what shows, not
    /// the color under transparent pixels that encoders are free to change.
    public var psnr: Double

    /// Images of different sizes are as different as can be: 255, every pixel, 0 dB.
    public init(_ a: Image, _ b: Image, includeAlpha: Bool = true) {
        guard a.size == b.size else {
            (maxChannel, differingShare, psnr) = (255, 1, 0)
            return
        }
        var maxChannel = 0, differing = 0
        var squared = 0.0
        let channels = includeAlpha ? 4 : 3
        a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                var i = 0
                while i < pa.count {
                    var any = false
                    for c in 0..<channels {
                        let d = abs(Int(pa[i + c]) - Int(pb[i + c]))
                        if d > 0 { any = true }
                        maxChannel = max(maxChannel, d)
                        let shown =
                            c == 3
                            ? Double(d)
                            : abs(Double(pa[i + c]) * Double(pa[i + 3]) - Double(pb[i + c]) * Double(pb[i + 3])) / 255
                        squared += shown * shown
                    }
                    if any { differing += 1 }
                    i += 4
                }
            }
        }
        let n = max(a.width * a.height, 1)
        self.maxChannel = maxChannel
        self.differingShare = Double(differing) / Double(n)
        let mse = squared / Double(n * channels)
        self.psnr = mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
    }

    public var description: String {
        "max channel difference \(maxChannel), \(String(format: "%.2f", differingShare * 100))% of pixels differ, PSNR \(psnr) dB"
    }
}
