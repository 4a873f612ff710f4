import CJPEG
import LimnRaster

/// JPEG through TurboJPEG: header, decode (scaled; CMYK/YCCK handed on as CMYK), encode.
enum JPEGCodec {
    static func info(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageInfo {
        try open(bytes, source: source).info
    }

    /// Decodes at the smallest TurboJPEG scale that still covers `target` (stored orientation).
    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, target: Size?, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let (tj, header, info, markers) = try open(bytes, source: source)
        try options.limits.check(width: header.width, height: header.height, format: .jpeg, source: source)
        let scale = chooseScale(width: header.width, height: header.height, target: target)
        let w = scale.apply(header.width), h = scale.apply(header.height)
        // A profile to convert from, and a second thread to convert on: in bands, while decoding.
        if options.convertsToSRGB, !header.isCMYK, Parallelism.maximumThreads > 1, let profile = info.iccProfile,
            let convert = try? LittleCMS.rowConverter(for: profile)
        {
            var converted = false
            image.overwrite(width: w, height: h, isOpaque: true) { buffer in
                converted = JPEGBandDecode.decode(bytes, into: buffer, width: w, height: h, scale: scale, convert: convert)
            }
            if converted { return StoredDecode(info: info, scale: ScaleFactor(scale.num, scale.denom), colorsConverted: true) }
        }
        try image.overwrite(width: w, height: h, isOpaque: true) { (buffer) throws(CodecError) in
            do throws(TurboJPEG.Failure) {
                try tj.decompress(
                    bytes, into: buffer, width: w, height: h,
                    cmyk: header.isCMYK, strict: !options.tolerateDamage)
            } catch let failure {
                // In tolerant mode a warning means the output is complete (gray where data was missing).
                if !(failure.isWarning && options.tolerateDamage) {
                    throw classify(failure, source: source)
                }
            }
        }
        // CMYK bytes are converted by the decoder, through the profile when there is one.
        return StoredDecode(
            info: info, scale: ScaleFactor(scale.num, scale.denom), cmykInverted: header.isCMYK ? markers.hasAdobe : nil)
    }

    /// The smallest decoder scale whose result is at least `target` on both sides (a zero side of
    /// the target is ignored); 1/1 when there is no target or nothing smaller covers it.
    static func chooseScale(width: Int, height: Int, target: Size?) -> TurboJPEG.Scale {
        let one = TurboJPEG.Scale(num: 1, denom: 1)
        guard let target, target.width > 0 || target.height > 0 else { return one }
        let covering = TurboJPEG.downscales.filter {
            $0.apply(width) >= target.width && $0.apply(height) >= target.height
        }
        return covering.last ?? one
    }

    static func encode(_ image: Image, options: JPEGOptions) throws(CodecError) -> [UInt8] {
        try checkEncodable(image.size, quality: options.quality)
        let subsampling: TJSAMP
        switch options.subsampling {
        case .s444: subsampling = TJSAMP_444
        case .s422: subsampling = TJSAMP_422
        case .s420: subsampling = TJSAMP_420
        case .gray: subsampling = TJSAMP_GRAY
        }
        let flat = image.isOpaque ? image : image.flattened(onto: options.background)
        if options.optimizeCoding {
            return try flat.withUnsafeBytes { (pixels) throws(CodecError) in
                try LibJPEGCompress.compress(
                    pixels, width: image.width, height: image.height, pitch: image.width * 4, components: 4, options: options)
            }
        }
        if !options.progressive,
            let striped = try flat.withUnsafeBytes({ (pixels) throws(CodecError) in
                try JPEGStrips.encode(
                    pixels, width: image.width, height: image.height, pitch: image.width * 4, bytesPerPixel: 4, format: TJPF_RGBA,
                    subsampling: subsampling, quality: options.quality)
            })
        {
            return striped
        }
        do {
            return try flat.withUnsafeBytes { (pixels) throws(TurboJPEG.Failure) in
                try TurboJPEG.compress(
                    pixels, width: image.width, height: image.height, pitch: image.width * 4,
                    format: TJPF_RGBA, subsampling: subsampling,
                    quality: options.quality, progressive: options.progressive)
            }
        } catch {
            throw CodecError.cannotEncode(format: .jpeg, reason: error.message)
        }
    }

    /// A mask as a one-channel (grayscale) JPEG.
    static func encode(_ mask: Mask, options: JPEGOptions) throws(CodecError) -> [UInt8] {
        try checkEncodable(mask.size, quality: options.quality)
        if options.optimizeCoding {
            return try mask.withUnsafeBytes { (pixels) throws(CodecError) in
                var gray = options
                gray.subsampling = .gray
                return try LibJPEGCompress.compress(
                    pixels, width: mask.width, height: mask.height, pitch: mask.width, components: 1, options: gray)
            }
        }
        if !options.progressive,
            let striped = try mask.withUnsafeBytes({ (pixels) throws(CodecError) in
                try JPEGStrips.encode(
                    pixels, width: mask.width, height: mask.height, pitch: mask.width, bytesPerPixel: 1, format: TJPF_GRAY,
                    subsampling: TJSAMP_GRAY, quality: options.quality)
            })
        {
            return striped
        }
        do {
            return try mask.withUnsafeBytes { (pixels) throws(TurboJPEG.Failure) in
                try TurboJPEG.compress(
                    pixels, width: mask.width, height: mask.height, pitch: mask.width,
                    format: TJPF_GRAY, subsampling: TJSAMP_GRAY,
                    quality: options.quality, progressive: options.progressive)
            }
        } catch {
            throw CodecError.cannotEncode(format: .jpeg, reason: error.message)
        }
    }

    /// Encodes `width × height` CMYK pixels (4 bytes each, Adobe's inverted convention, as
    /// libjpeg-turbo stores them) as a YCCK JPEG. For making test pictures.
    static func encodeCMYK(_ pixels: [UInt8], width: Int, height: Int, quality: Int) throws(CodecError) -> [UInt8] {
        do {
            return try pixels.withBytes { (raw) throws(TurboJPEG.Failure) in
                try TurboJPEG.compress(
                    raw, width: width, height: height, pitch: width * 4, format: TJPF_CMYK,
                    subsampling: TJSAMP_444, quality: quality, progressive: false)
            }
        } catch {
            throw CodecError.cannotEncode(format: .jpeg, reason: error.message)
        }
    }

    private static func checkEncodable(_ size: Size, quality: Int) throws(CodecError) {
        guard (1...100).contains(quality) else {
            throw CodecError.cannotEncode(format: .jpeg, reason: "quality \(quality) is outside 1...100")
        }
        guard !size.isEmpty, size.width <= 65535, size.height <= 65535 else {
            throw CodecError.cannotEncode(format: .jpeg, reason: "a JPEG is 1 to 65535 pixels on each side, this image is \(size)")
        }
    }

    /// Walks the markers, reads the header with a new decompressor, and says what it found.
    private static func open(
        _ bytes: UnsafeRawBufferPointer, source: String
    ) throws(CodecError) -> (decompressor: TurboJPEG.Decompressor, header: TurboJPEG.Header, info: ImageInfo, markers: JPEGMarkers) {
        let markers = JPEGMarkers(bytes)
        if markers.endsBeforeScan {
            throw CodecError.truncated(source: source, format: .jpeg, detail: "the headers end before the image data")
        }
        if let precision = markers.precision, precision != 8 {
            throw CodecError.unsupportedVariant(source: source, format: .jpeg, detail: "\(precision)-bit samples; only 8-bit JPEG is read")
        }
        let decompressor: TurboJPEG.Decompressor
        do { decompressor = try TurboJPEG.Decompressor() } catch {
            throw CodecError.corrupt(source: source, format: .jpeg, message: error.message)
        }
        let header: TurboJPEG.Header
        do { header = try decompressor.header(bytes) } catch { throw classify(error, source: source) }
        guard markers.hasFrame, header.width > 0, header.height > 0 else {
            throw CodecError.corrupt(source: source, format: .jpeg, message: "no frame header before the image data")
        }
        let orientation = markers.exif.flatMap { EXIF.orientation(tiff: UnsafeRawBufferPointer(rebasing: bytes[$0])) }
        var info = ImageInfo(
            format: .jpeg, width: header.width, height: header.height,
            orientation: orientation ?? .up, hasAlpha: false,
            colorModel: header.isCMYK ? .cmyk : header.isGray ? .gray : .ycbcr)
        info.iccProfile = markers.iccProfile(in: bytes)
        info.exif = markers.exif.map { Array(bytes[$0]) }
        info.xmp = markers.xmp.map { Array(bytes[$0]) }
        return (decompressor, header, info, markers)
    }

    private static func classify(_ failure: TurboJPEG.Failure, source: String) -> CodecError {
        let m = failure.message
        if m.contains("Premature end") || m.contains("premature end") {
            return .truncated(source: source, format: .jpeg, detail: m)
        }
        if m.contains("Unsupported") || m.contains("not supported") || m.contains("Bogus") && m.contains("precision") {
            return .unsupportedVariant(source: source, format: .jpeg, detail: m)
        }
        return .corrupt(source: source, format: .jpeg, message: m)
    }
}
