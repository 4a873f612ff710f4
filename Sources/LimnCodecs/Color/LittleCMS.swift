import CLCMS2
import Dispatch
import LimnRaster

/// Every Little CMS call Limn makes, in one place, all through one context of Limn's own
/// (`cmsCreateContext`, the `…THR` functions), so the process-wide error handler is never set:
/// errors land in this context's handler, which ignores them (each call's return value says
/// whether it worked). Transforms to sRGB are made once per profile, cached (at most 16, the
/// oldest dropped) and shared by every thread (`cmsFLAGS_NOCACHE`, which makes a transform
/// safe to run concurrently).
enum LittleCMS {
    struct Failure: Error { var message: String }

    /// `TYPE_RGBA_8`, built from its fields (Swift cannot import the composite macro):
    /// colour space RGB (4) << 16 | one extra channel << 7 | three channels << 3 | one byte.
    static let rgba8: UInt32 = 4 << 16 | 1 << 7 | 3 << 3 | 1

    /// Made once, never freed (the transforms cached under it live as long as the process).
    /// Little CMS contexts may be used from any thread.
    nonisolated(unsafe) private static let context: cmsContext? = {
        let context = cmsCreateContext(nil, nil)
        cmsSetLogErrorHandlerTHR(context) { _, _, _ in }
        return context
    }()

    /// How the pixels to convert are laid out, four bytes each, converted in place to RGBA.
    enum Layout: Equatable {
        /// R, G, B, alpha (kept).
        case rgba
        /// Gray in the first byte (the next two copies of it), alpha kept.
        case gray
        /// C, M, Y, K; `inverted` for Adobe's convention (0 is full ink), as Photoshop's JPEGs
        /// store it. The fourth byte becomes an opaque alpha.
        case cmyk(inverted: Bool)

        var lcmsFormat: UInt32 {
            switch self {
            case .rgba: return rgba8
            // PT_GRAY (3) << 16 | three extra bytes << 7 | one channel << 3 | one byte.
            case .gray: return 3 << 16 | 3 << 7 | 1 << 3 | 1
            // PT_CMYK (6) << 16 | (FLAVOR_SH(1): 0 is full ink) | four channels << 3 | one byte.
            case .cmyk(let inverted): return 6 << 16 | (inverted ? 1 << 13 : 0) | 4 << 3 | 1
            }
        }

        var colorSpace: cmsColorSpaceSignature {
            switch self {
            case .rgba: return cmsSigRgbData
            case .gray: return cmsSigGrayData
            case .cmyk: return cmsSigCmykData
            }
        }
    }

    /// A cached transform and the profile it reads; no handle when the profile needs none (not
    /// of the pixels' color space, or sRGB already), so that answer is cached too.
    private final class Transform: @unchecked Sendable {
        let profile: [UInt8]
        let layout: Layout
        let handle: cmsHTRANSFORM?
        /// For a matrix/TRC profile: the same conversion as tables and a matrix.
        let shaper: MatrixShaper?
        init(profile: [UInt8], layout: Layout, handle: cmsHTRANSFORM?, shaper: MatrixShaper?) {
            self.profile = profile; self.layout = layout; self.handle = handle; self.shaper = shaper
        }
        deinit { if let handle { cmsDeleteTransform(handle) } }
    }

    /// The matrix-shaper conversion from `input` to `srgb`, or nil when either is not one.
    private static func matrixShaper(_ input: cmsHPROFILE, to srgb: cmsHPROFILE) -> MatrixShaper? {
        guard cmsIsMatrixShaper(input) != 0, cmsIsMatrixShaper(srgb) != 0 else { return nil }
        func colorants(_ profile: cmsHPROFILE) -> [Double]? {
            var columns: [[Double]] = []
            for tag in [cmsSigRedColorantTag, cmsSigGreenColorantTag, cmsSigBlueColorantTag] {
                guard let xyz = cmsReadTag(profile, tag)?.assumingMemoryBound(to: cmsCIEXYZ.self).pointee else { return nil }
                columns.append([xyz.X, xyz.Y, xyz.Z])
            }
            // Row-major: rows X, Y, Z; columns red, green, blue.
            return (0..<3).flatMap { row in columns.map { $0[row] } }
        }
        guard let from = colorants(input), let to = colorants(srgb), let inverse = invert3(to) else { return nil }
        var matrix = [Float](repeating: 0, count: 9)
        for i in 0..<3 { for j in 0..<3 { matrix[3 * i + j] = Float((0..<3).reduce(0) { $0 + inverse[3 * i + $1] * from[3 * $1 + j] }) } }
        var linear: [[Float]] = []
        for tag in [cmsSigRedTRCTag, cmsSigGreenTRCTag, cmsSigBlueTRCTag] {
            guard let curve = cmsReadTag(input, tag).map({ OpaquePointer($0) }) else { return nil }
            linear.append((0..<256).map { cmsEvalToneCurveFloat(curve, Float($0) / 255) })
        }
        guard let trc = cmsReadTag(srgb, cmsSigRedTRCTag).map({ OpaquePointer($0) }), let reverse = cmsReverseToneCurve(trc) else {
            return nil
        }
        defer { cmsFreeToneCurve(reverse) }
        return MatrixShaper(linear: linear, matrix: matrix) { cmsEvalToneCurveFloat(reverse, $0) }
    }

    private static func invert3(_ m: [Double]) -> [Double]? {
        let (a, b, c, d, e, f, g, h, i) = (m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8])
        let det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        guard abs(det) > 1e-12 else { return nil }
        return [
            (e * i - f * h) / det, (c * h - b * i) / det, (b * f - c * e) / det,
            (f * g - d * i) / det, (a * i - c * g) / det, (c * d - a * f) / det,
            (d * h - e * g) / det, (b * g - a * h) / det, (a * e - b * d) / det,
        ]
    }

    private static let cache = Locked([Transform]())

    /// The description the profile carries (its `desc` tag), if any.
    static func description(of profile: [UInt8]) -> String? {
        guard let opened = open(profile) else { return nil }
        defer { cmsCloseProfile(opened) }
        var text = [wchar_t](repeating: 0, count: 256)
        let n = cmsGetProfileInfo(opened, cmsInfoDescription, "en", "US", &text, cmsUInt32Number(text.count * MemoryLayout<wchar_t>.stride))
        guard n > 0 else { return nil }
        let scalars = text.prefix { $0 != 0 }.compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func open(_ profile: [UInt8]) -> cmsHPROFILE? {
        profile.withUnsafeBytes { cmsOpenProfileFromMemTHR(context, $0.baseAddress, cmsUInt32Number($0.count)) }
    }

    /// Converts `image`'s colors from `profile` to sRGB in place (relative colorimetric with
    /// black-point compensation, as libvips does; alpha copied), in bands of rows on up to
    /// `Parallelism.maximumThreads` threads. `layout` says what the four bytes of each pixel
    /// hold; RGBA pixels with a gray profile are read as gray (R = G = B). Returns false, changing nothing, when the profile is not of the pixels' color space
    /// or is sRGB already (its colorants and tone curves those of sRGB); throws for bytes that
    /// are not a profile.
    static func convertToSRGB(_ image: inout Image, profile: [UInt8], layout: Layout = .rgba) throws(Failure) -> Bool {
        let transform = try transform(for: profile, layout: layout)
        guard transform.handle != nil || transform.shaper != nil else { return false }
        let width = image.width, height = image.height
        let bands = max(1, min(Parallelism.maximumThreads, height / 64, width * height / 500_000))
        let opaque = layout != .rgba && layout != .gray
        // Alpha is kept, and CMYK's fourth byte becomes 255 (the image was made opaque).
        image.withUnsafeMutableBytes(preservingOpacity: true) { raw in
            let base = UncheckedPointer(raw.baseAddress!)
            let work: @Sendable (Int) -> Void = { band in
                // Rows in place: lcms reads and writes the same buffer for same-sized formats.
                for y in height * band / bands..<height * (band + 1) / bands {
                    let row = base.pointer + y * width * 4
                    if let shaper = transform.shaper {
                        shaper.apply(row.assumingMemoryBound(to: UInt8.self), count: width)
                    } else {
                        cmsDoTransform(transform.handle, row, row, cmsUInt32Number(width))
                        if opaque {
                            let p = row.assumingMemoryBound(to: UInt8.self)
                            for x in 0..<width { p[4 * x + 3] = 255 }
                        }
                    }
                }
            }
            if bands == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: bands, execute: work) }
        }
        return true
    }

    /// The in-place conversion of `count` RGBA pixels from `profile` to sRGB, for converting rows
    /// as they are decoded; nil when the profile needs none (sRGB already, or not RGB or gray).
    /// Throws for bytes that are not a profile.
    static func rowConverter(for profile: [UInt8]) throws(Failure) -> (@Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void)? {
        let transform = try transform(for: profile, layout: .rgba)
        if let shaper = transform.shaper { return { shaper.apply($0, count: $1) } }
        guard transform.handle != nil else { return nil }
        return { cmsDoTransform(transform.handle, $0, $0, cmsUInt32Number($1)) }
    }

    /// The color space of `profile` (`cmsSigRgbData`, `cmsSigCmykData`, …), or nil when the
    /// bytes are not a profile.
    static func colorSpace(of profile: [UInt8]) -> cmsColorSpaceSignature? {
        guard let opened = open(profile) else { return nil }
        defer { cmsCloseProfile(opened) }
        return cmsGetColorSpace(opened)
    }

    /// An ICC profile for a color space a file states by numbers, made once per distinct
    /// statement; nil when no conversion is needed or possible: sRGB's primaries with an sRGB
    /// or BT.709-family transfer (taken as sRGB, the display convention browsers follow), the
    /// HDR transfers (PQ, HLG: not tone-mapped), and codes Limn does not know.
    static func profile(for declared: DeclaredColorSpace) -> [UInt8]? {
        if let hit = declaredCache.withLock({ $0.first { $0.0 == declared } }) { return hit.1 }
        let made = makeProfile(for: declared)
        declaredCache.withLock { cache in
            if cache.count >= 16 { cache.removeFirst() }
            cache.append((declared, made))
        }
        return made
    }

    private static let declaredCache = Locked([(DeclaredColorSpace, [UInt8]?)]())

    private static func makeProfile(for declared: DeclaredColorSpace) -> [UInt8]? {
        let chromaticities: Chromaticities
        var curve: OpaquePointer?
        switch declared {
        case .codePoints(let primaries, let transfer):
            guard let c = Chromaticities.codePoint(primaries) else { return nil }
            let srgbLike = [1, 2, 6, 13, 14, 15].contains(transfer)
            if srgbLike && (primaries == 1 || primaries == 2) { return nil }
            chromaticities = c
            switch transfer {
            case 1, 2, 6, 13, 14, 15:
                var parameters: [Double] = [2.4, 1 / 1.055, 0.055 / 1.055, 1 / 12.92, 0.04045]
                curve = cmsBuildParametricToneCurve(context, 4, &parameters)
            case 4: curve = cmsBuildGamma(context, 2.2)
            case 5: curve = cmsBuildGamma(context, 2.8)
            case 8: curve = cmsBuildGamma(context, 1)
            default: return nil
            }
        case .chromaticities(let c, let gamma):
            guard gamma > 0.01, gamma < 100, gamma.isFinite else { return nil }
            chromaticities = c
            curve = cmsBuildGamma(context, 1 / gamma)
        }
        guard let curve else { return nil }
        defer { cmsFreeToneCurve(curve) }
        let c = chromaticities
        for v in [c.white.x, c.white.y, c.red.x, c.red.y, c.green.x, c.green.y, c.blue.x, c.blue.y] {
            guard v.isFinite, v > 0, v < 1 else { return nil }
        }
        var white = cmsCIExyY(x: c.white.x, y: c.white.y, Y: 1)
        var triple = cmsCIExyYTRIPLE(
            Red: cmsCIExyY(x: c.red.x, y: c.red.y, Y: 1), Green: cmsCIExyY(x: c.green.x, y: c.green.y, Y: 1),
            Blue: cmsCIExyY(x: c.blue.x, y: c.blue.y, Y: 1))
        var curves: [OpaquePointer?] = [curve, curve, curve]
        guard let profile = cmsCreateRGBProfileTHR(context, &white, &triple, &curves) else { return nil }
        defer { cmsCloseProfile(profile) }
        var size: cmsUInt32Number = 0
        guard cmsSaveProfileToMem(profile, nil, &size) != 0, size > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(size))
        guard cmsSaveProfileToMem(profile, &bytes, &size) != 0 else { return nil }
        return bytes
    }

    /// A pointer handed to the bands, each writing its own rows.
    private struct UncheckedPointer: @unchecked Sendable {
        let pointer: UnsafeMutableRawPointer
        init(_ pointer: UnsafeMutableRawPointer) { self.pointer = pointer }
    }

    /// True when `input` is sRGB in all but name: D50-adapted colorants within 0.002 of sRGB's and
    /// tone curves within half a level of sRGB's at 17 points. Then converting would change nothing.
    private static func isSRGB(_ input: cmsHPROFILE, like srgb: cmsHPROFILE) -> Bool {
        let colorants = [cmsSigRedColorantTag, cmsSigGreenColorantTag, cmsSigBlueColorantTag]
        for tag in colorants {
            guard let a = cmsReadTag(input, tag)?.assumingMemoryBound(to: cmsCIEXYZ.self).pointee,
                let b = cmsReadTag(srgb, tag)?.assumingMemoryBound(to: cmsCIEXYZ.self).pointee,
                abs(a.X - b.X) < 0.002, abs(a.Y - b.Y) < 0.002, abs(a.Z - b.Z) < 0.002
            else { return false }
        }
        for tag in [cmsSigRedTRCTag, cmsSigGreenTRCTag, cmsSigBlueTRCTag] {
            guard let a = cmsReadTag(input, tag).map({ OpaquePointer($0) }), let b = cmsReadTag(srgb, tag).map({ OpaquePointer($0) })
            else { return false }
            for k in 0...16 {
                let x = Float(k) / 16
                if abs(cmsEvalToneCurveFloat(a, x) - cmsEvalToneCurveFloat(b, x)) > 0.5 / 255 { return false }
            }
        }
        return true
    }

    private static func transform(for profile: [UInt8], layout: Layout) throws(Failure) -> Transform {
        if let hit = cache.withLock({ $0.first { $0.layout == layout && $0.profile == profile } }) { return hit }
        let (handle, shaper) = try makeTransform(profile, layout: layout)
        let made = Transform(profile: profile, layout: layout, handle: handle, shaper: shaper)
        cache.withLock { transforms in
            if transforms.count >= 16 { transforms.removeFirst() }
            transforms.append(made)
        }
        return made
    }

    /// The Little CMS transform, or the matrix-shaper tables, for `profile`; neither when no
    /// conversion is needed.
    private static func makeTransform(_ profile: [UInt8], layout asked: Layout) throws(Failure) -> (cmsHTRANSFORM?, MatrixShaper?) {
        guard let input = open(profile) else { throw Failure(message: "the embedded ICC profile cannot be read") }
        defer { cmsCloseProfile(input) }
        // RGBA pixels of a gray picture (R = G = B) are read as gray by a gray profile.
        let layout = asked == .rgba && cmsGetColorSpace(input) == cmsSigGrayData ? .gray : asked
        guard cmsGetColorSpace(input) == layout.colorSpace else { return (nil, nil) }
        guard let output = cmsCreate_sRGBProfileTHR(context) else { throw Failure(message: "Little CMS could not make sRGB") }
        defer { cmsCloseProfile(output) }
        if layout == .rgba {
            if isSRGB(input, like: output) { return (nil, nil) }
            if let shaper = matrixShaper(input, to: output) { return (nil, shaper) }
        }
        // Alpha is copied for RGBA; the gray and CMYK layouts' extra bytes are left alone.
        let copyAlpha = layout == .rgba ? cmsFLAGS_COPY_ALPHA : 0
        let flags = cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION | cmsFLAGS_NOCACHE | copyAlpha)
        guard
            let handle = cmsCreateTransformTHR(
                context, input, layout.lcmsFormat, output, rgba8, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC), flags)
        else {
            throw Failure(message: "the embedded ICC profile cannot be converted to sRGB")
        }
        return (handle, nil)
    }
}

extension ImageInfo {
    /// The embedded ICC profile's description ("Adobe RGB (1998)"), when it has one.
    public var iccProfileDescription: String? { iccProfile.flatMap(LittleCMS.description(of:)) }
}
