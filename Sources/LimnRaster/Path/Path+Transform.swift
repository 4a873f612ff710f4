import LimnGeometry

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
