import LimnCodecs
import LimnRaster
import LimnResults

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What part of the picture a thumbnail shows.
public enum ThumbnailCrop: Sendable, Equatable {
    /// Cut along a vision service's crop suggestions: the suggestion whose aspect ratio is closest
    /// to the thumbnail's (compared in log space), grown or trimmed as little as possible to the
    /// thumbnail's exact ratio inside the picture. `analysedSize` is the size of the image the
    /// suggestions were computed for (`metadata.width/height`); boxes are scaled from it to the
    /// picture first. When no suggestion is usable, `fallback` chooses.
    case suggestions([CropSuggestion], analysedSize: Size?, fallback: ContentCrop = .attention)
    /// A crop of the thumbnail's ratio chosen from the pixels.
    case content(ContentCrop)
    /// No crop: the whole picture fitted inside the thumbnail size (one side may come out shorter).
    case none
}

/// Thumbnails, cut along crop suggestions or chosen content, made with the shrink-on-load
/// decoder and the resampler. Every size is resampled from the one decoded source, never from
/// another thumbnail.
public enum Thumbnail {
    /// The region of the picture (in its pixels, whole-pixel edges) that a `size` thumbnail cut
    /// along `suggestions` shows, or nil when no suggestion is usable (none, or all empty, not
    /// finite, or outside the picture).
    public static func region(for size: Size, in picture: Size, suggestions: [CropSuggestion], analysedSize: Size?) -> Rect? {
        guard !size.isEmpty, !picture.isEmpty else { return nil }
        let target = Double(size.width) / Double(size.height)
        let onto = analysedSize.map { AffineTransform.scaling(from: Size(width: max($0.width, 1), height: max($0.height, 1)), to: picture) }
        var best: (box: Rect, distance: Double)?
        for suggestion in suggestions {
            guard suggestion.box.isFinite, let inside = (onto?.apply(suggestion.box) ?? suggestion.box).intersection(Rect(picture)) else {
                continue
            }
            let stated = suggestion.aspectRatio.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
            let ratio = stated ?? inside.width / inside.height
            let distance = abs(log(ratio) - log(target))
            if best == nil || distance < best!.distance { best = (inside, distance) }
        }
        guard let box = best?.box else { return nil }
        return adjusted(box, toAspect: target, in: picture)
    }

    /// `box` (inside `picture`) grown, or where the picture is too small trimmed, as little as
    /// possible to the aspect ratio `aspect`; then rounded to whole pixels.
    static func adjusted(_ box: Rect, toAspect aspect: Double, in picture: Size) -> Rect {
        let W = Double(picture.width), H = Double(picture.height)
        var x = box.x, y = box.y, w = box.width, h = box.height
        func clamp(_ v: Double, _ lo: Double, _ hi: Double) -> Double { min(max(v, lo), max(lo, hi)) }
        if w / h < aspect {
            let wanted = h * aspect
            if wanted <= W {
                x = clamp(box.center.x - wanted / 2, 0, W - wanted); w = wanted
            } else {
                // Too wide for the picture: the whole width, and as much of the box's height as fits.
                w = W; x = 0
                let kept = W / aspect
                y = clamp(box.center.y - kept / 2, box.minY, box.maxY - kept); h = kept
            }
        } else if w / h > aspect {
            let wanted = w / aspect
            if wanted <= H {
                y = clamp(box.center.y - wanted / 2, 0, H - wanted); h = wanted
            } else {
                h = H; y = 0
                let kept = H * aspect
                x = clamp(box.center.x - kept / 2, box.minX, box.maxX - kept); w = kept
            }
        }
        let x0 = min(max(Int(x.rounded()), 0), picture.width - 1), y0 = min(max(Int(y.rounded()), 0), picture.height - 1)
        let x1 = min(max(Int((x + w).rounded()), x0 + 1), picture.width), y1 = min(max(Int((y + h).rounded()), y0 + 1), picture.height)
        return Rect(x: Double(x0), y: Double(y0), width: Double(x1 - x0), height: Double(y1 - y0))
    }

    /// The region a `size` thumbnail of `image` shows under `crop`.
    public static func region(for size: Size, of image: Image, crop: ThumbnailCrop) -> Rect {
        let aspect = Double(max(size.width, 1)) / Double(max(size.height, 1))
        switch crop {
        case .none:
            return Rect(image.size)
        case .content(let strategy):
            return strategy.window(in: image, aspect: aspect)
        case let .suggestions(suggestions, analysedSize, fallback):
            return region(for: size, in: image.size, suggestions: suggestions, analysedSize: analysedSize)
                ?? fallback.window(in: image, aspect: aspect)
        }
    }

    /// The decoded size asked of the decoder (which picks the smallest scale covering it).
    /// By default, as libvips chooses its shrink-on-load: the picture halved as many times (up
    /// to 8×) as still leaves at least 2× for the resampler, so the decoder's block scaling never
    /// does the last part of the shrink (3072 → 1000 px: 50 dB against an exact Lanczos3 instead
    /// of 40 dB). `fast`: the smallest size that still holds every thumbnail's resolution.
    static func decodeHint(picture: Size, sizes: [Size], crop: ThumbnailCrop, fast: Bool = false) -> Size {
        var needed = 0.0
        for size in sizes {
            let aspect = Double(max(size.width, 1)) / Double(max(size.height, 1))
            let regionSize: (width: Double, height: Double)
            var out = size
            switch crop {
            case .none:
                regionSize = (Double(picture.width), Double(picture.height))
                out = FitPlan(source: picture, target: FitTarget(size), mode: .fit()).scaledSize
            case .content:
                regionSize = ContentCrop.largestWindow(in: picture, aspect: aspect)
            case let .suggestions(suggestions, analysedSize, _):
                let r = region(for: size, in: picture, suggestions: suggestions, analysedSize: analysedSize)
                regionSize = r.map { ($0.width, $0.height) } ?? ContentCrop.largestWindow(in: picture, aspect: aspect)
            }
            needed = max(needed, Double(out.width) / regionSize.width, Double(out.height) / regionSize.height)
        }
        if !fast {
            var shrink = 1
            while shrink < 8 && Double(shrink * 2) * 2 * needed <= 1 { shrink *= 2 }
            needed = 1 / Double(shrink)
        }
        return Size(
            width: Int((Double(picture.width) * min(needed, 1)).rounded(.up)),
            height: Int((Double(picture.height) * min(needed, 1)).rounded(.up)))
    }

    /// A thumbnail of `image`: exactly `size` (for `.none`, the picture fitted inside it).
    /// Allocates the result. Throws `RasterError.overLimit(operation:size:limit:)`
    /// when `size` is over `limits`.
    public static func make(
        from image: Image, size: Size, crop: ThumbnailCrop, filter: ResampleFilter = .lanczos3, limits: PixelLimits = .default
    ) throws -> Image {
        try limits.check(size, operation: "making a thumbnail")
        return makeUnchecked(from: image, size: size, crop: crop, filter: filter)
    }

    static func makeUnchecked(from image: Image, size: Size, crop: ThumbnailCrop, filter: ResampleFilter) -> Image {
        let region = region(for: size, of: image, crop: crop)
        let out: Size
        if case .none = crop {
            out = FitPlan(source: image.size, target: FitTarget(size), mode: .fit()).scaledSize
        } else {
            out = Size(width: max(size.width, 1), height: max(size.height, 1))
        }
        return image.resampledUnchecked(from: region, to: out, filter: filter)
    }

    /// Thumbnails of an image file at several sizes from one decode. The regions are planned from
    /// the header's size first; the file is then decoded at the smallest scale the decoder offers
    /// that still holds every thumbnail's resolution inside its region (a 24 MP JPEG is never
    /// decoded at full size for a 256-pixel thumbnail). EXIF orientation is applied; suggestion
    /// boxes refer to the upright picture, and suggestions whose analysed size has another shape
    /// than it throw `ResultsError.otherPicture(source:analysed:picture:)`.
    public static func make(
        fromFile path: String, sizes: [Size], crop: ThumbnailCrop,
        filter: ResampleFilter = .lanczos3, fast: Bool = false
    ) throws -> [Image] {
        try makeWithMetadata(fromFile: path, sizes: sizes, crop: crop, filter: filter, fast: fast, keepMetadata: false).thumbnails
    }

    /// Thumbnails as ``make(fromFile:sizes:crop:filter:fast:)`` makes them, and what the picture
    /// carries to them (see `OutputMetadata.init(from:keep:)`): with `keepMetadata`, its EXIF
    /// and XMP; with `convertsToSRGB` false, the pixels stay in the picture's profile, which is
    /// returned to be written with them.
    public static func makeWithMetadata(
        fromFile path: String, sizes: [Size], crop: ThumbnailCrop, filter: ResampleFilter = .lanczos3, fast: Bool = false,
        keepMetadata: Bool, convertsToSRGB: Bool = true
    ) throws -> (thumbnails: [Image], metadata: OutputMetadata) {
        guard !sizes.isEmpty else { return ([], .none) }
        for size in sizes { try PixelLimits.default.check(size, operation: "making a thumbnail") }
        let info: ImageInfo
        info = try ImageDecoder.info(file: path)
        let picture = info.uprightSize
        // Suggestions made for a picture of another shape would cut in the wrong places.
        if case .suggestions(let suggestions, let analysed?, _) = crop, !suggestions.isEmpty, !Analysis.sameShape(analysed, picture) {
            throw ResultsError.otherPicture(source: path, analysed: analysed, picture: picture)
        }
        let hint = decodeHint(picture: picture, sizes: sizes, crop: crop, fast: fast)
        let source = try ImageDecoder.decode(file: path, options: DecodeOptions(targetSize: hint, convertsToSRGB: convertsToSRGB))
        let decoded = source.image
        // Regions are planned in the picture's pixels and read in the decoded image's.
        let fx = Double(decoded.width) / Double(picture.width), fy = Double(decoded.height) / Double(picture.height)
        let thumbnails = sizes.map { size in
            switch crop {
            case .none, .content:
                return makeUnchecked(from: decoded, size: size, crop: crop, filter: filter)
            case let .suggestions(suggestions, analysedSize, fallback):
                let aspect = Double(max(size.width, 1)) / Double(max(size.height, 1))
                let region =
                    Thumbnail.region(for: size, in: picture, suggestions: suggestions, analysedSize: analysedSize)?
                    .scaled(x: fx, y: fy) ?? fallback.window(in: decoded, aspect: aspect)
                return decoded.resampledUnchecked(from: region, to: size, filter: filter)
            }
        }
        return (thumbnails, OutputMetadata(from: source, keep: keepMetadata))
    }
}
