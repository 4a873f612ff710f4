/// How a picture goes into a target size.
public enum FitMode: Sendable, Equatable {
    /// Scale to fit inside the target (contain), keeping the aspect ratio. With a letterbox color
    /// the result is exactly the target, the picture centered on that color.
    case fit(letterbox: Pixel? = nil)
    /// Scale to cover the target, keeping the aspect ratio, then crop to it: centered on `focus`
    /// (source coordinates, e.g. a detected subject) when given, else placed by `anchor`.
    case fill(anchor: Anchor = .center, focus: Rect? = nil)
    /// Scale each axis on its own to exactly the target.
    case stretch
}

/// A target given by width, height, or both (a side that is nil or not positive is free).
public struct FitTarget: Sendable, Equatable, CustomStringConvertible {
    /// The target width; nil (or not positive): free, following the height and the aspect ratio.
    public var width: Int?
    /// The target height; nil (or not positive): free, following the width and the aspect ratio.
    public var height: Int?

    /// A target of a width, a height or both.
    public init(width: Int? = nil, height: Int? = nil) {
        self.width = width.flatMap { $0 > 0 ? $0 : nil }
        self.height = height.flatMap { $0 > 0 ? $0 : nil }
    }

    /// A target of exactly `size`.
    public init(_ size: Size) { self.init(width: size.width, height: size.height) }

    public var description: String { "\(width.map(String.init) ?? "_")x\(height.map(String.init) ?? "_")" }
}

/// The geometry of fitting a source size into a target: which source region is read, the size it
/// is resampled to, and where that lands on the output canvas. Computed from sizes alone, so a
/// thumbnail can be planned from a header before any pixel is decoded.
///
/// Rounding rule: sides are `max(1, round(side × scale))`, so the aspect ratio is kept within
/// one pixel; letterbox placements are rounded down to whole pixels, centered.
public struct FitPlan: Sendable, Equatable {
    /// The part of the source that is read (source pixels; may have fractional edges).
    public var sourceRegion: Rect
    /// The size `sourceRegion` is resampled to.
    public var scaledSize: Size
    /// The output's size: `scaledSize`, or the whole target for a letterbox.
    public var canvasSize: Size
    /// Where the scaled picture sits on the canvas.
    public var placement: PixelRect

    /// The plan for fitting a picture of size `source` into `target` by `mode`. With `allowEnlarging` false a picture
    /// smaller than the target is not scaled up.
    public init(source: Size, target: FitTarget, mode: FitMode, allowEnlarging: Bool = true) {
        let w = Double(max(source.width, 1)), h = Double(max(source.height, 1))
        let full = Rect(x: 0, y: 0, width: w, height: h)
        func side(_ v: Double) -> Int { max(1, Int(v.rounded())) }
        // A free side follows the aspect ratio; no side at all keeps the size.
        let tw = target.width.map(Double.init), th = target.height.map(Double.init)
        // Filling needs both sides; with one free side it is the same as fitting.
        var effective = mode
        if case .fill = mode, tw == nil || th == nil { effective = .fit(letterbox: nil) }
        switch effective {
        case .fit(let letterbox):
            var s = min(tw.map { $0 / w } ?? .infinity, th.map { $0 / h } ?? .infinity)
            if !s.isFinite { s = 1 }
            if !allowEnlarging { s = min(s, 1) }
            let scaled = Size(width: side(w * s), height: side(h * s))
            sourceRegion = full
            scaledSize = scaled
            if letterbox != nil, let tw, let th {
                let canvas = Size(width: side(tw), height: side(th))
                canvasSize = canvas
                placement = PixelRect(
                    x: (canvas.width - scaled.width) / 2, y: (canvas.height - scaled.height) / 2,
                    width: scaled.width, height: scaled.height)
            } else {
                canvasSize = scaled
                placement = PixelRect(x: 0, y: 0, width: scaled.width, height: scaled.height)
            }
        case .fill(let anchor, let focus):
            let tw = tw ?? w, th = th ?? h
            var s = max(tw / w, th / h)
            var out = Size(width: side(tw), height: side(th))
            if !allowEnlarging && s > 1 {
                // Keep the target's shape at the source's own resolution.
                let shrink = min(w / tw, h / th, 1)
                out = Size(width: side(tw * shrink), height: side(th * shrink))
                s = 1
            }
            let rw = min(Double(out.width) / s, w), rh = min(Double(out.height) / s, h)
            var x = (w - rw) * anchor.x, y = (h - rh) * anchor.y
            if let focus, focus.isFinite, !focus.isEmpty {
                x = min(max(focus.center.x - rw / 2, 0), w - rw)
                y = min(max(focus.center.y - rh / 2, 0), h - rh)
            }
            sourceRegion = Rect(x: x, y: y, width: rw, height: rh)
            scaledSize = out
            canvasSize = out
            placement = PixelRect(x: 0, y: 0, width: out.width, height: out.height)
        case .stretch:
            var out = Size(width: side(tw ?? w), height: side(th ?? h))
            if !allowEnlarging { out = Size(width: min(out.width, Int(w)), height: min(out.height, Int(h))) }
            sourceRegion = full
            scaledSize = out
            canvasSize = out
            placement = PixelRect(x: 0, y: 0, width: out.width, height: out.height)
        }
    }
}

extension Image {
    /// The image fitted to `target` by `mode` (see ``FitPlan`` for the geometry and rounding).
    /// Allocates the result (and the resampler's planes). Throws
    /// ``RasterError/overLimit(operation:size:limit:)`` when the result would be over `limits`.
    public func fitted(
        to target: FitTarget, mode: FitMode = .fit(), allowEnlarging: Bool = true, filter: ResampleFilter = .lanczos3,
        limits: PixelLimits = .default
    ) throws -> Image {
        let plan = FitPlan(source: size, target: target, mode: mode, allowEnlarging: allowEnlarging)
        return try rendered(plan, mode: mode, filter: filter, limits: limits)
    }

    /// Resamples and places the image as `plan` says; a letterbox color comes from `mode`.
    /// Throws as ``fitted(to:mode:allowEnlarging:filter:limits:)``.
    public func rendered(_ plan: FitPlan, mode: FitMode, filter: ResampleFilter = .lanczos3, limits: PixelLimits = .default) throws -> Image
    {
        try limits.check(plan.scaledSize, operation: "fitting")
        try limits.check(plan.canvasSize, operation: "fitting")
        let scaled =
            plan.sourceRegion == Rect(size) && plan.scaledSize == size
            ? self : resampledUnchecked(from: plan.sourceRegion, to: plan.scaledSize, filter: filter)
        guard plan.canvasSize != plan.scaledSize, case .fit(let color?) = mode else { return scaled }
        var canvas = Image(width: plan.canvasSize.width, height: plan.canvasSize.height, fill: color)
        canvas.paste(scaled, x: plan.placement.x, y: plan.placement.y)
        return canvas
    }

    /// Copies `other`'s pixels over this image with their top-left at (`x`, `y`), clipped,
    /// replacing (not blending).
    public mutating func paste(_ other: Image, x: Int, y: Int) {
        guard let area = PixelRect(x: x, y: y, width: other.width, height: other.height).clamped(to: size) else { return }
        let keepsOpacity = isOpaque && other.isOpaque
        let width = self.width
        other.withUnsafeBytes { src in
            withUnsafeMutableBytes(preservingOpacity: keepsOpacity) { dst in
                for row in 0..<area.height {
                    let from = ((area.y - y + row) * other.width + (area.x - x)) * 4
                    let to = ((area.y + row) * width + area.x) * 4
                    dst.baseAddress!.advanced(by: to).copyMemory(from: src.baseAddress!.advanced(by: from), byteCount: area.width * 4)
                }
            }
        }
        if !keepsOpacity { recomputeOpacity() }
    }
}
