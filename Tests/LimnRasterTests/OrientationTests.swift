import Testing

@testable import LimnRaster

@Suite struct OrientationTests {
    /// A 3 × 2 image whose every pixel is distinct: red = x, green = y.
    static let source: Image = {
        var image = Image(width: 3, height: 2, fill: .white)
        for y in 0..<2 { for x in 0..<3 { image[x, y] = Pixel(r: UInt8(x), g: UInt8(y), b: 0) } }
        return image
    }()

    /// Where source pixel (x, y) of a w × h image must land, straight from the EXIF definitions
    /// (what the stored 0th row and 0th column are in the upright picture).
    static func expectedPosition(_ o: Orientation, x: Int, y: Int, w: Int, h: Int) -> (Int, Int) {
        switch o {
        case .up: return (x, y)
        case .upMirrored: return (w - 1 - x, y)
        case .down: return (w - 1 - x, h - 1 - y)
        case .downMirrored: return (x, h - 1 - y)
        case .leftMirrored: return (y, x)
        case .right: return (h - 1 - y, x)
        case .rightMirrored: return (h - 1 - y, w - 1 - x)
        case .left: return (y, w - 1 - x)
        }
    }

    @Test(arguments: Orientation.allCases)
    func everyPixelLandsWhereEXIFSays(orientation: Orientation) {
        let out = Self.source.applyingOrientation(orientation)
        #expect(out.size == (orientation.swapsAxes ? Size(width: 2, height: 3) : Size(width: 3, height: 2)))
        for y in 0..<2 {
            for x in 0..<3 {
                let (ox, oy) = Self.expectedPosition(orientation, x: x, y: y, w: 3, h: 2)
                #expect(out[ox, oy] == Self.source[x, y], "\(orientation): (\(x),\(y)) -> (\(ox),\(oy))")
            }
        }
    }

    /// The geometry's transform (what results are mapped with) moves each pixel's center to the
    /// center of the pixel the image operation moves it to.
    @Test(arguments: Orientation.allCases)
    func theTransformAgreesWithTheImageOperation(orientation: Orientation) {
        let out = Self.source.applyingOrientation(orientation)
        let transform = orientation.transform(storedSize: Self.source.size)
        for y in 0..<2 {
            for x in 0..<3 {
                let p = transform.apply(Point.center(ofPixelAt: x, y))
                #expect(out[Int(p.x), Int(p.y)] == Self.source[x, y], "\(orientation): (\(x),\(y)) -> \(p)")
            }
        }
    }

    @Test(arguments: Orientation.allCases)
    func inverseUndoesEachOrientation(orientation: Orientation) {
        // Large enough to cross several 64 × 64 tiles with ragged edges.
        var image = Image(width: 150, height: 77)
        image.withUnsafeMutableBytes { b in for i in 0..<b.count { b[i] = UInt8(truncatingIfNeeded: i &* 2654435761 >> 7) } }
        let stored = image.applyingOrientation(orientation.inverse)
        #expect(stored.applyingOrientation(orientation) == image)
    }

    @Test func namedTurnsAndFlips() {
        let s = Self.source
        #expect(s.rotated(.quarter)[1, 0] == s[0, 0])  // top-left goes to top-right
        #expect(s.rotated(.half)[2, 1] == s[0, 0])
        #expect(s.rotated(.threeQuarters)[0, 2] == s[0, 0])
        #expect(s.flipped(.horizontal)[2, 0] == s[0, 0])
        #expect(s.flipped(.vertical)[0, 1] == s[0, 0])
        #expect(s.transposed()[1, 2] == s[2, 1])
        #expect(s.rotated(.quarter).rotated(.quarter) == s.rotated(.half))
        #expect(s.rotated(.quarter).rotated(.threeQuarters) == s)
    }

    @Test(arguments: Orientation.allCases)
    func masksTurnLikeImages(orientation: Orientation) {
        var mask = Mask(width: 5, height: 3)
        for y in 0..<3 { for x in 0..<5 { mask[x, y] = UInt8(y * 5 + x) } }
        let viaImage = Image(gray: mask).applyingOrientation(orientation).alphaMask()
        let gray = Image(gray: mask.applyingOrientation(orientation))
        #expect(Image(gray: mask).applyingOrientation(orientation) == gray)
        #expect(viaImage.size == mask.applyingOrientation(orientation).size)
    }

    @Test func turningKeepsTheOpacityPromise() {
        #expect(Image(width: 3, height: 2, fill: .white).rotated(.quarter).isOpaque)
        #expect(!Image(width: 3, height: 2).rotated(.quarter).isOpaque)
    }
}
