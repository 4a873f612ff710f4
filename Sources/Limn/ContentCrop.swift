import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How to choose a crop when no service suggested one.
public enum ContentCrop: String, Sendable, CaseIterable {
    /// Where the picture draws the eye: edges, saturated color and skin tones, in the spirit of
    /// libvips' `smartcrop` attention strategy.
    case attention
    /// The window with the most information: the highest entropy of its luminance histogram.
    case entropy
    /// The middle of the picture.
    case center

    /// The largest window of `aspect` (width / height) inside `image`, placed by this strategy.
    /// Deterministic. Works on a copy at most 256 pixels on its longer side.
    public func window(in image: Image, aspect: Double) -> Rect {
        let full = Rect(image.size)
        let size = ContentCrop.largestWindow(in: image.size, aspect: aspect)
        let centered = Rect(x: (full.width - size.width) / 2, y: (full.height - size.height) / 2, width: size.width, height: size.height)
        guard self != .center, !image.isEmpty, size.width < full.width - 0.5 || size.height < full.height - 0.5 else { return centered }
        // Score candidate positions along the free axis on a small copy.
        let scale = min(1, 256 / Double(max(image.width, image.height)))
        let small = image.resampledUnchecked(
            from: Rect(image.size),
            to: Size(
                width: max(1, Int((Double(image.width) * scale).rounded())),
                height: max(1, Int((Double(image.height) * scale).rounded()))), filter: .box)
        let horizontal = size.width < full.width - 0.5
        let span = horizontal ? full.width - size.width : full.height - size.height
        let steps = 32
        var best = centered, bestScore = -Double.infinity
        let interest = self == .attention ? ContentCrop.attentionMap(small) : []
        for step in 0...steps {
            let offset = span * Double(step) / Double(steps)
            let candidate =
                horizontal
                ? Rect(x: offset, y: 0, width: size.width, height: size.height)
                : Rect(x: 0, y: offset, width: size.width, height: size.height)
            let scaled = candidate.scaled(x: Double(small.width) / full.width, y: Double(small.height) / full.height)
            var score =
                self == .attention
                ? ContentCrop.sum(interest, width: small.width, over: scaled)
                : ContentCrop.entropy(small, over: scaled)
            // A slight preference for the middle settles ties and flat pictures.
            score -= abs(Double(step) / Double(steps) - 0.5) * 1e-6
            if score > bestScore { bestScore = score; best = candidate }
        }
        return best
    }

    /// The largest `aspect` rectangle that fits `size` (as Doubles; at least one pixel a side).
    static func largestWindow(in size: Size, aspect: Double) -> (width: Double, height: Double) {
        let w = Double(max(size.width, 1)), h = Double(max(size.height, 1))
        guard aspect.isFinite, aspect > 0 else { return (w, h) }
        return w / h > aspect ? (max(1, h * aspect), h) : (w, max(1, w / aspect))
    }

    /// Per-pixel interest: luminance edges (Laplacian), saturation, and a boost for skin tones.
    static func attentionMap(_ image: Image) -> [Double] {
        let w = image.width, h = image.height
        var luma = [Double](repeating: 0, count: w * h), score = [Double](repeating: 0, count: w * h)
        for y in 0..<h {
            for x in 0..<w {
                let p = image[x, y]
                luma[y * w + x] = 0.299 * Double(p.r) + 0.587 * Double(p.g) + 0.114 * Double(p.b)
            }
        }
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x, p = image[x, y]
                let l = luma[i]
                let around =
                    (luma[y * w + max(x - 1, 0)] + luma[y * w + min(x + 1, w - 1)]
                        + luma[max(y - 1, 0) * w + x] + luma[min(y + 1, h - 1) * w + x]) / 4
                let edge = abs(l - around)
                let maxC = Double(max(p.r, p.g, p.b)), minC = Double(min(p.r, p.g, p.b))
                let saturation = maxC > 0 ? (maxC - minC) / maxC : 0
                // Skin: red above green above blue, in the range photographs of people show.
                let r = Double(p.r), g = Double(p.g), b = Double(p.b)
                let skin = r > 95 && g > 40 && b > 20 && r > g && g > b && r - b > 15 && r - g > 15 ? 1.0 : 0
                score[i] = edge * 2 + saturation * 20 + skin * 30
            }
        }
        return score
    }

    static func sum(_ map: [Double], width: Int, over rect: Rect) -> Double {
        guard let pixels = rect.coveredPixels?.clamped(to: Size(width: width, height: map.count / max(width, 1))) else { return 0 }
        var total = 0.0
        for y in pixels.y..<(pixels.y + pixels.height) {
            for x in pixels.x..<(pixels.x + pixels.width) { total += map[y * width + x] }
        }
        return total
    }

    static func entropy(_ image: Image, over rect: Rect) -> Double {
        guard let pixels = rect.coveredPixels?.clamped(to: image.size) else { return 0 }
        var histogram = [Int](repeating: 0, count: 64)
        for y in pixels.y..<(pixels.y + pixels.height) {
            for x in pixels.x..<(pixels.x + pixels.width) {
                let p = image[x, y]
                histogram[(Int(p.r) * 77 + Int(p.g) * 150 + Int(p.b) * 29) >> 10] += 1
            }
        }
        let n = Double(pixels.width * pixels.height)
        return histogram.reduce(0.0) { $1 == 0 ? $0 : $0 - Double($1) / n * log2(Double($1) / n) }
    }
}
