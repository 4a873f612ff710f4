import CFreeType
import LimnRaster

extension FreeTypeCalls.Face {
    /// The glyph's outline in pixels at this face's size, unhinted (`FT_LOAD_NO_HINTING`, so it
    /// scales and rotates truly), pen at the origin, y down; decomposed with
    /// `FT_Outline_Decompose`. Nil for a glyph without an outline (a bitmap-only font).
    func outline(_ glyph: UInt32) -> Path? {
        let flags = FT_Int32(FT_LOAD_NO_HINTING) | FT_Int32(FT_LOAD_NO_BITMAP)
        guard FT_Load_Glyph(face, glyph, flags) == 0,
            face.pointee.glyph.pointee.format == FT_GLYPH_FORMAT_OUTLINE
        else { return nil }
        final class Builder { var path = Path() }
        let builder = Builder()
        func point(_ v: UnsafePointer<FT_Vector>?) -> Point {
            guard let v else { return .zero }
            return Point(x: Double(v.pointee.x) / 64, y: -Double(v.pointee.y) / 64)
        }
        var funcs = FT_Outline_Funcs(
            move_to: { to, user in
                let b = Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue()
                if !b.path.elements.isEmpty { b.path.close() }
                b.path.move(to: point(to)); return 0
            },
            line_to: { to, user in
                Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.line(to: point(to)); return 0
            },
            conic_to: { control, to, user in
                Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.quad(to: point(to), control: point(control)); return 0
            },
            cubic_to: { c1, c2, to, user in
                Unmanaged<Builder>.fromOpaque(user!).takeUnretainedValue().path.cubic(
                    to: point(to), control1: point(c1), control2: point(c2));
                return 0
            },
            shift: 0, delta: 0)
        var outline = face.pointee.glyph.pointee.outline
        let status = withExtendedLifetime(builder) {
            FT_Outline_Decompose(&outline, &funcs, Unmanaged.passUnretained(builder).toOpaque())
        }
        guard status == 0 else { return nil }
        if !builder.path.elements.isEmpty { builder.path.close() }
        return builder.path
    }
}
