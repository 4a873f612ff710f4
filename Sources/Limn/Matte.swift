import LimnCodecs
import LimnRaster
import LimnResults

/// Reading mattes in every form the services send, and fitting them to the picture.
public enum Matte {
    /// The coverage a matte picture holds: its alpha channel when it has transparency (an RGBA
    /// cutout from Azure `backgroundRemoval`, Baidu `foreground`, rembg), otherwise its gray level
    /// (Azure `foregroundMatting`, a mask PNG; luminance for color pictures). A label map whose
    /// values are all 0 or 1 is stretched to 0/255.
    public static func mask(from picture: Image) -> Mask {
        let coverage: Mask
        if !picture.isOpaque && hasPartialAlpha(picture) {
            coverage = picture.alphaMask()
        } else {
            coverage = picture.withUnsafeBytes { p in
                Mask(width: picture.width, height: picture.height) { dst in
                    for i in 0..<dst.count {
                        let r = UInt32(p[i * 4]), g = UInt32(p[i * 4 + 1]), b = UInt32(p[i * 4 + 2])
                        dst[i] = UInt8((r * 77 + g * 150 + b * 29 + 128) >> 8)
                    }
                }
            }
        }
        return stretchingLabels(coverage)
    }

    /// True when some pixel is not fully opaque: the alpha channel carries the matte.
    private static func hasPartialAlpha(_ picture: Image) -> Bool {
        picture.withUnsafeBytes { p in stride(from: 3, to: p.count, by: 4).contains { p[$0] != 255 } }
    }

    /// Reads a matte file (PNG, WebP, JPEG, BMP; gray, RGBA or 0/1). Throws `CodecError`.
    /// See ``read(bytes:source:limits:)``.
    public static func read(file path: String) throws -> Mask {
        try ImageDecoder.read(file: path).withUnsafeBytes { try read(raw: $0, source: path) }
    }

    /// Reads a matte from encoded bytes; `source` names them in errors. Throws `CodecError`.
    ///
    /// A matte is coverage, not color: its samples are taken as stored (no ICC conversion, no
    /// orientation). A gray PNG — the usual form — is read straight into the mask, with no RGBA
    /// picture in between. `limits` bound the picture as they bound any decode.
    public static func read(bytes: [UInt8], source: String = "buffer", limits: DecodeLimits = .default) throws -> Mask {
        try bytes.withUnsafeBytes { try read(raw: $0, source: source, limits: limits) }
    }

    private static func read(raw: UnsafeRawBufferPointer, source: String, limits: DecodeLimits = .default) throws -> Mask {
        if let gray = try ImageDecoder.decodeGray(raw, limits: limits, source: source) { return stretchingLabels(gray) }
        let options = DecodeOptions(applyOrientation: false, limits: limits, convertsToSRGB: false)
        return mask(from: try ImageDecoder.decode(raw, options: options, source: source).image)
    }

    /// A label map whose values are all 0 or 1 stretched to 0/255; any other mask as it is.
    static func stretchingLabels(_ coverage: Mask) -> Mask {
        let isLabelMap = coverage.withUnsafeBytes { p in !p.contains { $0 > 1 } }
        return isLabelMap ? coverage.map { $0 == 0 ? 0 : 255 } : coverage
    }

    /// The best matte embedded in a vision result (Baidu: an RGBA foreground, then the matting
    /// image, the score map, the label map). Throws ``LimnError/noMatte(source:vendor:)`` when the
    /// result holds none, `CodecError` when the embedded picture does not decode.
    public static func read(from analysis: Analysis, source: String = "result") throws -> Mask {
        guard let best = analysis.encodedMattes.first else {
            throw LimnError.noMatte(source: source, vendor: analysis.vendor.rawValue)
        }
        return try read(bytes: best.bytes, source: "\(source) field \(best.field)")
    }

    /// `matte` at `size`: scaled with the Mitchell filter (smooth edges, little ringing) when its
    /// size differs, so a matte from a downscaled request cuts out the full-resolution picture.
    /// Throws ``LimnError/matteMismatch(matte:picture:)`` when the aspect ratios differ by more
    /// than 1 % (or a pixel), unless `allowStretch`.
    public static func fitted(_ matte: Mask, to size: Size, allowStretch: Bool = false) throws -> Mask {
        guard matte.size != size else { return matte }
        guard !matte.isEmpty, !size.isEmpty else { throw LimnError.matteMismatch(matte: matte.size, picture: size) }
        if !allowStretch {
            let expectedHeight = Double(matte.height) * Double(size.width) / Double(matte.width)
            let tolerance = max(1.5, Double(size.height) * 0.01)
            guard abs(expectedHeight - Double(size.height)) <= tolerance else {
                throw LimnError.matteMismatch(matte: matte.size, picture: size)
            }
        }
        let shrinking = matte.width > size.width
        return try matte.resized(to: size, filter: shrinking ? .lanczos3 : .mitchell)
    }
}
