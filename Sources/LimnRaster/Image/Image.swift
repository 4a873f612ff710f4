#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raster image: `width × height` pixels, RGBA with 8 bits per channel, straight alpha, sRGB,
/// rows top to bottom with no padding (`bytesPerRow == width * 4`).
///
/// `Image` is a value type with copy-on-write storage: copies are cheap until one of them is
/// mutated. It is `Sendable`. Hot paths reach the pixels through ``withUnsafeBytes(_:)`` and
/// ``withUnsafeMutableBytes(preservingOpacity:_:)``; the pointer must not escape the closure.
///
/// ``isOpaque`` is a promise, not a guess: when true, every alpha byte is 255, and operations
/// skip their alpha work. When false the image may or may not contain transparency.
public struct Image: Sendable {
    /// The number of columns.
    public internal(set) var width: Int
    /// The number of rows.
    public internal(set) var height: Int
    /// True when every alpha byte is known to be 255 (a promise, see above); false says nothing.
    public internal(set) var isOpaque: Bool
    @usableFromInline var storage: PlaneStorage

    /// An image filled with one color. Negative dimensions are treated as zero.
    ///
    /// Allocates `width × height × 4` bytes.
    public init(width: Int, height: Int, fill: Pixel = .clear) {
        let w = max(width, 0), h = max(height, 0)
        self.width = w
        self.height = h
        self.isOpaque = fill.a == 255
        if fill == .clear {
            storage = PlaneStorage(capacity: w * h * 4, zeroed: true)
        } else {
            storage = PlaneStorage(capacity: w * h * 4, zeroed: false)
            let value = UInt32(fill.r) | UInt32(fill.g) << 8 | UInt32(fill.b) << 16 | UInt32(fill.a) << 24
            storage.bytes.initializeMemory(as: UInt32.self, repeating: UInt32(littleEndian: value), count: w * h)
        }
    }

    /// An image of the given size whose bytes are written by `initializer`.
    ///
    /// The buffer passed to `initializer` holds `width × height × 4` uninitialised bytes; it must
    /// write all of them. Pass `isOpaque: true` only when it writes alpha 255 everywhere.
    /// Negative dimensions are treated as zero.
    public init<E: Error>(
        width: Int, height: Int, isOpaque: Bool,
        initializingWith initializer: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        let w = max(width, 0), h = max(height, 0)
        self.width = w
        self.height = h
        self.isOpaque = isOpaque
        storage = PlaneStorage(capacity: w * h * 4, zeroed: false)
        try initializer(UnsafeMutableRawBufferPointer(start: storage.bytes, count: w * h * 4))
    }

    /// The width and height as a `Size`.
    public var size: Size { Size(width: width, height: height) }
    /// Bytes from one row to the next: `width × 4` (rows have no padding).
    public var bytesPerRow: Int { width * 4 }
    /// `width × height × 4`.
    public var byteCount: Int { width * height * 4 }
    /// True when the image has no pixel (a side of 0).
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The pixel at column `x`, row `y`. Reading outside the image gives `.clear`; writing
    /// outside it does nothing (drawing is clipped, not trapped).
    public subscript(x: Int, y: Int) -> Pixel {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return .clear }
            let p = storage.bytes.advanced(by: (y * width + x) * 4).assumingMemoryBound(to: UInt8.self)
            return Pixel(r: p[0], g: p[1], b: p[2], a: p[3])
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            makeUnique()
            if newValue.a != 255 { isOpaque = false }
            let p = storage.bytes.advanced(by: (y * width + x) * 4).assumingMemoryBound(to: UInt8.self)
            p[0] = newValue.r; p[1] = newValue.g; p[2] = newValue.b; p[3] = newValue.a
        }
    }

    /// Calls `body` with the pixel bytes (`r, g, b, a`, row after row). The pointer must not escape.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: storage.bytes, count: byteCount))
    }

    /// Calls `body` with the pixel bytes for writing, copying the storage first if it is shared.
    ///
    /// Unless `preservingOpacity` is true the image stops promising ``isOpaque``; pass true only
    /// when `body` leaves every alpha byte at 255 if it was. The pointer must not escape.
    @inlinable
    public mutating func withUnsafeMutableBytes<R, E: Error>(
        preservingOpacity: Bool = false, _ body: (UnsafeMutableRawBufferPointer) throws(E) -> R
    ) throws(E) -> R {
        makeUnique()
        if !preservingOpacity { clearOpaqueFlag() }
        return try body(UnsafeMutableRawBufferPointer(start: storage.bytes, count: byteCount))
    }

    /// Scans the alpha channel and sets ``isOpaque`` to whether every pixel has alpha 255.
    ///
    /// Reads every pixel once; allocates nothing.
    public mutating func recomputeOpacity() {
        isOpaque = Image.allOpaque(storage.bytes, count: width * height)
    }

    /// Ensures this value holds the only reference to its storage.
    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(count: byteCount) }
    }

    @usableFromInline
    mutating func clearOpaqueFlag() { isOpaque = false }

    /// True when all `count` pixels at `bytes` have alpha 255.
    static func allOpaque(_ bytes: UnsafeRawPointer, count: Int) -> Bool {
        let words = bytes.assumingMemoryBound(to: UInt32.self)
        let alphaBits = UInt32(littleEndian: 0xFF00_0000)
        var all = alphaBits
        var i = 0
        while i < count {
            // Check in chunks so a transparent pixel early on ends the scan early.
            let end = min(i + 4096, count)
            while i < end { all &= words[i]; i += 1 }
            if all & alphaBits != alphaBits { return false }
        }
        return true
    }
}

extension Image: Equatable {
    /// Two images are equal when they have the same size and the same bytes. ``isOpaque`` is not
    /// compared: it is a cached fact about the bytes.
    public static func == (lhs: Image, rhs: Image) -> Bool {
        guard lhs.width == rhs.width, lhs.height == rhs.height else { return false }
        if lhs.storage === rhs.storage { return true }
        return memcmp(lhs.storage.bytes, rhs.storage.bytes, lhs.byteCount) == 0
    }
}

extension Image: CustomStringConvertible {
    public var description: String { "Image(\(width)x\(height)\(isOpaque ? ", opaque" : ""))" }
}
