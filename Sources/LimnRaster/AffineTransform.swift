#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 2-D affine map `(x, y) → (a·x + c·y + tx, b·x + d·y + ty)` in image coordinates (y down,
/// so a positive angle turns clockwise on screen). Composition reads left to right:
/// `t.then(u)` applies `t` first.
public struct AffineTransform: Sendable, Hashable {
    public var a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double

    public init(a: Double, b: Double, c: Double, d: Double, tx: Double, ty: Double) {
        self.a = a; self.b = b; self.c = c; self.d = d; self.tx = tx; self.ty = ty
    }

    public static let identity = AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: 0, ty: 0)

    public static func translation(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: 1, b: 0, c: 0, d: 1, tx: x, ty: y)
    }

    public static func scale(x: Double, y: Double) -> AffineTransform {
        AffineTransform(a: x, b: 0, c: 0, d: y, tx: 0, ty: 0)
    }

    /// A rotation by `radians` (clockwise on screen) around `centre`.
    public static func rotation(radians: Double, around centre: Point = .zero) -> AffineTransform {
        let cosine = cos(radians), sine = sin(radians)
        let turn = AffineTransform(a: cosine, b: sine, c: -sine, d: cosine, tx: 0, ty: 0)
        return translation(x: -centre.x, y: -centre.y).then(turn).then(translation(x: centre.x, y: centre.y))
    }

    /// This map followed by `next`.
    public func then(_ next: AffineTransform) -> AffineTransform {
        AffineTransform(a: next.a * a + next.c * b, b: next.b * a + next.d * b,
                        c: next.a * c + next.c * d, d: next.b * c + next.d * d,
                        tx: next.a * tx + next.c * ty + next.tx, ty: next.b * tx + next.d * ty + next.ty)
    }

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

    /// True when the map only moves by whole pixels (what bitmap blits can do exactly).
    public var isIntegerTranslation: Bool {
        a == 1 && b == 0 && c == 0 && d == 1 && tx == tx.rounded() && ty == ty.rounded()
    }
}

extension Path {
    /// The path with every point (control points included) mapped by `transform`; Bézier curves
    /// stay exact under affine maps.
    public func applying(_ transform: AffineTransform) -> Path {
        var out = Path()
        out.elements.reserveCapacity(elements.count)
        for element in elements {
            switch element {
            case .move(let p): out.elements.append(.move(transform.apply(p)))
            case .line(let p): out.elements.append(.line(transform.apply(p)))
            case let .quad(c, p): out.elements.append(.quad(control: transform.apply(c), to: transform.apply(p)))
            case let .cubic(c1, c2, p):
                out.elements.append(.cubic(control1: transform.apply(c1), control2: transform.apply(c2), to: transform.apply(p)))
            case .close: out.elements.append(.close)
            }
        }
        return out
    }

    /// Appends every sub-path of `other`.
    public mutating func append(_ other: Path) { elements += other.elements }
}
