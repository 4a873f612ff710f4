import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Image {
    /// Draws a paragraph so that `style.anchor` of its box (grown by the background's padding)
    /// lands on `point`, turned by `style.angle` around that point. Draws, in order, the
    /// background box, the halo, the glyphs, each composited "over".
    ///
    /// Upright text is drawn from FreeType's hinted glyph bitmaps at whole pixels (the anchor
    /// is rounded), exactly as FreeType renders them; turned text is drawn from the glyphs'
    /// outlines through the path rasterizer. Returns the drawn box's bounds in the image (before
    /// clipping), or nil when `point` or the angle is not finite (nothing is drawn).
    @discardableResult
    public mutating func draw(_ block: TextBlock, at point: Point, style: TextStyle, engine: TextEngine = .shared) -> Rect? {
        var list = DrawList()
        let bounds = list.draw(block, at: point, style: style, engine: engine)
        draw(list, bands: 1)
        return bounds
    }

    /// Draws a paragraph mapped by `transform` from block coordinates (see ``TextBlock``) to the
    /// image; `style.angle` and `style.anchor` are not used. A whole-pixel translation draws
    /// hinted bitmaps; any other map draws outlines. Returns the box's image bounds.
    @discardableResult
    public mutating func draw(_ block: TextBlock, transform: AffineTransform, style: TextStyle, engine: TextEngine = .shared) -> Rect? {
        var list = DrawList()
        let bounds = list.draw(block, transform: transform, style: style, engine: engine)
        draw(list, bands: 1)
        return bounds
    }
}

extension DrawList {
    /// Records a paragraph as ``Image/draw(_:at:style:engine:)`` draws it.
    @discardableResult
    public mutating func draw(_ block: TextBlock, at point: Point, style: TextStyle, engine: TextEngine = .shared) -> Rect? {
        guard point.x.isFinite, point.y.isFinite, style.angle.isFinite else { return nil }
        let box = Self.box(of: block, style: style)
        let pin = Point(x: box.x + style.anchor.x * box.width, y: box.y + style.anchor.y * box.height)
        var turn = style.angle.truncatingRemainder(dividingBy: 360)
        if turn < 0 { turn += 360 }
        var transform = AffineTransform.translation(x: -pin.x, y: -pin.y)
        if turn != 0 { transform = transform.then(.rotation(radians: turn * Double.pi / 180)) }
        transform = transform.then(.translation(x: point.x, y: point.y))
        if turn == 0 { transform.tx = transform.tx.rounded(); transform.ty = transform.ty.rounded() }
        return draw(block, transform: transform, style: style, engine: engine)
    }

    /// Records a paragraph as ``Image/draw(_:transform:style:engine:)`` draws it: the
    /// background, the halo, then the glyphs.
    @discardableResult
    public mutating func draw(_ block: TextBlock, transform: AffineTransform, style: TextStyle, engine: TextEngine = .shared) -> Rect? {
        let box = Self.box(of: block, style: style)
        let corners = [
            Point(x: box.minX, y: box.minY), Point(x: box.maxX, y: box.minY),
            Point(x: box.maxX, y: box.maxY), Point(x: box.minX, y: box.maxY),
        ].map(transform.apply)
        guard corners.allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
        let xs = corners.map(\.x), ys = corners.map(\.y)
        let bounds = Rect(x: xs.min()!, y: ys.min()!, width: xs.max()! - xs.min()!, height: ys.max()! - ys.min()!)
        if let background = style.background, background.color.a > 0 {
            let radius = max(0, min(background.cornerRadius, box.width / 2, box.height / 2))
            try? fill(Path.roundedRectangle(box, radius: radius).applying(transform), with: background.color)
        }
        let needsOutlines = !transform.isIntegerTranslation || (style.halo.map { $0.width > 0 && $0.color.a > 0 } ?? false)
        let outlines = needsOutlines ? Self.outlines(of: block, engine: engine, wholePixels: transform.isIntegerTranslation) : Path()
        if let halo = style.halo, halo.width > 0, halo.color.a > 0, halo.width.isFinite,
            let grown = try? outlines.applying(transform).grown(by: halo.width)
        {
            try? fill(grown, with: halo.color)
        }
        guard style.color.a > 0 else { return bounds }
        if transform.isIntegerTranslation {
            for line in block.lines {
                draw(
                    line.line, at: Point(x: line.origin.x + transform.tx, y: line.origin.y + transform.ty), color: style.color,
                    engine: engine)
            }
        } else {
            try? fill(outlines.applying(transform), with: style.color)
        }
        return bounds
    }

    /// The block's box grown by the background padding.
    static func box(of block: TextBlock, style: TextStyle) -> Rect {
        let pad = style.background.map { $0.padding.isFinite ? max($0.padding, 0) : 0 } ?? 0
        return Rect(x: -pad, y: -pad, width: block.width + 2 * pad, height: block.height + 2 * pad)
    }

    /// Every glyph's outline at its place in the block; with `wholePixels`, pen positions are
    /// rounded as the bitmaps' are, so a halo sits exactly under bitmap glyphs.
    static func outlines(of block: TextBlock, engine: TextEngine, wholePixels: Bool) -> Path {
        var path = Path()
        for line in block.lines {
            for g in line.line.glyphs {
                guard let outline = engine.outline(face: g.face, glyph: g.glyph) else { continue }
                let x = line.origin.x + g.x, y = line.origin.y + g.y
                path.append(outline.applying(.translation(x: wholePixels ? x.rounded() : x, y: wholePixels ? y.rounded() : y)))
            }
        }
        return path
    }
}
