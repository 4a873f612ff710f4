#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A single-channel 8-bit raster: 0 is background, 255 is foreground, values between are
/// partial coverage. Mattes, binary masks, coverage and selections are all masks.
///
/// Rows top to bottom with no padding (`bytesPerRow == width`). A value type with
/// copy-on-write storage, `Sendable`; the same access rules as ``Image``.
public struct Mask: Sendable {
    /// The number of columns.
    public private(set) var width: Int
    /// The number of rows.
    public private(set) var height: Int
    @usableFromInline var storage: PlaneStorage

    /// A mask filled with one value. Negative dimensions are treated as zero.
    public init(width: Int, height: Int, fill: UInt8 = 0) {
        let w = max(width, 0), h = max(height, 0)
        self.width = w
        self.height = h
        storage = PlaneStorage(capacity: w * h, zeroed: fill == 0)
        if fill != 0 { storage.bytes.initializeMemory(as: UInt8.self, repeating: fill, count: w * h) }
    }

    /// A mask whose bytes are written by `initializer`, which must write all `width × height`.
    public init<E: Error>(
        width: Int, height: Int,
        initializingWith initializer: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        let w = max(width, 0), h = max(height, 0)
        self.width = w
        self.height = h
        storage = PlaneStorage(capacity: w * h, zeroed: false)
        try initializer(UnsafeMutableRawBufferPointer(start: storage.bytes, count: w * h))
    }

    /// The width and height as a `Size`.
    public var size: Size { Size(width: width, height: height) }
    /// `width × height`.
    public var byteCount: Int { width * height }
    /// True when the mask has no pixel (a side of 0).
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The value at column `x`, row `y`. Reading outside gives 0; writing outside does nothing.
    public subscript(x: Int, y: Int) -> UInt8 {
        get {
            guard x >= 0, y >= 0, x < width, y < height else { return 0 }
            return storage.bytes.load(fromByteOffset: y * width + x, as: UInt8.self)
        }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            makeUnique()
            storage.bytes.storeBytes(of: newValue, toByteOffset: y * width + x, as: UInt8.self)
        }
    }

    /// Calls `body` with the bytes, row after row. The pointer must not escape.
    @inlinable
    public func withUnsafeBytes<R, E: Error>(_ body: (UnsafeRawBufferPointer) throws(E) -> R) throws(E) -> R {
        try body(UnsafeRawBufferPointer(start: storage.bytes, count: byteCount))
    }

    /// Calls `body` with the bytes for writing, copying the storage first if it is shared.
    @inlinable
    public mutating func withUnsafeMutableBytes<R, E: Error>(_ body: (UnsafeMutableRawBufferPointer) throws(E) -> R) throws(E) -> R {
        makeUnique()
        return try body(UnsafeMutableRawBufferPointer(start: storage.bytes, count: byteCount))
    }

    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy(count: byteCount) }
    }
}

extension Mask: Equatable {
    public static func == (lhs: Mask, rhs: Mask) -> Bool {
        guard lhs.width == rhs.width, lhs.height == rhs.height else { return false }
        if lhs.storage === rhs.storage { return true }
        return memcmp(lhs.storage.bytes, rhs.storage.bytes, lhs.byteCount) == 0
    }
}

extension Mask: CustomStringConvertible {
    public var description: String { "Mask(\(width)x\(height))" }
}
