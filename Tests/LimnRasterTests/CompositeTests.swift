import LimnRaster
import Testing

@Suite struct CompositeTests {
    /// "Over" in doubles with straight alpha: the reference.
    static func over(_ t: Pixel, _ b: Pixel, opacity: Double = 1) -> (Double, Double, Double, Double) {
        let at = Double(t.a) / 255 * opacity, ab = Double(b.a) / 255
        let a = at + ab * (1 - at)
        guard a > 0 else { return (0, 0, 0, 0) }
        func c(_ ct: UInt8, _ cb: UInt8) -> Double { (Double(ct) * at + Double(cb) * ab * (1 - at)) / a }
        return (c(t.r, b.r), c(t.g, b.g), c(t.b, b.b), a * 255)
    }

    static let tops: [Pixel] = [
        Pixel(r: 200, g: 10, b: 30), Pixel(r: 200, g: 10, b: 30, a: 0), Pixel(r: 200, g: 10, b: 30, a: 128),
        Pixel(r: 255, g: 255, b: 255, a: 1), Pixel(r: 0, g: 90, b: 255, a: 254), Pixel(r: 77, g: 66, b: 55, a: 37),
    ]
    static let bottoms: [Pixel] = [
        Pixel(r: 10, g: 220, b: 40), Pixel(r: 10, g: 220, b: 40, a: 0), Pixel(r: 10, g: 220, b: 40, a: 128),
        Pixel(r: 250, g: 250, b: 0, a: 200), Pixel(r: 1, g: 2, b: 3, a: 3),
    ]

    @Test(arguments: [1.0, 0.5, 0.2])
    func overIsWithinOneOfTheReference(opacity: Double) throws {
        for t in Self.tops {
            for b in Self.bottoms {
                var bottom = Image(width: 1, height: 1, fill: b)
                bottom.composite(Image(width: 1, height: 1, fill: t), opacity: opacity)
                let got = bottom[0, 0]
                let want = Self.over(t, b, opacity: Double((opacity * 255).rounded()) / 255)
                #expect(abs(Double(got.a) - want.3) <= 1, "\(t) over \(b) at \(opacity): \(got) vs \(want)")
                if got.a > 0 && want.3 >= 1 {
                    // Color only matters where something shows; compare it there.
                    #expect(
                        abs(Double(got.r) - want.0) <= 1 && abs(Double(got.g) - want.1) <= 1 && abs(Double(got.b) - want.2) <= 1,
                        "\(t) over \(b) at \(opacity): \(got) vs \(want)")
                }
            }
        }
    }

    @Test func wideRowsTakeTheFourPixelPathAndMatchPixelByPixel() throws {
        // Runs of clear, opaque and mixed pixels, and a tail of one: every branch of the row kernel.
        let alphas: [UInt8] = [0, 0, 0, 0, 255, 255, 255, 255, 0, 128, 255, 3, 77]
        var top = Image(width: alphas.count, height: 2)
        for (x, a) in alphas.enumerated() { for y in 0..<2 { top[x, y] = Pixel(r: UInt8(x * 19), g: 200, b: UInt8(y * 90), a: a) } }
        let background = Pixel(r: 10, g: 20, b: 30)
        var wide = Image(width: alphas.count, height: 2, fill: background)
        wide.composite(top)
        for y in 0..<2 {
            for x in 0..<alphas.count {
                var one = Image(width: 1, height: 1, fill: background)
                one.composite(Image(width: 1, height: 1, fill: top[x, y]))
                #expect(wide[x, y] == one[0, 0], "(\(x),\(y))")
            }
        }
    }

    @Test func compositingClipsAtTheEdgesAndKeepsOpacity() throws {
        var bottom = Image(width: 4, height: 4, fill: .white)
        bottom.composite(Image(width: 3, height: 3, fill: .black), x: 2, y: -1)
        #expect(bottom[2, 0] == .black && bottom[3, 1] == .black && bottom[1, 0] == .white && bottom[2, 2] == .white)
        #expect(bottom.isOpaque)
        var clear = Image(width: 2, height: 2)
        clear.composite(Image(width: 2, height: 2, fill: Pixel(r: 9, g: 9, b: 9, a: 100)))
        #expect(clear[1, 1] == Pixel(r: 9, g: 9, b: 9, a: 100) && !clear.isOpaque)
    }

    /// A white disc with a soft edge, then resized (where color bleeding would appear).
    static func whiteSubject() throws -> Image {
        var alpha = Mask(width: 120, height: 120)
        for y in 0..<120 {
            for x in 0..<120 {
                let d = ((Double(x) - 59.5) * (Double(x) - 59.5) + (Double(y) - 59.5) * (Double(y) - 59.5)).squareRoot()
                alpha[x, y] = UInt8(min(max((40 - d) / 6, 0), 1) * 255)
            }
        }
        let subject = (try? Image(width: 120, height: 120, fill: .white).cutout(with: alpha, decontaminate: false)) ?? Image()
        return try subject.resized(to: Size(width: 53, height: 53))
    }

    @Test func aWhiteSubjectOnWhiteHasNoDarkHalo() throws {
        let subject = try Self.whiteSubject()
        let out = Image(width: 53, height: 53, fill: .white).compositing(subject)
        for y in 0..<53 { for x in 0..<53 { #expect(out[x, y] == .white, "(\(x),\(y)) \(out[x, y])") } }
    }

    @Test func theSameSubjectOnBlackHasNoLightHalo() throws {
        let subject = try Self.whiteSubject()
        let out = Image(width: 53, height: 53, fill: .black).compositing(subject)
        for y in 0..<53 {
            for x in 0..<53 {
                let p = out[x, y], a = subject[x, y].a
                // Exactly the coverage, in gray: nothing lighter around the edge than the alpha says.
                #expect(p.r == p.g && p.g == p.b && abs(Int(p.r) - Int(a)) <= 1, "(\(x),\(y)) \(p) alpha \(a)")
            }
        }
    }

    @Test func gradientsRunAlongTheirAngle() throws {
        let across = Image.linearGradient(size: Size(width: 11, height: 3), from: .black, to: .white, angle: 0)
        #expect(across[0, 1].r < 20 && across[10, 1].r > 235 && across[5, 0] == across[5, 2])
        let down = Image.linearGradient(size: Size(width: 3, height: 11), from: .black, to: .white)
        #expect(down[1, 0].r < 20 && down[1, 10].r > 235 && down[0, 5] == down[2, 5])
        #expect(across.isOpaque)
        let board = Image.checkerboard(size: Size(width: 16, height: 16), cell: 8)
        #expect(board[0, 0] != board[8, 0] && board[0, 0] == board[8, 8])
    }
}

@Suite struct CutoutTests {
    /// A red square shot against green: the matte's soft edge mixes the two.
    static func greenScreen() -> (Image, Mask) {
        var matte = Mask(width: 80, height: 80)
        for y in 0..<80 {
            for x in 0..<80 {
                let edge = min(min(Double(x) - 20, 60 - Double(x)), min(Double(y) - 20, 60 - Double(y)))
                matte[x, y] = UInt8(min(max((edge + 3) / 6, 0), 1) * 255)
            }
        }
        var picture = Image(width: 80, height: 80, fill: .black)
        for y in 0..<80 {
            for x in 0..<80 {
                let a = Double(matte[x, y]) / 255
                picture[x, y] = Pixel(r: UInt8((220 * a).rounded()), g: UInt8((200 * (1 - a)).rounded()), b: 20)
            }
        }
        return (picture, matte)
    }

    @Test func trimmingKeepsTheVisibleBoxAndAMargin() throws {
        var image = Image(width: 30, height: 20)
        image[10, 5] = .white; image[14, 12] = Pixel(r: 1, g: 2, b: 3, a: 9)
        let trimmed = try #require(image.trimmed(margin: 3))
        #expect(trimmed.size == Size(width: 5 + 6, height: 8 + 6))
        #expect(trimmed[3, 3] == .white && trimmed[7, 10] == Pixel(r: 1, g: 2, b: 3, a: 9) && trimmed[0, 0] == .clear)
        #expect(image.trimmed(level: 10)?.size == Size(width: 1, height: 1))
        #expect(Image(width: 4, height: 4).trimmed() == nil)
    }

    @Test func theMatteBecomesTheAlpha() throws {
        let (picture, matte) = Self.greenScreen()
        let cut = try picture.cutout(with: matte, decontaminate: false)
        #expect(cut.alphaMask() == matte)
        #expect(cut[0, 0] == .clear)
        #expect(cut[40, 40] == Pixel(r: 220, g: 0, b: 20))
        #expect(throws: RasterError.self) { try picture.cutout(with: Mask(width: 10, height: 10)) }
    }

    @Test func decontaminationRemovesTheGreenRim() throws {
        let (picture, matte) = Self.greenScreen()
        let raw = try picture.cutout(with: matte, decontaminate: false)
        let clean = try picture.cutout(with: matte, decontaminate: true)
        var worstRaw = 0, worstClean = 0
        for y in 0..<80 {
            for x in 0..<80 where matte[x, y] > 25 && matte[x, y] < 230 {
                worstRaw = max(worstRaw, Int(raw[x, y].g)); worstClean = max(worstClean, Int(clean[x, y].g))
                #expect(clean[x, y].r > 150, "(\(x),\(y)) \(clean[x, y])")
            }
        }
        #expect(worstRaw > 100)
        #expect(worstClean < 40, "green left at the edge: \(worstClean)")
        // Composited onto blue, the edge is a mix of red and blue only.
        let onBlue = Image(width: 80, height: 80, fill: Pixel(r: 0, g: 0, b: 255)).compositing(clean)
        for y in 0..<80 { for x in 0..<80 { #expect(onBlue[x, y].g < 40, "(\(x),\(y)) \(onBlue[x, y])") } }
    }
}
