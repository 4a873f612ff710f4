import CWebP
import LimnRaster

/// WebP through libwebp: lossy, lossless and alpha; animated files give their first frame.
enum WebPCodec {
    static func info(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageInfo {
        let container = WebPContainer(bytes)
        let features = try readFeatures(bytes, source: source)
        return makeInfo(bytes, container, features)
    }

    private static func makeInfo(_ bytes: UnsafeRawBufferPointer, _ container: WebPContainer, _ features: LibWebP.Features) -> ImageInfo {
        // Lossy WebP is 8-bit YUV 4:2:0; lossless is 8-bit ARGB.
        var info = ImageInfo(
            format: .webp, width: features.width, height: features.height,
            orientation: orientation(bytes, container), hasAlpha: features.hasAlpha,
            isAnimated: features.isAnimated, colorModel: container.isLossless ? .rgb : .ycbcr)
        info.iccProfile = container.iccp.map { Array(bytes[$0]) }
        // Some writers put `Exif\0\0` before the TIFF header: it is dropped.
        info.exif = container.exif.map { range in
            let block = Array(bytes[range])
            return block.starts(with: [0x45, 0x78, 0x69, 0x66, 0, 0]) ? Array(block.dropFirst(6)) : block
        }
        info.xmp = container.xmp.map { Array(bytes[$0]) }
        return info
    }

    /// Decodes, scaled in the decoder so the result still covers `target` (aspect ratio kept)
    /// when a target is given; animations decode their first frame at full size.
    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, target: Size?, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let container = WebPContainer(bytes)
        if container.isTruncated && !options.tolerateDamage {
            throw CodecError.truncated(source: source, format: .webp, detail: "the RIFF header declares more bytes than there are")
        }
        let features = try readFeatures(bytes, source: source)
        try options.limits.check(width: features.width, height: features.height, format: .webp, source: source)
        let info = makeInfo(bytes, container, features)
        if features.isAnimated {
            return try decodeFirstFrame(bytes, into: &image, source: source, info: info, limits: options.limits)
        }
        let (w, h) = scaledSize(features.width, features.height, target: target)
        do throws(LibWebP.Failure) {
            try image.overwrite(width: w, height: h, isOpaque: !features.hasAlpha) { (buffer) throws(LibWebP.Failure) in
                try LibWebP.decode(bytes, into: buffer, width: w, height: h, stored: features)
            }
            // From the pixels, not the header: a VP8X chunk may say "no alpha" over a lossless
            // stream that has it (found by the fuzzer), and the alpha is kept as decoded.
            image.recomputeOpacity()
            return StoredDecode(info: info, scale: ScaleFactor(w, features.width))
        } catch {
            throw classify(error, source: source)
        }
    }

    /// The first frame of an animation, composited on its canvas, at full size.
    private static func decodeFirstFrame(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, info: ImageInfo, limits: DecodeLimits
    ) throws(CodecError) -> StoredDecode {
        let animation: LibWebP.Animation
        do { animation = try LibWebP.Animation(bytes) } catch { throw classify(error, source: source) }
        try limits.check(width: animation.width, height: animation.height, format: .webp, source: source)
        do throws(LibWebP.Failure) {
            try image.overwrite(width: animation.width, height: animation.height, isOpaque: false) {
                (buffer) throws(LibWebP.Failure) in try animation.next(into: buffer)
            }
            image.recomputeOpacity()
            return StoredDecode(info: info, scale: .one)
        } catch {
            throw classify(error, source: source)
        }
    }

    /// The smallest size with the stored aspect ratio that covers `target`; the stored size when
    /// there is no target or it is not smaller.
    static func scaledSize(_ width: Int, _ height: Int, target: Size?) -> (Int, Int) {
        guard let target, target.width > 0 || target.height > 0 else { return (width, height) }
        let s = max(Double(target.width) / Double(width), Double(target.height) / Double(height))
        guard s < 1 else { return (width, height) }
        return (max(1, Int((Double(width) * s).rounded(.up))), max(1, Int((Double(height) * s).rounded(.up))))
    }

    static func encode(_ image: Image, options: WebPOptions) throws(CodecError) -> [UInt8] {
        guard !image.isEmpty, image.width <= 16383, image.height <= 16383 else {
            throw CodecError.cannotEncode(format: .webp, reason: "a WebP is 1 to 16383 pixels on each side, this image is \(image.size)")
        }
        guard (0...100).contains(options.quality) else {
            throw CodecError.cannotEncode(format: .webp, reason: "quality \(options.quality) is outside 0...100")
        }
        guard (0...6).contains(options.method) else {
            throw CodecError.cannotEncode(format: .webp, reason: "method \(options.method) is outside 0...6")
        }
        do {
            return try image.withUnsafeBytes { (raw) throws(LibWebP.Failure) in
                try LibWebP.encode(
                    raw, width: image.width, height: image.height, options: options, opaque: image.isOpaque,
                    threads: Parallelism.maximumThreads > 1)
            }
        } catch {
            throw CodecError.cannotEncode(format: .webp, reason: error.message)
        }
    }

    private static func readFeatures(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> LibWebP.Features {
        do { return try LibWebP.features(bytes) } catch { throw classify(error, source: source) }
    }

    private static func orientation(_ bytes: UnsafeRawBufferPointer, _ container: WebPContainer) -> Orientation {
        container.exif.flatMap { EXIF.orientation(block: UnsafeRawBufferPointer(rebasing: bytes[$0])) } ?? .up
    }

    private static func classify(_ failure: LibWebP.Failure, source: String) -> CodecError {
        if failure.isTruncation { return .truncated(source: source, format: .webp, detail: failure.message) }
        if failure.status == VP8_STATUS_UNSUPPORTED_FEATURE {
            return .unsupportedVariant(source: source, format: .webp, detail: failure.message)
        }
        return .corrupt(source: source, format: .webp, message: failure.message)
    }

    /// Every frame of an animation, composited, with how long each shows; all of them counted
    /// against `limits` (canvas × frames) before the first is decoded.
    static func frames(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> [AnimationFrame] {
        // libwebp's animation decoder allocates its canvas as soon as it is made: the canvas the
        // header declares is checked first (found by the fuzzer: a 60-byte file asked for 15 GB).
        let canvas = try info(bytes, source: source)
        try limits.check(width: canvas.width, height: canvas.height, format: .webp, source: source, bytesPerPixel: 4)
        let animation: LibWebP.Animation
        do { animation = try LibWebP.Animation(bytes) } catch { throw classify(error, source: source) }
        try limits.check(
            width: animation.width, height: animation.height, format: .webp, source: source,
            bytesPerPixel: 4 * max(animation.frameCount, 1))
        var frames: [AnimationFrame] = []
        var ended = 0
        do throws(LibWebP.Failure) {
            for _ in 0..<animation.frameCount {
                var image = Image()
                var end = 0
                try image.overwrite(width: animation.width, height: animation.height, isOpaque: false) {
                    (buffer) throws(LibWebP.Failure) in end = try animation.next(into: buffer)
                }
                image.recomputeOpacity()
                frames.append(AnimationFrame(image: image, duration: Double(end - ended) / 1000))
                ended = end
            }
        } catch {
            throw classify(error, source: source)
        }
        return frames
    }
}
