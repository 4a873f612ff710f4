import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The output's layout: panels above, the picture (and the side-by-side page) in the middle,
/// panels below, assembled in one allocation by copying rows (no fill, no blending), so a large
/// picture is copied once.
enum Frame {
    /// Bands stacked top to bottom; each band's images sit side by side and together span the
    /// frame's width (every byte is written once). The piece `leavingOut` names (band, index) is
    /// given its place, and its opacity counts, but its pixels are not copied: a draw list
    /// copies them in as it draws (see `Image.draw(_:over:x:y:)`).
    static func stack(_ bands: [[Image]], leavingOut: (band: Int, piece: Int)? = nil) -> Image {
        let width = bands.map { $0.reduce(0) { $0 + $1.width } }.max() ?? 0
        let height = bands.reduce(0) { $0 + ($1.first?.height ?? 0) }
        let opaque = bands.allSatisfy { $0.allSatisfy(\.isOpaque) }
        return Image(width: width, height: height, isOpaque: opaque) { (out: UnsafeMutableRawBufferPointer) in
            var y0 = 0
            for (b, band) in bands.enumerated() {
                let h = band.first?.height ?? 0
                var x0 = 0
                for (p, piece) in band.enumerated() {
                    if let skip = leavingOut, skip == (b, p) {
                        x0 += piece.width
                        continue
                    }
                    piece.withUnsafeBytes { src in
                        for y in 0..<min(h, piece.height) {
                            memcpy(out.baseAddress! + ((y0 + y) * width + x0) * 4, src.baseAddress! + y * piece.width * 4, piece.width * 4)
                        }
                    }
                    x0 += piece.width
                }
                // A band narrower than the frame (should not happen) is padded with transparency.
                if x0 < width {
                    for y in 0..<h { memset(out.baseAddress! + ((y0 + y) * width + x0) * 4, 0, (width - x0) * 4) }
                }
                y0 += h
            }
        }
    }
}
