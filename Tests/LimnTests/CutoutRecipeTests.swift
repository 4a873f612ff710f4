import Foundation
import Limn
import LimnTestSupport
import Testing

@Suite struct CutoutRecipeTests {
    /// A picture with a subject (a disc) and its binary matte, at `size`.
    static func scene(_ size: Int = 200) -> (Image, Mask) {
        var matte = Mask(width: size, height: size)
        let c = Double(size) / 2, r = Double(size) * 0.3
        for y in 0..<size {
            for x in 0..<size {
                let d = ((Double(x) + 0.5 - c) * (Double(x) + 0.5 - c) + (Double(y) + 0.5 - c) * (Double(y) + 0.5 - c)).squareRoot()
                matte[x, y] = d < r ? 255 : 0
            }
        }
        return (Patterns.gradient(width: size, height: size), matte)
    }

    @Test func labelMapMaskAndBaiduJSONGiveTheSameCutout() throws {
        let (picture, matte) = Self.scene()
        let labels = matte.map { $0 == 255 ? 1 : 0 }
        let fromMask = try Cutout.make(picture: picture, matte: try Matte.read(bytes: matte.encoded(as: .png())))
        let fromLabels = try Cutout.make(picture: picture, matte: try Matte.read(bytes: labels.encoded(as: .png())))
        let json = #"{"log_id": 716033439, "labelmap": "\#(Data(try labels.encoded(as: .png())).base64EncodedString())"}"#
        let analysis = try Analysis(json: Data(json.utf8))
        #expect(analysis.format == .baiduSegmentation)
        let fromJSON = try Cutout.make(picture: picture, matte: try Matte.read(from: analysis))
        #expect(fromMask == fromLabels)
        #expect(fromMask == fromJSON)
        #expect(fromMask.alphaMask() == matte)
        // An RGBA cutout's alpha is read as the matte too.
        let rgba = try picture.cutout(with: matte, decontaminate: false)
        #expect(try Matte.read(bytes: rgba.encoded(as: .png())) == matte)
    }

    @Test func aQuarterSizeMatteCutsTheFullPictureWithSmoothEdges() throws {
        let (picture, _) = Self.scene(400)
        let (_, smallMatte) = Self.scene(100)
        let cut = try Cutout.make(picture: picture, matte: smallMatte)
        #expect(cut.size == Size(width: 400, height: 400))
        // Along every row the alpha changes by at most a third of full scale between neighbours:
        // a staircase from nearest-neighbour upscaling would jump by 255.
        let alpha = cut.alphaMask()
        var worst = 0
        for y in 0..<400 { for x in 1..<400 { worst = max(worst, abs(Int(alpha[x, y]) - Int(alpha[x - 1, y]))) } }
        #expect(worst <= 90, "largest step \(worst)")
        let blocky = try smallMatte.resized(to: Size(width: 400, height: 400), filter: .nearest)
        var blockyWorst = 0
        for y in 0..<400 { for x in 1..<400 { blockyWorst = max(blockyWorst, abs(Int(blocky[x, y]) - Int(blocky[x - 1, y]))) } }
        #expect(blockyWorst == 255)
    }

    @Test func aMatteOfAnotherShapeIsRefusedUnlessStretched() throws {
        let (picture, _) = Self.scene(200)
        let wide = Mask(width: 200, height: 100, fill: 255)
        #expect(throws: LimnError.matteMismatch(matte: Size(width: 200, height: 100), picture: Size(width: 200, height: 200))) {
            try Cutout.make(picture: picture, matte: wide)
        }
        #expect(
            LimnError.matteMismatch(matte: Size(width: 200, height: 100), picture: Size(width: 200, height: 200)).description.contains(
                "200x100"))
        let stretched = try Cutout.make(picture: picture, matte: wide, options: CutoutOptions(stretchMatte: true))
        #expect(stretched.size == picture.size && stretched.isOpaque)
    }

    @Test func backgroundsFillTheCanvas() throws {
        let (picture, matte) = Self.scene()
        let red = Pixel(r: 200, g: 0, b: 0)
        let onColor = try Cutout.make(picture: picture, matte: matte, options: CutoutOptions(background: .color(red)))
        #expect(onColor[0, 0] == red && onColor[100, 100] == picture[100, 100] && onColor.isOpaque)
        let transparent = try Cutout.make(picture: picture, matte: matte)
        #expect(transparent[0, 0].a == 0 && transparent[100, 100] == picture[100, 100])
        let gradient = try Cutout.make(
            picture: picture, matte: matte, options: CutoutOptions(background: .gradient(from: .black, to: .white, angle: 90)))
        #expect(gradient[0, 0].r < 10 && gradient[0, 199].r > 245)
        let photo = Patterns.noise(width: 50, height: 80, seed: 2, opaque: true)
        let onPhoto = try Cutout.make(picture: picture, matte: matte, options: CutoutOptions(background: .image(photo, mode: .fill())))
        #expect(onPhoto.isOpaque && onPhoto.size == picture.size)
        let portrait = try Cutout.make(picture: picture, matte: matte, options: CutoutOptions(background: .blurredOriginal(sigma: 12)))
        #expect(portrait[100, 100] == picture[100, 100] && portrait[2, 2] != picture[2, 2])
        let preview = try Cutout.make(picture: picture, matte: matte, options: CutoutOptions(background: .checkerboard))
        #expect(preview.isOpaque && preview[0, 0] != preview[12, 0])
    }

    /// The in-place path (subject kept where it is, on nothing or a color) gives the pixels of
    /// the canvas path: the cutout composited on a fresh canvas; the caller's picture is untouched.
    @Test func theInPlaceResultIsTheCanvasResult() throws {
        let (picture, matte) = Self.scene()
        let before = picture
        let cut = try picture.cutout(with: matte)
        let onColor = try Cutout.make(
            picture: picture, matte: matte, options: CutoutOptions(background: .color(Pixel(r: 10, g: 200, b: 90))))
        #expect(onColor == Image(width: 200, height: 200, fill: Pixel(r: 10, g: 200, b: 90)).compositing(cut))
        #expect(onColor.isOpaque)
        let onNothing = try Cutout.make(picture: picture, matte: matte)
        #expect(onNothing == Image(width: 200, height: 200).compositing(cut))
        #expect(picture == before)
    }

    @Test func shadowAndOutlineSurroundTheSubject() throws {
        let (picture, matte) = Self.scene()
        let shadowed = try Cutout.make(
            picture: picture, matte: matte,
            options: CutoutOptions(
                background: .color(.white), shadow: .init(offsetX: 10, offsetY: 10, sigma: 4, opacity: 0.8)))
        // Just outside the disc, down and to the right, the white is darkened; up and to the left it is not.
        #expect(shadowed[100 + 62, 100 + 20].r < 200 && shadowed[100 - 64, 100 - 20] == .white)
        let outlined = try Cutout.make(
            picture: picture, matte: matte,
            options: CutoutOptions(
                background: .color(.black), outline: .init(width: 6, color: Pixel(r: 0, g: 255, b: 0))))
        #expect(outlined[100 + 63, 100] == Pixel(r: 0, g: 255, b: 0) && outlined[100 + 70, 100] == .black)
        #expect(outlined[100, 100] == picture[100, 100])
    }

    @Test func trimmingAndPlacement() throws {
        let (picture, matte) = Self.scene()
        let bounds = try #require(matte.contentBounds())
        let trimmed = try Cutout.make(picture: picture, matte: matte, options: CutoutOptions(trim: true, trimMargin: 5))
        #expect(trimmed.size == Size(width: bounds.width + 10, height: bounds.height + 10))
        #expect(trimmed[0, 0].a == 0 && trimmed[trimmed.width / 2, trimmed.height / 2].a == 255)
        let placed = try Cutout.make(
            picture: picture, matte: matte,
            options: CutoutOptions(
                background: .color(.white), canvasSize: Size(width: 300, height: 200), subjectShare: 0.5, anchor: .bottom, padding: 10))
        #expect(placed.size == Size(width: 300, height: 200))
        let subjectBox = try #require(Mask(size: placed.size, rectangles: []).contentBounds() ?? placedBox(placed))
        #expect(subjectBox.height <= 90 + 1 && subjectBox.y + subjectBox.height == 190, "\(subjectBox)")
        #expect(abs(subjectBox.x + subjectBox.width / 2 - 150) <= 1)
    }

    /// The box of the non-white pixels.
    func placedBox(_ image: Image) -> PixelRect? {
        var m = Mask(width: image.width, height: image.height)
        for y in 0..<image.height { for x in 0..<image.width where image[x, y] != .white { m[x, y] = 255 } }
        return m.contentBounds()
    }

    @Test func aResultWithoutAMatteIsATypedError() throws {
        let analysis = try Analysis(
            json: Data(#"{"modelVersion": "2023-10-01", "metadata": {"width": 10, "height": 10}, "smartCropsResult": {"values": []}}"#.utf8)
        )
        #expect(throws: LimnError.self) { try Matte.read(from: analysis) }
        let broken = try Analysis(json: Data(#"{"log_id": 1, "labelmap": "xxxx"}"#.utf8))
        #expect(throws: CodecError.self) { try Matte.read(from: broken) }  // the embedded picture does not decode
        #expect(throws: ResultsError.self) { try Analysis(json: Data(#"{"log_id": 1, "labelmap": 5}"#.utf8)) }
    }
}
