import CFreeType
import CHarfBuzz
import LimnRaster

/// Every FreeType and HarfBuzz call, in one place. Neither ever jumps out of a call: errors are
/// return codes. A `Face` is one font file at one size, with its HarfBuzz font; it is not
/// thread-safe, so the engine that owns it uses it under its own lock.
enum FreeTypeCalls {
    /// The FreeType library handle (`FT_Init_FreeType`); nil if FreeType cannot start. One for
    /// the process, shared by every engine.
    nonisolated(unsafe) static let library: FT_Library? = {
        var lib: FT_Library? = nil
        return FT_Init_FreeType(&lib) == 0 ? lib : nil
    }()

    /// Held around every face's creation and disposal, whichever engine owns it: FreeType keeps
    /// one list of faces per driver in the library, and requires `FT_New_Face` and
    /// `FT_Done_Face` on one library to run one at a time (other calls on distinct faces may run
    /// in parallel). Engines made and dropped on several threads corrupted that list without it.
    static let faceLifecycle = Lock()

    /// One font file (a face of it, by index) with its HarfBuzz font. Its size is switched to
    /// whatever a call needs (`use(size:)`): one FreeType face per file serves every size, so a
    /// batch of pictures of many sizes does not load a face per size. Not thread-safe: the
    /// engine uses it under its lock.
    final class Face: @unchecked Sendable {
        let face: FT_Face
        let hbFont: OpaquePointer
        /// One HarfBuzz buffer, cleared and reused for every run shaped with this face.
        let buffer: OpaquePointer?
        let path: String
        /// The size set now, in 26.6 fixed point (0: none yet).
        private var current: Int = 0

        /// Wraps `FT_New_Face` and `hb_ft_font_create_referenced`.
        init(path: String, index: Int) throws(TextError) {
            guard let library = FreeTypeCalls.library else { throw TextError.cannotLoadFont(path: path, reason: "FreeType did not start") }
            var face: FT_Face? = nil
            // HarfBuzz takes a reference to the face (`FT_Reference_Face`), released with its font.
            let (error, hbFont) = FreeTypeCalls.faceLifecycle.withLock { () -> (FT_Error, OpaquePointer?) in
                let error = FT_New_Face(library, path, FT_Long(index), &face)
                guard error == 0, let face else { return (error, nil) }
                return (error, hb_ft_font_create_referenced(face))
            }
            guard error == 0, let face, let hbFont else {
                throw TextError.cannotLoadFont(path: path, reason: "FreeType error \(error)")
            }
            self.face = face
            self.path = path
            self.hbFont = hbFont
            self.buffer = hb_buffer_create()
        }

        deinit {
            if let buffer { hb_buffer_destroy(buffer) }
            // Both release a reference to the face; the last one runs FT_Done_Face's disposal.
            FreeTypeCalls.faceLifecycle.withLock {
                hb_font_destroy(hbFont)
                FT_Done_Face(face)
            }
        }

        /// Ascent and descent in pixels (positive), at a size.
        struct Metrics { var ascent: Double, descent: Double }

        /// Sets the size (26.6 pixels; 1 pt = 1 px at 72 dpi) with `FT_Set_Char_Size`, and tells
        /// HarfBuzz (`hb_ft_font_changed`); nothing when it is already set. Nil when FreeType
        /// refuses the size.
        @discardableResult
        func use(size: Int) -> Metrics? {
            if size != current {
                guard FT_Set_Char_Size(face, 0, FT_F26Dot6(size), 72, 72) == 0 else { return nil }
                hb_ft_font_changed(hbFont)
                current = size
            }
            let metrics = face.pointee.size.pointee.metrics
            return Metrics(ascent: Double(metrics.ascender) / 64, descent: -Double(metrics.descender) / 64)
        }

        /// Wraps `FT_Get_Char_Index`: 0 when the face lacks the character.
        func glyph(for scalar: UInt32) -> UInt32 { UInt32(FT_Get_Char_Index(face, FT_ULong(scalar))) }

        /// Shapes `count` code points starting at `start` of `text` (the rest is context) with
        /// `hb_shape`. Returns glyph ids, clusters and positions in pixels, in visual order.
        func shape(_ text: [UInt32], start: Int, count: Int, rightToLeft: Bool) -> [ShapedGlyph] {
            guard let buffer else { return [] }
            hb_buffer_clear_contents(buffer)
            text.withUnsafeBufferPointer { p in
                hb_buffer_add_utf32(buffer, p.baseAddress, Int32(p.count), UInt32(start), Int32(count))
            }
            hb_buffer_set_direction(buffer, rightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR)
            hb_buffer_guess_segment_properties(buffer)
            hb_shape(hbFont, buffer, nil, 0)
            var n: UInt32 = 0
            guard let infos = hb_buffer_get_glyph_infos(buffer, &n), let positions = hb_buffer_get_glyph_positions(buffer, &n) else {
                return []
            }
            return (0..<Int(n)).map { i in
                ShapedGlyph(
                    glyph: infos[i].codepoint, cluster: Int(infos[i].cluster),
                    advance: Double(positions[i].x_advance) / 64, offsetX: Double(positions[i].x_offset) / 64,
                    offsetY: Double(positions[i].y_offset) / 64)
            }
        }

        /// Renders a glyph with `FT_Load_Glyph` and `FT_Render_Glyph` in 8-bit grayscale.
        func render(_ glyph: UInt32) -> GlyphBitmap? {
            guard FT_Load_Glyph(face, glyph, FT_Int32(FT_LOAD_DEFAULT)) == 0,
                FT_Render_Glyph(face.pointee.glyph, FT_RENDER_MODE_NORMAL) == 0
            else { return nil }
            let slot = face.pointee.glyph.pointee
            let bitmap = slot.bitmap
            let w = Int(bitmap.width), h = Int(bitmap.rows), pitch = Int(bitmap.pitch)
            var pixels = [UInt8](repeating: 0, count: w * h)
            if let buffer = bitmap.buffer, w > 0, h > 0, bitmap.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) {
                for y in 0..<h {
                    let row = pitch >= 0 ? buffer + y * pitch : buffer + (h - 1 - y) * (-pitch)
                    for x in 0..<w { pixels[y * w + x] = row[x] }
                }
            }
            return GlyphBitmap(width: w, height: h, left: Int(slot.bitmap_left), top: Int(slot.bitmap_top), pixels: pixels)
        }
    }
}

/// One shaped glyph: its id in its face, the code point index it came from, and its placement.
struct ShapedGlyph {
    var glyph: UInt32
    var cluster: Int
    var advance: Double
    var offsetX: Double
    var offsetY: Double
}

/// A rendered glyph: coverage rows, and where its top-left sits relative to the pen (FreeType's
/// `bitmap_left` and `bitmap_top`, y up).
public struct GlyphBitmap: Sendable, Equatable {
    /// The number of columns.
    public var width: Int
    /// The number of rows.
    public var height: Int
    /// Columns from the pen to the bitmap's left edge.
    public var left: Int
    /// Rows from the baseline up to the bitmap's top edge.
    public var top: Int
    /// `width × height` coverage values, 0…255, rows top to bottom.
    public var pixels: [UInt8]
}
