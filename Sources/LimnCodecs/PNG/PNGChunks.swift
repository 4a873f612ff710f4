/// Walks a PNG's chunks in Swift before libpng sees any of them, so that no declared length is
/// ever trusted: libpng's simplified reader only warns about an oversized ancillary chunk and
/// then allocates what it declares (a 57-byte file with a `tEXt` chunk declaring 2 GB cost 2 GB
/// and seconds of clearing). Every chunk must have a type of four ASCII letters and a length
/// that fits in the bytes that follow; a chunk other than image data (`IDAT`) may hold at most
/// ``DecodeLimits/maxHeaderBytes``. Allocates nothing.
enum PNGChunks {
    /// A chunk's header: where it starts (its length field), the length it declares, its type.
    struct Header {
        var offset: Int
        var length: Int
        var name: String
        /// Length, type, data and CRC.
        var end: Int { offset + 12 + length }
    }

    /// The header of the chunk at `offset`, or nil when fewer than 8 bytes remain.
    static func header(at offset: Int, in png: UnsafeRawBufferPointer) -> Header? {
        guard offset >= 0, offset + 8 <= png.count else { return nil }
        let p = offset
        let length = Int(png[p]) << 24 | Int(png[p + 1]) << 16 | Int(png[p + 2]) << 8 | Int(png[p + 3])
        return Header(offset: p, length: length, name: String(decoding: png[(p + 4)..<(p + 8)], as: UTF8.self))
    }

    /// Checks the chunks after the signature up to `IEND` (or, with `headerOnly`, up to the
    /// first `IDAT`: all that a header read needs). A chunk cut short, or bytes that end
    /// before `IEND`, are `.truncated`; a malformed type is `.corrupt`; an oversized chunk is
    /// `.overLimit`.
    static func check(_ png: UnsafeRawBufferPointer, source: String, limits: DecodeLimits, headerOnly: Bool) throws(CodecError) {
        var p = 8
        var index = 0
        while true {
            guard let chunk = header(at: p, in: png) else {
                throw CodecError.truncated(
                    source: source, format: .png,
                    detail: index == 0 ? "no IHDR chunk" : "the data ends after chunk \(index) with no IEND chunk")
            }
            let length = chunk.length, name = chunk.name
            let type = png[(p + 4)..<(p + 8)]
            guard type.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                let hex = type.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
                throw CodecError.corrupt(
                    source: source, format: .png, message: "chunk \(index) at byte \(p) has no valid type (bytes \(hex))")
            }
            if headerOnly && name == "IDAT" { return }
            // Lengths are at most 2^31 - 1 by the specification; the chunk must fit in what remains.
            guard length <= Int(Int32.max) else {
                throw CodecError.corrupt(
                    source: source, format: .png,
                    message: "the \(name) chunk at byte \(p) declares \(length) bytes, more than a PNG chunk may hold")
            }
            let remaining = png.count - p - 12
            if name != "IDAT" && length > limits.maxHeaderBytes {
                let follow = length > remaining ? " (and only \(max(remaining, 0)) follow)" : ""
                throw CodecError.overLimit(
                    source: source, what: "its \(name) chunk at byte \(p) declares \(length) bytes\(follow)",
                    limit: "at most \(limits.maxHeaderBytes) bytes in a chunk other than image data")
            }
            guard length <= remaining else {
                throw CodecError.truncated(
                    source: source, format: .png,
                    detail: "the \(name) chunk at byte \(p) declares \(length) bytes, but only \(max(remaining, 0)) follow")
            }
            if name == "IEND" { return }
            p = chunk.end
            index += 1
        }
    }
}
