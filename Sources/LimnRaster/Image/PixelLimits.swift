/// The largest picture an operation makes from a size it is given (a resize target, a fitted
/// box, a canvas): the same bounds decoding checks a header against (`DecodeLimits` in
/// LimnCodecs), so a size from a client or a file cannot make the process try to allocate what
/// it never could. Checked before anything is allocated.
public struct PixelLimits: Sendable, Equatable {
    /// Largest width, in pixels.
    public var maxWidth: Int
    /// Largest height, in pixels.
    public var maxHeight: Int
    /// Largest `width × height`.
    public var maxPixels: Int
    /// Largest pixel memory of the result, in bytes (4 a pixel).
    public var maxBytes: Int

    /// Limits of their own; by default those decoding keeps: 16384 a side, 2 GiB of pixels.
    public init(maxWidth: Int = 16384, maxHeight: Int = 16384, maxPixels: Int = 16384 * 16384, maxBytes: Int = 2 << 30) {
        self.maxWidth = maxWidth
        self.maxHeight = maxHeight
        self.maxPixels = maxPixels
        self.maxBytes = maxBytes
    }

    /// 16384 × 16384 pixels and 2 GiB of pixel memory, as decoding's defaults.
    public static let `default` = PixelLimits()

    /// Throws ``RasterError/overLimit(operation:size:limit:)`` when `size` (4 bytes a pixel) is
    /// over a limit; sides below 1 count as 1, as the operations make them.
    public func check(_ size: Size, operation: String) throws(RasterError) {
        let w = max(size.width, 1), h = max(size.height, 1)
        if let broken = violation(width: w, height: h) {
            throw RasterError.overLimit(operation: operation, size: Size(width: w, height: h), limit: broken)
        }
    }

    /// The first limit a picture of `width × height` pixels breaks, `bytesPerPixel` bytes a pixel,
    /// said as the limit ("width at most 16384"); nil when it breaks none. Both sides positive.
    /// What decoding's limits check a header with too.
    package func violation(width: Int, height: Int, bytesPerPixel: Int = 4) -> String? {
        if width > maxWidth { return "width at most \(maxWidth)" }
        if height > maxHeight { return "height at most \(maxHeight)" }
        if width.multipliedReportingOverflow(by: height).overflow || width * height > maxPixels { return "at most \(maxPixels) pixels" }
        if width * height > maxBytes / bytesPerPixel { return "at most \(maxBytes) bytes of pixels" }
        return nil
    }
}
