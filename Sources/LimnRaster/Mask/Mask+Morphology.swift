extension Mask {
    /// The shape grown by `radius` pixels.
    public func dilated(radius: Double) -> Mask {
        guard radius.isFinite, radius > 0 else { return self }
        let inside = signedDistance()
        return fromDistance(inside) { s in s + radius }
    }

    /// The shape shrunk by `radius` pixels.
    public func eroded(radius: Double) -> Mask {
        guard radius.isFinite, radius > 0 else { return self }
        let inside = signedDistance()
        return fromDistance(inside) { s in s - radius }
    }

    /// The shape's edge softened into a linear ramp `width` pixels wide, centered on the edge.
    public func feathered(width rampWidth: Double) -> Mask {
        guard rampWidth.isFinite, rampWidth > 0 else { return self }
        let inside = signedDistance()
        return Mask(width: width, height: height) { dst in
            for i in 0..<dst.count {
                dst[i] = UInt8((min(max(0.5 + Double(inside[i]) / rampWidth, 0), 1) * 255).rounded())
            }
        }
    }

    /// Signed distance from each pixel center to the shape's edge: positive inside, negative outside.
    func signedDistance() -> [Float] {
        let shape: [Bool] = withUnsafeBytes { p in p.map { $0 >= 128 } }
        let toShape = DistanceTransform.squared(width: width, height: height) { shape[$0] }
        let toOutside = DistanceTransform.squared(width: width, height: height) { !shape[$0] }
        // Half a pixel puts the edge between the last pixel in and the first pixel out.
        return (0..<shape.count).map { i in
            shape[i] ? min(toOutside[i].squareRoot(), 1e6) - 0.5 : 0.5 - min(toShape[i].squareRoot(), 1e6)
        }
    }

    private func fromDistance(_ inside: [Float], _ shift: (Double) -> Double) -> Mask {
        Mask(width: width, height: height) { dst in
            for i in 0..<dst.count {
                // Coverage of a one-pixel ramp across the moved edge.
                dst[i] = UInt8((min(max(0.5 + shift(Double(inside[i])), 0), 1) * 255).rounded())
            }
        }
    }
}
