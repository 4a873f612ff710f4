import CWebP

/// Every libwebp call Limn makes, in one place. libwebp reports failure by status code.
enum LibWebP {
    struct Failure: Error {
        var message: String
        var status: VP8StatusCode
        var isTruncation: Bool { status == VP8_STATUS_NOT_ENOUGH_DATA }
    }

    struct Features {
        var width: Int
        var height: Int
        var hasAlpha: Bool
        var isAnimated: Bool
    }

    /// Wraps `WebPGetFeatures`.
    static func features(_ webp: UnsafeRawBufferPointer) throws(Failure) -> Features {
        var features = WebPBitstreamFeatures()
        let status = WebPGetFeatures(base(webp), webp.count, &features)
        guard status == VP8_STATUS_OK else { throw failure(status) }
        return Features(
            width: Int(features.width), height: Int(features.height),
            hasAlpha: features.has_alpha != 0, isAnimated: features.has_animation != 0)
    }

    /// Wraps `WebPDecode` into caller memory as straight-alpha RGBA, scaled by the decoder to
    /// `width × height` when that differs from the stored size.
    static func decode(
        _ webp: UnsafeRawBufferPointer, into destination: UnsafeMutableRawBufferPointer,
        width: Int, height: Int, stored: Features
    ) throws(Failure) {
        var config = WebPDecoderConfig()
        guard WebPInitDecoderConfig(&config) != 0 else { throw failure(VP8_STATUS_INVALID_PARAM) }
        if width != stored.width || height != stored.height {
            config.options.use_scaling = 1
            config.options.scaled_width = Int32(width)
            config.options.scaled_height = Int32(height)
        }
        config.output.colorspace = MODE_RGBA
        config.output.is_external_memory = 1
        config.output.u.RGBA.rgba = destination.baseAddress?.assumingMemoryBound(to: UInt8.self)
        config.output.u.RGBA.stride = Int32(width * 4)
        config.output.u.RGBA.size = destination.count
        defer { WebPFreeDecBuffer(&config.output) }
        let status = WebPDecode(base(webp), webp.count, &config)
        guard status == VP8_STATUS_OK else { throw failure(status) }
    }

    /// An animation's frames, each composited on its canvas, in order, through `WebPAnimDecoder`.
    /// The bytes must stay valid for the decoder's lifetime.
    final class Animation {
        private let decoder: OpaquePointer
        let width: Int
        let height: Int
        let frameCount: Int

        init(_ webp: UnsafeRawBufferPointer) throws(Failure) {
            var options = WebPAnimDecoderOptions()
            guard WebPAnimDecoderOptionsInit(&options) != 0 else { throw failure(VP8_STATUS_INVALID_PARAM) }
            options.color_mode = MODE_RGBA
            options.use_threads = 0
            var data = WebPData(bytes: base(webp), size: webp.count)
            guard let decoder = WebPAnimDecoderNew(&data, &options) else {
                throw Failure(message: "the animation's container is damaged", status: VP8_STATUS_BITSTREAM_ERROR)
            }
            var info = WebPAnimInfo()
            guard WebPAnimDecoderGetInfo(decoder, &info) != 0 else {
                WebPAnimDecoderDelete(decoder)
                throw Failure(message: "the animation has no readable header", status: VP8_STATUS_BITSTREAM_ERROR)
            }
            self.decoder = decoder
            self.width = Int(info.canvas_width)
            self.height = Int(info.canvas_height)
            self.frameCount = Int(info.frame_count)
        }

        /// Copies the next frame, composited (`width × height × 4` bytes, straight RGBA), into
        /// `destination`; returns the time it ends at, in milliseconds from the start.
        @discardableResult
        func next(into destination: UnsafeMutableRawBufferPointer) throws(Failure) -> Int {
            var frame: UnsafeMutablePointer<UInt8>? = nil
            var timestamp: Int32 = 0
            guard WebPAnimDecoderGetNext(decoder, &frame, &timestamp) != 0, let frame else {
                throw Failure(message: "a frame cannot be decoded", status: VP8_STATUS_BITSTREAM_ERROR)
            }
            destination.copyMemory(from: UnsafeRawBufferPointer(start: frame, count: min(destination.count, width * height * 4)))
            return Int(timestamp)
        }

        deinit { WebPAnimDecoderDelete(decoder) }
    }

    /// Encodes straight-alpha RGBA through the advanced API (`WebPEncode` with a `WebPConfig`
    /// from the preset, at the options' method, 4 by default as in `cwebp`): lossy at `quality`
    /// 0–100, or lossless with `exact`, so the color under fully transparent pixels is kept too;
    /// `thread_level` 1 when `threads`. `opaque` pixels are imported with
    /// `WebPPictureImportRGBX`, so no alpha plane is made.
    static func encode(
        _ rgba: UnsafeRawBufferPointer, width: Int, height: Int, options: WebPOptions, opaque: Bool, threads: Bool
    ) throws(Failure) -> [UInt8] {
        var config = WebPConfig()
        let preset: WebPPreset
        switch options.preset {
        case .default: preset = WEBP_PRESET_DEFAULT
        case .picture: preset = WEBP_PRESET_PICTURE
        case .photo: preset = WEBP_PRESET_PHOTO
        case .drawing: preset = WEBP_PRESET_DRAWING
        case .icon: preset = WEBP_PRESET_ICON
        case .text: preset = WEBP_PRESET_TEXT
        }
        guard WebPConfigPreset(&config, preset, Float(options.quality)) != 0 else { throw encodingFailure("cannot set up the encoder") }
        config.method = Int32(options.method)
        config.thread_level = threads ? 1 : 0
        let lossless = options.lossless
        if lossless {
            config.lossless = 1
            config.exact = 1
        }
        var picture = WebPPicture()
        guard WebPPictureInit(&picture) != 0 else { throw encodingFailure("cannot set up the picture") }
        picture.use_argb = lossless ? 1 : 0
        picture.width = Int32(width)
        picture.height = Int32(height)
        defer { WebPPictureFree(&picture) }
        let imported =
            opaque
            ? WebPPictureImportRGBX(&picture, base(rgba), Int32(width * 4))
            : WebPPictureImportRGBA(&picture, base(rgba), Int32(width * 4))
        guard imported != 0 else {
            throw encodingFailure("out of memory importing the pixels")
        }
        var writer = WebPMemoryWriter()
        WebPMemoryWriterInit(&writer)
        defer { WebPMemoryWriterClear(&writer) }
        picture.writer = WebPMemoryWrite
        let ok = withUnsafeMutablePointer(to: &writer) { pointer in
            picture.custom_ptr = UnsafeMutableRawPointer(pointer)
            return WebPEncode(&config, &picture)
        }
        guard ok != 0, let mem = writer.mem else {
            throw encodingFailure("libwebp error \(picture.error_code.rawValue)")
        }
        return Array(UnsafeBufferPointer(start: mem, count: writer.size))
    }

    /// Encodes RGBA frames as an animation with `WebPAnimEncoder` (lossless frames, 100 ms each).
    /// For making test pictures.
    static func encodeAnimation(_ frames: [[UInt8]], width: Int, height: Int) throws(Failure) -> [UInt8] {
        let bad = Failure(message: "libwebp could not encode the animation", status: VP8_STATUS_INVALID_PARAM)
        var options = WebPAnimEncoderOptions()
        guard WebPAnimEncoderOptionsInit(&options) != 0,
            let encoder = WebPAnimEncoderNew(Int32(width), Int32(height), &options)
        else { throw bad }
        defer { WebPAnimEncoderDelete(encoder) }
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw bad }
        config.lossless = 1
        config.exact = 1
        var timestamp: Int32 = 0
        for frame in frames {
            var picture = WebPPicture()
            guard WebPPictureInit(&picture) != 0 else { throw bad }
            picture.use_argb = 1
            picture.width = Int32(width)
            picture.height = Int32(height)
            defer { WebPPictureFree(&picture) }
            let imported = frame.withUnsafeBufferPointer {
                WebPPictureImportRGBA(&picture, $0.baseAddress, Int32(width * 4))
            }
            guard imported != 0, WebPAnimEncoderAdd(encoder, &picture, timestamp, &config) != 0 else { throw bad }
            timestamp += 100
        }
        guard WebPAnimEncoderAdd(encoder, nil, timestamp, nil) != 0 else { throw bad }
        var data = WebPData()
        guard WebPAnimEncoderAssemble(encoder, &data) != 0, let bytes = data.bytes else { throw bad }
        defer { WebPDataClear(&data) }
        return Array(UnsafeBufferPointer(start: bytes, count: data.size))
    }

    private static func base(_ buffer: UnsafeRawBufferPointer) -> UnsafePointer<UInt8>? {
        buffer.baseAddress?.assumingMemoryBound(to: UInt8.self)
    }

    private static func encodingFailure(_ message: String) -> Failure {
        Failure(message: message, status: VP8_STATUS_INVALID_PARAM)
    }

    private static func failure(_ status: VP8StatusCode) -> Failure {
        let message: String
        switch status {
        case VP8_STATUS_OUT_OF_MEMORY: message = "out of memory"
        case VP8_STATUS_INVALID_PARAM: message = "invalid parameter"
        case VP8_STATUS_BITSTREAM_ERROR: message = "bitstream error"
        case VP8_STATUS_UNSUPPORTED_FEATURE: message = "unsupported feature"
        case VP8_STATUS_NOT_ENOUGH_DATA: message = "not enough data"
        default: message = "libwebp status \(status.rawValue)"
        }
        return Failure(message: message, status: status)
    }
}
