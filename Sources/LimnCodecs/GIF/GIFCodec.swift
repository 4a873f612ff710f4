import LimnRaster

/// GIF through giflib: the first frame, composited as a browser shows it before any animation
/// runs — its pixels placed on a clear logical screen at the frame's offset (clipped to the
/// screen), the transparent index of its graphic control block left clear, interlaced rows put
/// back in order, a local color table over the global one. Indices beyond the table are black
/// (the table padded with zeros, as Pillow and browsers do). The result is opaque exactly when
/// the frame covers the screen with no transparent pixel.
enum GIFCodec {
    /// What a graphic control extension says about the frame after it.
    struct Control {
        var transparentIndex: Int?
        /// Hundredths of a second.
        var delay = 0
        var disposal = 0

        init() {}

        /// From the extension's data block: packed flags, delay (little-endian), transparent index.
        init?(_ block: [UInt8]) {
            guard block.count >= 4 else { return nil }
            transparentIndex = block[0] & 1 != 0 ? Int(block[3]) : nil
            delay = Int(block[1]) | Int(block[2]) << 8
            disposal = Int(block[0] >> 2) & 7
        }
    }

    static func info(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> ImageInfo {
        let gif = try open(bytes, source: source)
        let screen = try screenSize(gif, source: source)
        var frames = 0
        var transparent = false
        var coversScreen = false
        do throws(Giflib.Failure) {
            walk: while true {
                switch try gif.nextRecord() {
                case .extension:
                    let (code, block) = try gif.readExtension()
                    if code == Giflib.graphicControl, Control(block)?.transparentIndex != nil { transparent = true }
                case .image:
                    let frame = try gif.frame()
                    if frames == 0 {
                        coversScreen =
                            frame.left <= 0 && frame.top <= 0 && frame.left + frame.width >= screen.width
                            && frame.top + frame.height >= screen.height
                    }
                    frames += 1
                    try gif.skipFrame()
                case .end:
                    break walk
                }
            }
        } catch {
            // Once the first frame is read whole, `info` answers, as the decode does (it reads only
            // that frame): the file may have been given only in part, or be damaged further on.
            // The frames are then not counted.
            guard frames > 0 else { throw failure(error, source: source) }
            return ImageInfo(
                format: .gif, width: screen.width, height: screen.height, hasAlpha: true, isAnimated: frames > 1,
                frameCount: nil, bitDepth: paletteBits(gif.globalPalette), colorModel: .palette)
        }
        guard frames > 0 else { throw CodecError.corrupt(source: source, format: .gif, message: "the file holds no picture") }
        return ImageInfo(
            format: .gif, width: screen.width, height: screen.height, hasAlpha: transparent || !coversScreen,
            isAnimated: frames > 1, frameCount: frames, bitDepth: paletteBits(gif.globalPalette), colorModel: .palette)
    }

    /// Bits an index needs for a palette of `rgb.count / 3` colors (1 to 8); 8 without one.
    static func paletteBits(_ rgb: [UInt8]?) -> Int {
        guard let colors = rgb.map({ $0.count / 3 }), colors > 0 else { return 8 }
        var bits = 1
        while 1 << bits < colors && bits < 8 { bits += 1 }
        return bits
    }

    static func decode(
        _ bytes: UnsafeRawBufferPointer, into image: inout Image, source: String, options: DecodeOptions
    ) throws(CodecError) -> StoredDecode {
        let gif = try open(bytes, source: source)
        let screen = try screenSize(gif, source: source)
        try options.limits.check(width: screen.width, height: screen.height, format: .gif, source: source)
        var control = Control()
        while true {
            switch try checked(source, { () throws(Giflib.Failure) in try gif.nextRecord() }) {
            case .extension:
                let (code, block) = try checked(source) { () throws(Giflib.Failure) in try gif.readExtension() }
                if code == Giflib.graphicControl, let read = Control(block) { control = read }
            case .image:
                let frame = try checked(source) { () throws(Giflib.Failure) in try gif.frame() }
                // Every pixel of the frame is decoded, on the screen or not: its area is bounded too.
                try options.limits.check(width: max(frame.width, 1), height: max(frame.height, 1), format: .gif, source: source)
                guard let palette = frame.palette ?? gif.globalPalette else {
                    throw CodecError.corrupt(source: source, format: .gif, message: "the first frame has no color table")
                }
                try draw(
                    frame, palette: palette, control: control, from: gif, onto: &image, screen: screen,
                    tolerateDamage: options.tolerateDamage, source: source)
                let info = ImageInfo(
                    format: .gif, width: screen.width, height: screen.height, hasAlpha: !image.isOpaque, bitDepth: paletteBits(palette),
                    colorModel: .palette)
                return StoredDecode(info: info, scale: ScaleFactor(1, 1))
            case .end:
                throw CodecError.corrupt(source: source, format: .gif, message: "the file holds no picture")
            }
        }
    }

    /// Decodes `frame` row by row onto a clear `screen`-sized image.
    private static func draw(
        _ frame: Giflib.Frame, palette: [UInt8], control: Control, from gif: Giflib.Decoder, onto image: inout Image,
        screen: Size, tolerateDamage: Bool, source: String
    ) throws(CodecError) {
        var failure: Giflib.Failure?
        image.overwrite(width: screen.width, height: screen.height, isOpaque: false) { out in
            out.initializeMemory(as: UInt8.self, repeating: 0)
            failure = composite(frame, palette: palette, control: control, from: gif, onto: out.bindMemory(to: UInt32.self), screen: screen)
        }
        image.recomputeOpacity()
        if let failure, !(tolerateDamage && failure.isTruncation) { throw Self.failure(failure, source: source) }
    }

    /// Decodes `frame` onto `pixels` (a `screen`-sized canvas of RGBA words): its opaque pixels
    /// replace the canvas's, its transparent ones leave them. Returns giflib's failure, if any,
    /// after drawing the rows that arrived.
    private static func composite(
        _ frame: Giflib.Frame, palette: [UInt8], control: Control, from gif: Giflib.Decoder,
        onto pixels: UnsafeMutableBufferPointer<UInt32>, screen: Size
    ) -> Giflib.Failure? {
        // 256 entries, padded with black: every index a byte can hold has a color.
        var colors = [UInt32](repeating: UInt32(0xFF00_0000).littleEndian, count: 256)
        for i in 0..<min(palette.count / 3, 256) {
            let rgb = UInt32(palette[3 * i]) | UInt32(palette[3 * i + 1]) << 8 | UInt32(palette[3 * i + 2]) << 16
            colors[i] = (rgb | 0xFF00_0000).littleEndian
        }
        if let t = control.transparentIndex { colors[t] = 0 }
        let x0 = max(frame.left, 0), x1 = min(frame.left + frame.width, screen.width)
        var row = [UInt8](repeating: 0, count: max(frame.width, 1))
        return row.withUnsafeMutableBufferPointer { line -> Giflib.Failure? in
            for y in rowOrder(height: frame.height, interlaced: frame.interlaced) {
                do throws(Giflib.Failure) {
                    try gif.readRow(into: line.baseAddress!, count: frame.width)
                } catch {
                    return error
                }
                let sy = frame.top + y
                guard sy >= 0, sy < screen.height, x0 < x1 else { continue }
                let target = pixels.baseAddress! + sy * screen.width
                for sx in x0..<x1 {
                    let color = colors[Int(line[sx - frame.left])]
                    if color != 0 { target[sx] = color }
                }
            }
            return nil
        }
    }

    /// Every frame, each the whole screen after it is drawn on what the earlier ones left, with
    /// its delay. Disposal as the format says: 0 and 1 keep the frame, 2 clears its rectangle
    /// (browsers show the background as clear), 3 restores what was there before it. The
    /// frames' memory (screen × count) is checked against `limits` before any is decoded.
    static func frames(_ bytes: UnsafeRawBufferPointer, source: String, limits: DecodeLimits) throws(CodecError) -> [AnimationFrame] {
        let count = try info(bytes, source: source).frameCount ?? 1
        let gif = try open(bytes, source: source)
        let screen = try screenSize(gif, source: source)
        try limits.check(width: screen.width, height: screen.height, format: .gif, source: source, bytesPerPixel: 4 * count)
        var canvas = Image(width: screen.width, height: screen.height)
        var frames: [AnimationFrame] = []
        var control = Control()
        while true {
            switch try checked(source, { () throws(Giflib.Failure) in try gif.nextRecord() }) {
            case .extension:
                let (code, block) = try checked(source) { () throws(Giflib.Failure) in try gif.readExtension() }
                if code == Giflib.graphicControl, let read = Control(block) { control = read }
            case .image:
                let frame = try checked(source) { () throws(Giflib.Failure) in try gif.frame() }
                try limits.check(width: max(frame.width, 1), height: max(frame.height, 1), format: .gif, source: source)
                guard let palette = frame.palette ?? gif.globalPalette else {
                    throw CodecError.corrupt(source: source, format: .gif, message: "frame \(frames.count + 1) has no color table")
                }
                let before = control.disposal == 3 ? canvas : nil
                var failure: Giflib.Failure?
                canvas.withUnsafeMutableBytes { raw in
                    failure = composite(
                        frame, palette: palette, control: control, from: gif, onto: raw.bindMemory(to: UInt32.self),
                        screen: screen)
                }
                if let failure { throw Self.failure(failure, source: source) }
                canvas.recomputeOpacity()
                frames.append(AnimationFrame(image: canvas, duration: Double(control.delay) / 100))
                switch control.disposal {
                case 2:
                    let cleared = Rect(
                        x: Double(frame.left), y: Double(frame.top), width: Double(frame.width), height: Double(frame.height))
                    if let area = cleared.coveredPixels?.clamped(to: screen) { clear(area, of: &canvas) }
                case 3:
                    if let before { canvas = before }
                default:
                    break
                }
                control = Control()
            case .end:
                guard !frames.isEmpty else { throw CodecError.corrupt(source: source, format: .gif, message: "the file holds no picture") }
                return frames
            }
        }
    }

    /// Makes `area` of `canvas` clear (GIF's "restore to background").
    private static func clear(_ area: PixelRect, of canvas: inout Image) {
        let width = canvas.width
        canvas.withUnsafeMutableBytes { raw in
            for y in area.y..<area.y + area.height {
                (raw.baseAddress! + (y * width + area.x) * 4).initializeMemory(as: UInt8.self, repeating: 0, count: area.width * 4)
            }
        }
    }

    /// The file rows in the order the data holds them: top to bottom, or GIF's four interlace
    /// passes (every 8th row from 0, every 8th from 4, every 4th from 2, every 2nd from 1).
    static func rowOrder(height: Int, interlaced: Bool) -> [Int] {
        guard interlaced else { return Array(0..<height) }
        return [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(stride(from: start, to: height, by: step)) }
    }

    private static func open(_ bytes: UnsafeRawBufferPointer, source: String) throws(CodecError) -> Giflib.Decoder {
        do throws(Giflib.Failure) { return try Giflib.Decoder(bytes) } catch { throw failure(error, source: source) }
    }

    private static func screenSize(_ gif: Giflib.Decoder, source: String) throws(CodecError) -> Size {
        guard gif.screenWidth > 0, gif.screenHeight > 0 else {
            throw CodecError.corrupt(source: source, format: .gif, message: "the logical screen is \(gif.screenWidth)x\(gif.screenHeight)")
        }
        return Size(width: gif.screenWidth, height: gif.screenHeight)
    }

    /// `body`'s giflib failure as the typed error naming `source`.
    private static func checked<R>(_ source: String, _ body: () throws(Giflib.Failure) -> R) throws(CodecError) -> R {
        do throws(Giflib.Failure) { return try body() } catch { throw failure(error, source: source) }
    }

    private static func failure(_ error: Giflib.Failure, source: String) -> CodecError {
        error.isTruncation
            ? .truncated(source: source, format: .gif, detail: error.message)
            : .corrupt(source: source, format: .gif, message: error.message)
    }
}
