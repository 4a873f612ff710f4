import CGIF
import LimnRaster

/// GIFs for the tests, written by giflib's own encoder (`EGif*`), so the decoder is checked
/// against pictures the library made: frames at offsets, local and global color tables,
/// interlace, transparency and delays in graphic control blocks.
public struct GIFWriter {
    public struct Frame {
        public var left: Int
        public var top: Int
        public var width: Int
        public var height: Int
        /// `width × height` palette indices, rows top to bottom (the writer interlaces them).
        public var indices: [UInt8]
        public var palette: [Pixel]?
        public var interlaced: Bool
        public var transparentIndex: Int?
        /// Hundredths of a second.
        public var delay: Int
        /// What happens to the frame before the next: 0/1 keep, 2 clear its rectangle, 3 restore.
        public var disposal: Int

        public init(
            left: Int = 0, top: Int = 0, width: Int, height: Int, indices: [UInt8], palette: [Pixel]? = nil,
            interlaced: Bool = false, transparentIndex: Int? = nil, delay: Int = 0, disposal: Int = 0
        ) {
            self.left = left; self.top = top; self.width = width; self.height = height; self.indices = indices
            self.palette = palette; self.interlaced = interlaced; self.transparentIndex = transparentIndex; self.delay = delay
            self.disposal = disposal
        }
    }

    public var width: Int
    public var height: Int
    public var palette: [Pixel]?
    public var frames: [Frame]

    public init(width: Int, height: Int, palette: [Pixel]?, frames: [Frame]) {
        self.width = width; self.height = height; self.palette = palette; self.frames = frames
    }

    /// Collects what the encoder writes.
    private final class Sink { var bytes: [UInt8] = [] }

    /// The file's bytes; nil when giflib refuses the description.
    public func encode() -> [UInt8]? {
        let sink = Sink()
        var error: Int32 = 0
        let write: OutputFunc = { gif, data, count in
            guard let gif, let data, count > 0, let user = gif.pointee.UserData else { return 0 }
            Unmanaged<Sink>.fromOpaque(user).takeUnretainedValue().bytes += UnsafeBufferPointer(start: data, count: Int(count))
            return count
        }
        guard let gif = EGifOpen(Unmanaged.passUnretained(sink).toOpaque(), write, &error) else { return nil }
        var ok = true
        EGifSetGifVersion(gif, true)
        let global = palette.flatMap(Self.map)
        ok = ok && EGifPutScreenDesc(gif, Int32(width), Int32(height), 8, 0, global) == GIF_OK
        for frame in frames {
            if frame.transparentIndex != nil || frame.delay != 0 || frame.disposal != 0 {
                let t = frame.transparentIndex ?? 0
                let flags = UInt8(frame.disposal & 7) << 2 | (frame.transparentIndex == nil ? 0 : 1)
                var block: [UInt8] = [flags, UInt8(frame.delay & 0xFF), UInt8(frame.delay >> 8), UInt8(t)]
                ok = ok && EGifPutExtension(gif, GRAPHICS_EXT_FUNC_CODE, 4, &block) == GIF_OK
            }
            let local = frame.palette.flatMap(Self.map)
            ok =
                ok
                && EGifPutImageDesc(
                    gif, Int32(frame.left), Int32(frame.top), Int32(frame.width), Int32(frame.height),
                    frame.interlaced, local) == GIF_OK
            let rows =
                frame.interlaced
                ? [(0, 8), (4, 8), (2, 4), (1, 2)].flatMap { start, step in Array(stride(from: start, to: frame.height, by: step)) }
                : Array(0..<frame.height)
            for y in rows where ok {
                var line = Array(frame.indices[y * frame.width..<(y + 1) * frame.width])
                ok = EGifPutLine(gif, &line, Int32(frame.width)) == GIF_OK
            }
            if let local { GifFreeMapObject(local) }
        }
        ok = EGifCloseFile(gif, &error) == GIF_OK && ok
        if let global { GifFreeMapObject(global) }
        return ok ? sink.bytes : nil
    }

    /// A giflib color map of `colors`, padded with black to a power of two (at least 2).
    private static func map(_ colors: [Pixel]) -> UnsafeMutablePointer<ColorMapObject>? {
        var count = 2
        while count < colors.count { count *= 2 }
        var entries = (0..<count).map { i in
            i < colors.count
                ? GifColorType(Red: colors[i].r, Green: colors[i].g, Blue: colors[i].b) : GifColorType(Red: 0, Green: 0, Blue: 0)
        }
        return GifMakeMapObject(Int32(count), &entries)
    }
}
