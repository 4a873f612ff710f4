/// Reads typed values off the front of a fuzz input, as LLVM's FuzzedDataProvider does: each
/// read consumes bytes, and an exhausted input reads as zeros, so every input is usable.
struct FuzzInput {
    private let bytes: UnsafeRawBufferPointer
    private var at = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var isEmpty: Bool { at >= bytes.count }

    mutating func byte() -> UInt8 {
        guard at < bytes.count else { return 0 }
        defer { at += 1 }
        return bytes[at]
    }

    mutating func bool() -> Bool { byte() & 1 == 1 }

    /// A value in `range`, from as few bytes as it needs.
    mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound)
        var value: UInt64 = 0
        var reach: UInt64 = 0
        while reach < span {
            value = value << 8 | UInt64(byte())
            reach = reach << 8 | 0xFF
        }
        return range.lowerBound + Int(span == .max ? value : value % (span + 1))
    }

    /// One of `choices`.
    mutating func pick<T>(_ choices: [T]) -> T { choices[int(in: 0...(choices.count - 1))] }

    /// Any double, NaN and the infinities included, a third of the time; otherwise a coordinate
    /// in −64…1,088 (around a 1,024-pixel picture) or a fraction.
    mutating func double() -> Double {
        switch byte() % 6 {
        case 0: return Double(bitPattern: UInt64(int(in: 0...Int.max)) << 1 | UInt64(byte() & 1))
        case 1: return [Double.nan, .infinity, -.infinity, 0, -0.0, .greatestFiniteMagnitude, .ulpOfOne][int(in: 0...6)]
        case 2: return Double(int(in: 0...1_000)) / 1_000
        default: return Double(int(in: 0...1_152 * 16)) / 16 - 64
        }
    }

    /// A string of up to `maxCount` scalars: ASCII, Arabic, Hebrew, CJK, combining marks,
    /// controls, emoji, bidi marks — what labels and OCR lines hold.
    mutating func string(maxCount: Int = 24) -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<int(in: 0...maxCount) {
            let base: [UInt32] = [0x20, 0x41, 0x600, 0x5D0, 0x4E00, 0x300, 0x0, 0x1F600, 0x200E, 0xAC00, 0x900, 0xE00]
            let scalar = base[int(in: 0...(base.count - 1))] + UInt32(byte() & 0x3F)
            if let s = Unicode.Scalar(scalar) { text.append(s) }
        }
        return String(text)
    }

    /// The rest of the input.
    mutating func rest() -> UnsafeRawBufferPointer {
        defer { at = bytes.count }
        return at < bytes.count ? UnsafeRawBufferPointer(rebasing: bytes[at...]) : UnsafeRawBufferPointer(start: nil, count: 0)
    }
}
