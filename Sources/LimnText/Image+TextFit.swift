import LimnRaster

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Image {
    /// Draws `text` as one line fitted into a quadrilateral given as its top-left, top-right,
    /// bottom-right and bottom-left corners *in the text's own frame* (an OCR polygon: for
    /// vertical text the first corner is the image's top-right). The text follows the top
    /// edge's direction; its line height (ascent + descent) fills the quadrilateral's height and
    /// its advance the top edge's length (condensed or widened by at most 1.6× from its natural
    /// shape, then centered). Drawn from outlines at any angle; `style.angle` and `style.anchor`
    /// are not used, a background fills the fitted text box.
    ///
    /// Returns false (nothing drawn) for fewer than four points, a non-finite coordinate, a
    /// quadrilateral without area, or a string that inks nothing.
    @discardableResult
    public mutating func draw(
        _ text: String, fittedTo quad: [Point], font: Font, style: TextStyle,
        engine: TextEngine = .shared
    ) throws -> Bool {
        var list = DrawList()
        guard try list.draw(text, fittedTo: quad, font: font, style: style, engine: engine) else { return false }
        draw(list, bands: 1)
        return true
    }

    /// Text is laid out at this size and scaled: outlines are unhinted, so scaling is exact, and
    /// one face per font serves every polygon size.
    static let fitReferenceSize = 64.0

    /// The text laid out at the reference size, and the map from it into the quadrilateral.
    static func fitTransform(
        _ text: String, quad: [Point], font: Font, engine: TextEngine
    ) throws(TextError) -> (TextBlock, AffineTransform)? {
        guard quad.count >= 4, quad.prefix(4).allSatisfy({ $0.x.isFinite && $0.y.isFinite }) else { return nil }
        let p0 = quad[0], p1 = quad[1], p2 = quad[2], p3 = quad[3]
        let ux = p1.x - p0.x, uy = p1.y - p0.y
        let length = (ux * ux + uy * uy).squareRoot()
        guard length > 1e-6 else { return nil }
        let dx = ux / length, dy = uy / length
        // Height: how far the bottom corners lie from the top edge, on the side of its normal.
        let height = ((p3.x - p0.x) * -dy + (p3.y - p0.y) * dx + (p2.x - p0.x) * -dy + (p2.y - p0.y) * dx) / 2
        guard height > 1e-6, height.isFinite else { return nil }
        let block = try engine.paragraph(
            for: text, font: Font(family: font.family, path: font.path, size: fitReferenceSize), options: TextLayoutOptions())
        guard block.width > 0, block.height > 0 else { return nil }
        let sy = height / block.height
        let sx = min(max(length / block.width, sy / 1.6), sy * 1.6)
        let slack = (length - block.width * sx) / 2
        let transform = AffineTransform.scale(x: sx, y: sy)
            .then(.translation(x: slack, y: 0))
            .then(AffineTransform(a: dx, b: dy, c: -dy, d: dx, tx: p0.x, ty: p0.y))
        return (block, transform)
    }
}

extension DrawList {
    /// Records `text` fitted into a quadrilateral, as ``Image/draw(_:fittedTo:font:style:engine:)`` draws it.
    @discardableResult
    public mutating func draw(
        _ text: String, fittedTo quad: [Point], font: Font, style: TextStyle,
        engine: TextEngine = .shared
    ) throws -> Bool {
        guard let (block, transform) = try Image.fitTransform(text, quad: quad, font: font, engine: engine) else { return false }
        draw(block, transform: transform, style: style, engine: engine)
        return true
    }
}

extension Font {
    init(family: String, path: String?, size: Double) {
        if let path { self.init(path: path, size: size) } else { self.init(family: family, size: size) }
        self.family = family
    }
}
