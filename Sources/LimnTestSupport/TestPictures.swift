import LimnCodecs
import LimnRaster

/// A picture in `TestImages/`: how to make it and what it must decode to.
public struct TestPicture: Sendable {
    public enum Fidelity: Sendable, Equatable {
        /// Every byte of every pixel equal.
        case exact
        /// A lossy format: PSNR over RGB (and alpha) at least this many dB.
        case psnr(Double)
    }

    /// Path below `TestImages/`.
    public let file: String
    public let format: ImageFormat
    /// The upright picture the file must decode to (with orientation applied).
    public let expected: @Sendable () -> Image
    public let fidelity: Fidelity
    /// The orientation tag the file carries.
    public let orientation: Orientation
    public let make: @Sendable () throws -> [UInt8]

    public init(
        _ file: String, _ format: ImageFormat, fidelity: Fidelity, orientation: Orientation = .up,
        expected: @escaping @Sendable () -> Image, make: @escaping @Sendable () throws -> [UInt8]
    ) {
        self.file = file
        self.format = format
        self.fidelity = fidelity
        self.orientation = orientation
        self.expected = expected
        self.make = make
    }
}

/// Every generated picture: the generator writes them, the tests decode them.
public enum TestPictures {
    /// The size of most pictures: odd on both sides, so row padding, partial bytes and partial
    /// JPEG blocks are exercised.
    public static let width = 61, height = 45

    public static var all: [TestPicture] { png + jpeg + webp + bmp + orientations }

    // MARK: PNG (written by the pure-Swift PNGWriter, read by libpng)

    public static var png: [TestPicture] {
        let w = width, h = height
        var list: [TestPicture] = []
        func add(_ name: String, _ expected: @escaping @Sendable () -> Image, _ writer: @escaping @Sendable () -> PNGWriter) {
            list.append(TestPicture("png/\(name).png", .png, fidelity: .exact, expected: expected) { writer().encode() })
        }
        let noise: @Sendable () -> Image = { Patterns.noise(width: w, height: h, seed: 7) }
        let gradient: @Sendable () -> Image = { Patterns.gradient(width: w, height: h) }
        let checker: @Sendable () -> Image = { Patterns.checkerAlpha(width: w, height: h) }
        let shapes: @Sendable () -> Image = { Patterns.shapes(width: w, height: h) }

        add("rgba8", noise) { PNGWriter(image: noise(), colorType: .rgba, bitDepth: 8) }
        add("rgb8", gradient) { PNGWriter(image: gradient(), colorType: .rgb, bitDepth: 8) }
        add("rgba16", checker) { PNGWriter(image: checker(), colorType: .rgba, bitDepth: 16) }
        add("rgb16", gradient) { PNGWriter(image: gradient(), colorType: .rgb, bitDepth: 16) }
        add("gray8", { grayOf(gradient(), bits: 8) }) { PNGWriter(gray: gradient(), bitDepth: 8) }
        add("gray16", { grayOf(gradient(), bits: 8) }) { PNGWriter(gray: gradient(), bitDepth: 16) }
        add("gray4", { grayOf(gradient(), bits: 4) }) { PNGWriter(gray: gradient(), bitDepth: 4) }
        add("gray2", { grayOf(gradient(), bits: 2) }) { PNGWriter(gray: gradient(), bitDepth: 2) }
        add("gray1", { grayOf(gradient(), bits: 1) }) { PNGWriter(gray: gradient(), bitDepth: 1) }
        add("gray-alpha8", { grayAlphaOf(checker()) }) { PNGWriter(image: checker(), colorType: .grayAlpha, bitDepth: 8) }
        add("gray-alpha16", { grayAlphaOf(checker()) }) { PNGWriter(image: checker(), colorType: .grayAlpha, bitDepth: 16) }
        add("palette8", shapes) { PNGWriter(palette: shapes(), bitDepth: 8, alphas: []) }
        add("palette4", shapes) { PNGWriter(palette: shapes(), bitDepth: 4, alphas: []) }
        add("palette-trns", { withPaletteAlpha(shapes()) }) { PNGWriter(palette: shapes(), bitDepth: 8, alphas: paletteAlphas) }
        add("gray-trns", { grayKeyed(gradient()) }) {
            var writer = PNGWriter(gray: gradient(), bitDepth: 8)
            writer.transparency = [UInt16(grayKey)]
            return writer
        }
        add("rgb-trns", { rgbKeyed(shapes()) }) {
            var writer = PNGWriter(image: shapes(), colorType: .rgb, bitDepth: 8)
            let key = Patterns.shapeColors[2]
            writer.transparency = [UInt16(key.r), UInt16(key.g), UInt16(key.b)]
            return writer
        }
        add("interlaced-rgba8", noise) {
            var writer = PNGWriter(image: noise(), colorType: .rgba, bitDepth: 8)
            writer.interlaced = true
            return writer
        }
        add("interlaced-palette4", shapes) {
            var writer = PNGWriter(palette: shapes(), bitDepth: 4, alphas: [])
            writer.interlaced = true
            return writer
        }
        add("interlaced-gray1", { grayOf(gradient(), bits: 1) }) {
            var writer = PNGWriter(gray: gradient(), bitDepth: 1)
            writer.interlaced = true
            return writer
        }
        list.append(
            TestPicture("png/interlaced-rgba16.png", .png, fidelity: .psnr(50), expected: checker) {
                // Interlaced 16-bit with alpha goes through libpng's premultiplied linear output:
                // colors under very low alpha lose precision, so this one is compared by PSNR.
                var writer = PNGWriter(image: checker(), colorType: .rgba, bitDepth: 16)
                writer.interlaced = true
                return writer.encode()
            })
        add("interlaced-rgb16", gradient) {
            var writer = PNGWriter(image: gradient(), colorType: .rgb, bitDepth: 16)
            writer.interlaced = true
            return writer
        }
        return list
    }

    /// Alpha per entry of the shapes palette, for `palette-trns`.
    static let paletteAlphas: [UInt8] = [255, 128, 0, 200, 60]
    /// The gray value made transparent in `gray-trns`.
    static let grayKey = 128

    // MARK: JPEG (TurboJPEG)

    public static var jpeg: [TestPicture] {
        let w = width, h = height
        let gradient: @Sendable () -> Image = { Patterns.gradient(width: w, height: h) }
        func add(_ name: String, _ db: Double, _ options: JPEGOptions) -> TestPicture {
            TestPicture("jpeg/\(name).jpg", .jpeg, fidelity: .psnr(db), expected: gradient) {
                try ImageEncoder.encode(gradient(), as: .jpeg(options))
            }
        }
        return [
            add("baseline-420", 36, JPEGOptions(quality: 90, subsampling: .s420)),
            add("baseline-422", 36, JPEGOptions(quality: 90, subsampling: .s422)),
            add("baseline-444", 40, JPEGOptions(quality: 90, subsampling: .s444)),
            add("progressive", 36, JPEGOptions(quality: 90, subsampling: .s420, progressive: true)),
            TestPicture("jpeg/gray.jpg", .jpeg, fidelity: .psnr(40), expected: { lumaOf(gradient()) }) {
                try ImageEncoder.encode(gradient(), as: .jpeg(JPEGOptions(quality: 90, subsampling: .gray)))
            },
            TestPicture("jpeg/cmyk.jpg", .jpeg, fidelity: .psnr(36), expected: gradient) {
                try TestPictureEncoding.cmykJPEG(invertedCMYK(gradient()), width: w, height: h, quality: 95)
            },
            TestPicture(
                "jpeg/large-gradient.jpg", .jpeg, fidelity: .psnr(40),
                expected: { Patterns.gradient(width: 512, height: 384) }
            ) {
                try ImageEncoder.encode(Patterns.gradient(width: 512, height: 384), as: .jpeg(JPEGOptions(quality: 90)))
            },
        ]
    }

    // MARK: WebP (libwebp)

    public static var webp: [TestPicture] {
        let w = width, h = height
        let gradient: @Sendable () -> Image = { Patterns.gradient(width: w, height: h) }
        let checker: @Sendable () -> Image = { Patterns.checkerAlpha(width: w, height: h) }
        let noise: @Sendable () -> Image = { Patterns.noise(width: w, height: h, seed: 3) }
        return [
            TestPicture("webp/lossy.webp", .webp, fidelity: .psnr(30), expected: gradient) {
                try ImageEncoder.encode(gradient(), as: .webp(WebPOptions(quality: 90)))
            },
            TestPicture("webp/lossy-alpha.webp", .webp, fidelity: .psnr(20), expected: checker) {
                try ImageEncoder.encode(checker(), as: .webp(WebPOptions(quality: 90)))
            },
            TestPicture("webp/lossless.webp", .webp, fidelity: .exact, expected: gradient) {
                try ImageEncoder.encode(gradient(), as: .webp(.lossless))
            },
            TestPicture("webp/lossless-alpha.webp", .webp, fidelity: .exact, expected: noise) {
                try ImageEncoder.encode(noise(), as: .webp(.lossless))
            },
            TestPicture("webp/animated.webp", .webp, fidelity: .exact, expected: checker) {
                try TestPictureEncoding.animatedWebP([checker(), gradient(), noise()])
            },
            TestPicture("webp/exif-orientation-6.webp", .webp, fidelity: .exact, orientation: .right, expected: gradient) {
                let stored = gradient().applyingOrientation(Orientation.right.inverse)
                let plain = try ImageEncoder.encode(stored, as: .webp(.lossless))
                return EXIFBlocks.webp(plain, width: stored.width, height: stored.height, orientation: 6, hasAlpha: false)
            },
        ]
    }

    // MARK: BMP (Limn's encoder)

    public static var bmp: [TestPicture] {
        let w = width, h = height
        let gradient: @Sendable () -> Image = { Patterns.gradient(width: w, height: h) }
        let noise: @Sendable () -> Image = { Patterns.noise(width: w, height: h, seed: 5) }
        return [
            TestPicture("bmp/rgb24-bottom-up.bmp", .bmp, fidelity: .exact, expected: gradient) {
                try ImageEncoder.encode(gradient(), as: .bmp(BMPOptions(topDown: false)))
            },
            TestPicture("bmp/rgb24-top-down.bmp", .bmp, fidelity: .exact, expected: gradient) {
                try ImageEncoder.encode(gradient(), as: .bmp(BMPOptions(topDown: true)))
            },
            TestPicture("bmp/rgba32-bottom-up.bmp", .bmp, fidelity: .exact, expected: noise) {
                try ImageEncoder.encode(noise(), as: .bmp(BMPOptions(topDown: false)))
            },
            TestPicture("bmp/rgba32-top-down.bmp", .bmp, fidelity: .exact, expected: noise) {
                try ImageEncoder.encode(noise(), as: .bmp(BMPOptions(topDown: true)))
            },
        ]
    }

    // MARK: EXIF orientation: the same picture stored eight ways

    public static var orientations: [TestPicture] {
        Orientation.allCases.map { orientation in
            TestPicture(
                "orientation/jpeg-\(orientation.rawValue).jpg", .jpeg, fidelity: .psnr(45),
                orientation: orientation, expected: { Patterns.orientationBlocks() }
            ) {
                let stored = Patterns.orientationBlocks().applyingOrientation(orientation.inverse)
                let plain = try ImageEncoder.encode(stored, as: .jpeg(JPEGOptions(quality: 100, subsampling: .s444)))
                // Alternate byte orders so both TIFF layouts are read.
                return EXIFBlocks.jpeg(plain, orientation: orientation.rawValue, bigEndian: orientation.rawValue % 2 == 0)
            }
        }
    }
}

// MARK: Expected pictures derived from patterns

/// The gray level a PNG writer stores for a pixel: the red channel, quantised to `bits`.
func graySample(_ p: Pixel, bits: Int) -> Int { Int(p.r) >> (8 - min(bits, 8)) }

/// What a `bits`-deep gray PNG made from `image` decodes to.
func grayOf(_ image: Image, bits: Int) -> Image {
    map(image) { p in
        let v = graySample(p, bits: bits)
        let g = UInt8(v * 255 / ((1 << bits) - 1))
        return Pixel(gray: g)
    }
}

func grayAlphaOf(_ image: Image) -> Image { map(image) { Pixel(gray: $0.r, alpha: $0.a) } }

func withPaletteAlpha(_ image: Image) -> Image {
    map(image) { p in
        var q = p
        q.a = TestPictures.paletteAlphas[Patterns.shapeColors.firstIndex(of: Pixel(r: p.r, g: p.g, b: p.b)) ?? 0]
        return q
    }
}

func grayKeyed(_ image: Image) -> Image {
    map(grayOf(image, bits: 8)) { p in Int(p.r) == TestPictures.grayKey ? Pixel(gray: p.r, alpha: 0) : p }
}

func rgbKeyed(_ image: Image) -> Image {
    map(image) { p in p == Patterns.shapeColors[2] ? Pixel(r: p.r, g: p.g, b: p.b, a: 0) : p }
}

/// BT.601 luma, as a grayscale JPEG stores it.
func lumaOf(_ image: Image) -> Image {
    map(image) { p in
        let y = 0.299 * Double(p.r) + 0.587 * Double(p.g) + 0.114 * Double(p.b)
        return Pixel(gray: UInt8(min(255, y.rounded())))
    }
}

/// CMYK in libjpeg-turbo's inverted convention (stored = 255 − ink), with all the black in K:
/// stored K = max(R, G, B), stored C = R × 255 / K. Decodes back within one level by
/// `R = C × K / 255`.
func invertedCMYK(_ image: Image) -> [UInt8] {
    var out = [UInt8]()
    for y in 0..<image.height {
        for x in 0..<image.width {
            let p = image[x, y]
            let k = Int(max(p.r, p.g, p.b))
            func ink(_ v: UInt8) -> UInt8 { k == 0 ? 0 : UInt8(min(255, (Int(v) * 255 + k / 2) / k)) }
            out += [ink(p.r), ink(p.g), ink(p.b), UInt8(k)]
        }
    }
    return out
}

func map(_ image: Image, _ f: (Pixel) -> Pixel) -> Image {
    var out = image
    for y in 0..<image.height {
        for x in 0..<image.width { out[x, y] = f(image[x, y]) }
    }
    out.recomputeOpacity()
    return out
}

// MARK: PNGWriter from images

extension PNGWriter {
    /// RGB(A) or gray+alpha samples from an image's channels, scaled to `bitDepth` (8 or 16).
    public init(image: Image, colorType: ColorType, bitDepth: Int) {
        var samples = [UInt16]()
        let scale: UInt16 = bitDepth == 16 ? 257 : 1
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image[x, y]
                switch colorType {
                case .rgba: samples += [p.r, p.g, p.b, p.a].map { UInt16($0) * scale }
                case .rgb: samples += [p.r, p.g, p.b].map { UInt16($0) * scale }
                case .grayAlpha: samples += [p.r, p.a].map { UInt16($0) * scale }
                case .gray, .palette: samples.append(UInt16(p.r) * scale)
                }
            }
        }
        self.init(width: image.width, height: image.height, colorType: colorType, bitDepth: bitDepth, samples: samples)
    }

    /// Gray samples (the red channel) quantised to `bitDepth`; 16-bit repeats the byte.
    init(gray image: Image, bitDepth: Int) {
        var samples = [UInt16]()
        for y in 0..<image.height {
            for x in 0..<image.width {
                let p = image[x, y]
                samples.append(bitDepth == 16 ? UInt16(p.r) * 257 : UInt16(graySample(p, bits: bitDepth)))
            }
        }
        self.init(width: image.width, height: image.height, colorType: .gray, bitDepth: bitDepth, samples: samples)
    }

    /// Palette indices into ``Patterns/shapeColors`` with optional per-entry alpha.
    init(palette image: Image, bitDepth: Int, alphas: [UInt8]) {
        var samples = [UInt16]()
        for y in 0..<image.height {
            for x in 0..<image.width {
                samples.append(UInt16(Patterns.shapeColors.firstIndex(of: image[x, y]) ?? 0))
            }
        }
        self.init(width: image.width, height: image.height, colorType: .palette, bitDepth: bitDepth, samples: samples)
        palette = Patterns.shapeColors.map { ($0.r, $0.g, $0.b) }
        transparency = alphas.map(UInt16.init)
    }
}
