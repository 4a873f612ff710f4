#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 2-D affine map `(x, y) → (a·x + c·y + tx, b·x + d·y + ty)` in image coordinates (y down,
/// so a positive angle turns clockwise on screen). Composition reads left to right:
/// `t.then(u)` applies `t` first.
public struct AffineTransform: Sendable, Hashable {
    /// The x coefficient of x: `x' = a·x + c·y + tx`.
    public var a: Double
    /// The x coefficient of y: `y' = b·x + d·y + ty`.
    public var b: Double
    /// The y coefficient of x: `x' = a·x + c·y + tx`.
    public var c: Double
    /// The y coefficient of y: `y' = b·x + d·y + ty`.
    public var d: Double
    /// The translation along x.
    public var tx: Double
    /// The translation along y.
    public var ty: Double

    /// The map `(x, y) → (a·x + c·y + tx, b·x + d·y + ty)`.
    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    /// The map that leaves every point where it is.
    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    /// The map that moves every point by (`x`, `y`).
    public static func translation(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }

    /// The map that scales x by `x` and y by `y` around the origin (negative values flip).
    public static func scale(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: x, b: 0, c: 0, d: y, tx: 0, ty: 0)
    }

    /// A rotation by `radians` (clockwise on screen) around `center`.
    public static func rotation(radians: Double, around center: Point = .zero) -> AffineTransform {
        let cosine = cos(radians), sine = sin(radians)
        let turn = AffineTransform(a: cosine, b: sine, c: -sine, d: cosine, tx: 0, ty: 0)
        return translation(x: -center.x, y: -center.y).then(turn).then(translation(x: center.x, y: center.y))
    }

    /// This map followed by `next`.
    public func then(_ next: AffineTransform) -> AffineTransform {
        AffineTransform(
            a: next.a * a + next.c * b, b: next.b * a + next.d * b,
            c: next.a * c + next.c * d, d: next.b * c + next.d * d,
            tx: next.a * tx + next.c * ty + next.tx, ty: next.b * tx + next.d * ty + next.ty)
    }

    /// The map that scales a picture of size `from` onto one of size `to` (each axis on its own).
    public static func scaling(from: Size, to: Size) -> AffineTransform {
        scale(x: Double(to.width) / Double(from.width), y: Double(to.height) / Double(from.height))
    }

    /// True when axis-aligned rectangles stay axis-aligned (scales, flips, quarter turns and
    /// translations, nothing sheared or turned by another angle).
    public var keepsRectanglesAligned: Bool { (b == 0 && c == 0) || (a == 0 && d == 0) }

    /// Where the map sends `p`.
    public func apply(_ p: Point) -> Point {
        Point(x: a * p.x + c * p.y + tx, y: b * p.x + d * p.y + ty)
    }

    /// The inverse map; nil when this one collapses the plane (determinant 0 or not finite).
    public var inverted: AffineTransform? {
        let det = a * d - b * c
        guard det != 0, det.isFinite else { return nil }
        let ia = d / det, ib = -b / det, ic = -c / det, id = a / det
        return AffineTransform(a: ia, b: ib, c: ic, d: id, tx: -(ia * tx + ic * ty), ty: -(ib * tx + id * ty))
    }

    /// The smallest rectangle around `r`'s mapped corners: exactly `r` moved when the map is a
    /// translation (the sides are kept, not recomputed from the corners).
    public func apply(_ r: Rect) -> Rect {
        if a == 1 && b == 0 && c == 0 && d == 1 { return r.offsetBy(dx: tx, dy: ty) }
        return Rect(bounding: r.corners.map(apply)) ?? r
    }

    /// True when the map only moves by whole pixels (what bitmap blits can do exactly).
    public var isIntegerTranslation: Bool {
        a == 1 && b == 0 && c == 0 && d == 1 && tx == tx.rounded() && ty == ty.rounded()
    }
}
