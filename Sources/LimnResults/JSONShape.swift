import Foundation

/// What format detection needs to know about a response body: which keys it has, what kind
/// of value each holds, and which keys an object value has. Two sources: a quick scan of the
/// top level of the raw bytes (no values parsed), or an already parsed object.
struct JSONShape {
    enum Kind { case object, array, string, number, literal }

    private var kinds: [String: Kind] = [:]
    private var nested: [String: Set<String>] = [:]

    var keys: [String] { kinds.keys.sorted() }
    func has(_ key: String) -> Bool { kinds[key] != nil }
    func kind(_ key: String) -> Kind? { kinds[key] }
    /// The keys of an object value (empty for other values).
    func keys(of key: String) -> Set<String> { nested[key] ?? [] }

    init(object: [String: Any]) {
        for (key, value) in object {
            switch value {
            case let o as [String: Any]: kinds[key] = .object; nested[key] = Set(o.keys)
            case is [Any]: kinds[key] = .array
            case is String: kinds[key] = .string
            case is NSNumber: kinds[key] = .number
            default: kinds[key] = .literal
            }
        }
    }

    /// Scans the top-level object of `bytes` (and the keys of its object values) without
    /// parsing values; nil when the top level is not an object or the text is not balanced
    /// (the full parser then reports what is wrong).
    init?(scanning bytes: UnsafeRawBufferPointer) {
        let b = bytes.bindMemory(to: UInt8.self)
        var i = 0
        func skipSpace() { while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 } }
        /// The string starting at `i` (on its quote): its byte range and whether it holds escapes;
        /// leaves `i` after it. Nil when it does not end.
        func stringRange() -> (range: Range<Int>, escaped: Bool)? {
            guard i < b.count, b[i] == 0x22 else { return nil }
            let start = i + 1
            i += 1
            var escaped = false
            while i < b.count {
                if b[i] == 0x5C { escaped = true; i += 2; continue }
                if b[i] == 0x22 { break }
                i += 1
            }
            guard i < b.count else { return nil }
            defer { i += 1 }
            return (start..<i, escaped)
        }
        /// A key: nil when it does not end or holds escapes (the full parser handles those).
        func string() -> String? {
            guard let (range, escaped) = stringRange(), !escaped else { return nil }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        /// Skips one value starting at `i`; returns its kind.
        func skipValue() -> Kind? {
            skipSpace()
            guard i < b.count else { return nil }
            switch b[i] {
            case 0x22: return stringRange() == nil ? nil : .string
            case 0x7B, 0x5B:
                let kind: Kind = b[i] == 0x7B ? .object : .array
                var depth = 0
                while i < b.count {
                    switch b[i] {
                    case 0x22:
                        i += 1
                        while i < b.count && b[i] != 0x22 { i += b[i] == 0x5C ? 2 : 1 }
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D:
                        depth -= 1
                        if depth == 0 { i += 1; return kind }
                    default: break
                    }
                    i += 1
                }
                return nil
            case 0x2D, 0x30...0x39:
                while i < b.count, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x5D { i += 1 }
                return .number
            default:
                while i < b.count, b[i] != 0x2C, b[i] != 0x7D, b[i] != 0x5D { i += 1 }
                return .literal
            }
        }
        /// The keys of the object at `i`, and (when `deep`) of its object values.
        func object(deep: Bool, into shape: inout JSONShape) -> Bool {
            skipSpace()
            guard i < b.count, b[i] == 0x7B else { return false }
            i += 1
            skipSpace()
            if i < b.count, b[i] == 0x7D { i += 1; return true }
            while i < b.count {
                skipSpace()
                guard let key = string() else { return false }
                skipSpace()
                guard i < b.count, b[i] == 0x3A else { return false }
                i += 1
                skipSpace()
                if deep, i < b.count, b[i] == 0x7B {
                    var inner = JSONShape()
                    guard object(deep: false, into: &inner) else { return false }
                    shape.kinds[key] = .object
                    shape.nested[key] = Set(inner.kinds.keys)
                } else {
                    guard let kind = skipValue() else { return false }
                    shape.kinds[key] = kind
                }
                skipSpace()
                guard i < b.count else { return false }
                if b[i] == 0x2C { i += 1; continue }
                if b[i] == 0x7D { i += 1; return true }
                return false
            }
            return false
        }
        var shape = JSONShape()
        guard object(deep: true, into: &shape) else { return nil }
        skipSpace()
        guard i == b.count else { return nil }
        self = shape
    }

    private init() {}
}
