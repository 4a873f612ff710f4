import CGIF

/// Every giflib call Limn makes, in one place, through the low-level reader (`DGifOpen`,
/// `DGifGetRecordType`, `DGifGetImageDesc`, `DGifGetLine`, `DGifGetExtension`, `DGifGetCode`),
/// which reports failure by return value and an error code: no `longjmp`, and nothing is read
/// that the caller does not ask for (`DGifSlurp` would decode every frame of a file at once).
/// The bytes are read from memory through a callback.
enum Giflib {
    struct Failure: Error {
        /// giflib's `D_GIF_ERR_*` code.
        var code: Int32
        var message: String
        /// The data ended before the picture did.
        var isTruncation: Bool { code == D_GIF_ERR_READ_FAILED || code == D_GIF_ERR_EOF_TOO_SOON }
    }

    /// What the read callback reads from, through the file's `UserData`.
    final class Source {
        let bytes: UnsafeRawBufferPointer
        var offset = 0
        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
    }

    /// An image descriptor: where the frame sits on the logical screen, and its own palette.
    struct Frame {
        var left: Int
        var top: Int
        var width: Int
        var height: Int
        var interlaced: Bool
        /// RGB triples of the frame's local color table, when it has one.
        var palette: [UInt8]?
    }

    enum Record { case image, `extension`, end }

    /// One pass over a GIF in memory. The bytes must stay valid for the decoder's lifetime.
    final class Decoder {
        private let file: UnsafeMutablePointer<GifFileType>
        private let source: Source
        let screenWidth: Int
        let screenHeight: Int
        /// RGB triples of the global color table, when there is one.
        let globalPalette: [UInt8]?

        init(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
            source = Source(bytes)
            var error: Int32 = 0
            let read: InputFunc = { gif, buffer, count in
                guard let gif, let buffer, count > 0, let user = gif.pointee.UserData else { return 0 }
                let source = Unmanaged<Source>.fromOpaque(user).takeUnretainedValue()
                let n = min(Int(count), source.bytes.count - source.offset)
                guard n > 0, let base = source.bytes.baseAddress else { return 0 }
                UnsafeMutableRawPointer(buffer).copyMemory(from: base + source.offset, byteCount: n)
                source.offset += n
                return Int32(n)
            }
            guard let opened = DGifOpen(Unmanaged.passUnretained(source).toOpaque(), read, &error) else {
                throw Giflib.failure(error)
            }
            file = opened
            screenWidth = Int(opened.pointee.SWidth)
            screenHeight = Int(opened.pointee.SHeight)
            globalPalette = Giflib.palette(opened.pointee.SColorMap)
        }

        deinit {
            var error: Int32 = 0
            DGifCloseFile(file, &error)
        }

        /// The kind of the next record.
        func nextRecord() throws(Failure) -> Record {
            var type = UNDEFINED_RECORD_TYPE
            guard DGifGetRecordType(file, &type) == GIF_OK else { throw failure() }
            switch type {
            case IMAGE_DESC_RECORD_TYPE: return .image
            case EXTENSION_RECORD_TYPE: return .extension
            case TERMINATE_RECORD_TYPE: return .end
            default: throw Failure(code: D_GIF_ERR_WRONG_RECORD, message: "an unknown record type")
            }
        }

        /// The image descriptor that follows an `.image` record.
        func frame() throws(Failure) -> Frame {
            guard DGifGetImageDesc(file) == GIF_OK else { throw failure() }
            let d = file.pointee.Image
            return Frame(
                left: Int(d.Left), top: Int(d.Top), width: Int(d.Width), height: Int(d.Height),
                interlaced: d.Interlace, palette: Giflib.palette(d.ColorMap))
        }

        /// The next row of palette indices of the current frame (`count` is its width).
        func readRow(into row: UnsafeMutablePointer<UInt8>, count: Int) throws(Failure) {
            guard DGifGetLine(file, row, Int32(count)) == GIF_OK else { throw failure() }
        }

        /// Skips the current frame's compressed data, decoding nothing.
        func skipFrame() throws(Failure) {
            var codeSize: Int32 = 0
            var block: UnsafeMutablePointer<GifByteType>? = nil
            guard DGifGetCode(file, &codeSize, &block) == GIF_OK else { throw failure() }
            while block != nil {
                guard DGifGetCodeNext(file, &block) == GIF_OK else { throw failure() }
            }
        }

        /// An extension's function code and its first data block; the other blocks are skipped.
        func readExtension() throws(Failure) -> (code: Int32, first: [UInt8]) {
            var code: Int32 = 0
            var block: UnsafeMutablePointer<GifByteType>? = nil
            guard DGifGetExtension(file, &code, &block) == GIF_OK else { throw failure() }
            // A block is its length byte followed by that many bytes.
            let first = block.map { b in Array(UnsafeBufferPointer(start: b + 1, count: Int(b[0]))) } ?? []
            while block != nil {
                guard DGifGetExtensionNext(file, &block) == GIF_OK else { throw failure() }
            }
            return (code, first)
        }

        private func failure() -> Failure { Giflib.failure(file.pointee.Error) }
    }

    /// The RGB triples of a color map; nil for none or an empty one.
    static func palette(_ map: UnsafeMutablePointer<ColorMapObject>?) -> [UInt8]? {
        guard let map, map.pointee.ColorCount > 0, let colors = map.pointee.Colors else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(Int(map.pointee.ColorCount) * 3)
        for i in 0..<Int(map.pointee.ColorCount) {
            out += [colors[i].Red, colors[i].Green, colors[i].Blue]
        }
        return out
    }

    static func failure(_ code: Int32) -> Failure {
        let text = GifErrorString(code).map { String(cString: $0) } ?? "giflib error \(code)"
        return Failure(code: code, message: text)
    }

    /// The extension function code of a graphic control block (transparency, disposal, delay).
    static let graphicControl = Int32(GRAPHICS_EXT_FUNC_CODE)
}
