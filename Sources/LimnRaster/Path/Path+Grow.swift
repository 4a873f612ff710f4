extension Path {
    /// The area of this path filled (nonzero) and grown by `radius` on every side, as one path to
    /// fill with the nonzero rule: the fill with its contours turned to the stroker's positive
    /// orientation (holes stay holes), united with a round-joined stroke of width `2·radius`.
    /// It is what a text halo or an outline around a shape needs: filled once, a translucent
    /// color is not blended twice where fill and stroke overlap. Curves are flattened (0.05 px).
    /// Throws for a non-finite radius or coordinates; a radius ≤ 0 gives the fill alone.
    public func grown(by radius: Double) throws -> Path {
        guard radius.isFinite, isFinite else {
            throw RasterError.invalidGeometry(operation: "growing a path", reason: "the radius or a coordinate is NaN or infinite")
        }
        let contours = flattened()
        var signed = 0.0
        for contour in contours {
            for i in 0..<contour.count {
                let a = contour[i], b = contour[(i + 1) % contour.count]
                signed += a.x * b.y - b.x * a.y
            }
        }
        var out = Path()
        for contour in contours {
            let ordered = signed >= 0 ? contour : contour.reversed()
            out.move(to: ordered[0])
            for p in ordered.dropFirst() { out.line(to: p) }
            out.close()
        }
        guard radius > 0 else { return out }
        let style = StrokeStyle(width: 2 * radius, join: .round, cap: .round)
        for contour in contours {
            // Repeated points have no direction (a glyph contour often ends on its start).
            var points = contour.enumerated().filter { $0.offset == 0 || $0.element != contour[$0.offset - 1] }.map(\.element)
            while points.count > 1 && points.last == points.first { points.removeLast() }
            guard points.count >= 2 else { continue }
            StrokeBuilder.add(points, closed: true, half: radius, style: style, to: &out)
        }
        return out
    }
}
