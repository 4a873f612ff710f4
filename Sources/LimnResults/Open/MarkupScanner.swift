/// The tags and text of an XML or XHTML document, one at a time (no tree is built, nothing
/// recurses): enough for hOCR, which is XHTML. Declarations, doctypes, comments and
/// processing instructions are skipped; CDATA is text; the five named entities and numeric
/// references are decoded. Malformed markup (a tag that does not end, an attribute without
/// a value) throws with the byte offset.
struct MarkupScanner {
    enum Event: Equatable {
        case open(name: String, attributes: [String: String], selfClosing: Bool)
        case close(name: String)
        case text(String)
    }

    struct Malformed: Error {
        var offset: Int
        var reason: String
    }

    private let bytes: [UInt8]
    private var i = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
    }

    var offset: Int { i }

    mutating func next() throws(Malformed) -> Event? {
        while i < bytes.count {
            if bytes[i] != UInt8(ascii: "<") {
                let start = i
                while i < bytes.count, bytes[i] != UInt8(ascii: "<") { i += 1 }
                return .text(try Self.decode(bytes[start..<i], at: start))
            }
            if starts(with: "<!--") {
                try skip(past: "-->")
            } else if starts(with: "<![CDATA[") {
                let start = i + 9
                try skip(past: "]]>")
                return .text(String(decoding: bytes[start..<(i - 3)], as: UTF8.self))
            } else if starts(with: "<!") || starts(with: "<?") {
                try skip(past: ">")
            } else if starts(with: "</") {
                i += 2
                let name = readName()
                skipSpace()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ">") else {
                    throw Malformed(offset: i, reason: "an end tag that does not close")
                }
                i += 1
                guard !name.isEmpty else { throw Malformed(offset: i, reason: "an end tag without a name") }
                return .close(name: name)
            } else {
                i += 1
                let name = readName()
                guard !name.isEmpty else { throw Malformed(offset: i, reason: "a '<' that opens no tag") }
                var attributes: [String: String] = [:]
                while true {
                    skipSpace()
                    guard i < bytes.count else { throw Malformed(offset: i, reason: "a tag <\(name)> that does not end") }
                    if bytes[i] == UInt8(ascii: ">") {
                        i += 1
                        return .open(name: name, attributes: attributes, selfClosing: false)
                    }
                    if starts(with: "/>") {
                        i += 2
                        return .open(name: name, attributes: attributes, selfClosing: true)
                    }
                    let key = readName()
                    guard !key.isEmpty else { throw Malformed(offset: i, reason: "an attribute without a name in <\(name)>") }
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "=") else {
                        throw Malformed(offset: i, reason: "the attribute \(key) of <\(name)> has no value")
                    }
                    i += 1
                    skipSpace()
                    attributes[key] = try readValue(name)
                }
            }
        }
        return nil
    }

    private func starts(with text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        return text.withUTF8Buffer { t in (0..<n).allSatisfy { bytes[i + $0] == t[$0] } }
    }

    private mutating func skip(past end: StaticString) throws(Malformed) {
        let start = i
        while i < bytes.count {
            if starts(with: end) {
                i += end.utf8CodeUnitCount
                return
            }
            i += 1
        }
        throw Malformed(offset: start, reason: "markup that does not end")
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 }
    }

    private mutating func readName() -> String {
        let start = i
        while i < bytes.count {
            let b = bytes[i]
            let isName =
                (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
                || b == 0x3A || b == 0x2E || b >= 0x80
            guard isName else { break }
            i += 1
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func readValue(_ tag: String) throws(Malformed) -> String {
        guard i < bytes.count else { throw Malformed(offset: i, reason: "a tag <\(tag)> that does not end") }
        let quote = bytes[i]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = i + 1
            i += 1
            while i < bytes.count, bytes[i] != quote { i += 1 }
            guard i < bytes.count else { throw Malformed(offset: start, reason: "an attribute value of <\(tag)> that does not end") }
            i += 1
            return try Self.decode(bytes[start..<(i - 1)], at: start)
        }
        let start = i
        while i < bytes.count, ![0x20, 0x0A, 0x0D, 0x09, 0x3E].contains(bytes[i]), !starts(with: "/>") { i += 1 }
        return try Self.decode(bytes[start..<i], at: start)
    }

    /// Text with its entity references decoded.
    static func decode(_ text: ArraySlice<UInt8>, at offset: Int) throws(Malformed) -> String {
        guard text.contains(UInt8(ascii: "&")) else { return String(decoding: text, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var k = text.startIndex
        while k < text.endIndex {
            guard text[k] == UInt8(ascii: "&") else {
                out.append(text[k])
                k += 1
                continue
            }
            guard let semicolon = text[k...].prefix(12).firstIndex(of: UInt8(ascii: ";")) else {
                out.append(text[k])  // a bare '&', as HTML writers leave them
                k += 1
                continue
            }
            let name = String(decoding: text[(k + 1)..<semicolon], as: UTF8.self)
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
            if let value = named[name] {
                out += Array(value.utf8)
            } else if name.hasPrefix("#") {
                let digits = name.dropFirst()
                let code = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                guard let code, let scalar = Unicode.Scalar(code) else {
                    throw Malformed(offset: offset + (k - text.startIndex), reason: "the character reference &\(name); names no character")
                }
                out += Array(String(Character(scalar)).utf8)
            } else {
                out += text[k...semicolon]
            }
            k = semicolon + 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
