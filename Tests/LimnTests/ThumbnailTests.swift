import Foundation
import LimnTestSupport
import Testing

@testable import Limn

@Suite struct ThumbnailGeometryTests {
    static let ia40: [CropSuggestion] = [
        CropSuggestion(aspectRatio: 0.9, box: Rect(x: 238, y: 0, width: 511, height: 568)),
        CropSuggestion(aspectRatio: 1.33, box: Rect(x: 54, y: 0, width: 760, height: 571)),
    ]

    /// (picture, suggestions, analysed size, thumbnail size, expected region), worked by hand.
    static let table: [(Size, [CropSuggestion], Size?, Size, Rect?)] = [
        // 4:3 takes the 1.33 crop and widens it to 571 × 4/3 = 761.3 around its center 434.
        (Size(width: 864, height: 576), ia40, nil, Size(width: 400, height: 300), Rect(x: 53, y: 0, width: 762, height: 571)),
        // Square takes 0.9 (closer in log space: |ln 0.9| = 0.105 < |ln 1.33| = 0.285), widened to 568.
        (Size(width: 864, height: 576), ia40, nil, Size(width: 256, height: 256), Rect(x: 210, y: 0, width: 568, height: 568)),
        // The same result drawn on the picture at 648 × 432: boxes scaled by 0.75 first.
        (
            Size(width: 648, height: 432), ia40, Size(width: 864, height: 576), Size(width: 400, height: 300),
            Rect(x: 40, y: 0, width: 571, height: 428)
        ),
        // A 5.27 banner crop for a square: too wide, trimmed to the picture's height around its center.
        (
            Size(width: 1920, height: 363), [CropSuggestion(aspectRatio: 5.27, box: Rect(x: 0, y: 0, width: 1913, height: 363))], nil,
            Size(width: 400, height: 400), Rect(x: 775, y: 0, width: 363, height: 363)
        ),
        // A box partly outside: clamped to 200 × 250, widened to 250 and pushed back inside.
        (
            Size(width: 1000, height: 800), [CropSuggestion(box: Rect(x: 800, y: -50, width: 300, height: 300))], nil,
            Size(width: 64, height: 64), Rect(x: 750, y: 0, width: 250, height: 250)
        ),
        // Too tall for a wide thumbnail at full width: the whole width, trimmed height around the box center.
        (
            Size(width: 600, height: 400), [CropSuggestion(box: Rect(x: 100, y: 0, width: 100, height: 400))], nil,
            Size(width: 300, height: 100), Rect(x: 0, y: 100, width: 600, height: 200)
        ),
        // Nothing usable.
        (Size(width: 600, height: 400), [], nil, Size(width: 100, height: 100), nil),
        (
            Size(width: 600, height: 400), [CropSuggestion(box: Rect(x: .nan, y: 0, width: 10, height: 10))], nil,
            Size(width: 100, height: 100), nil
        ),
        (
            Size(width: 600, height: 400), [CropSuggestion(box: Rect(x: 700, y: 0, width: 10, height: 10))], nil,
            Size(width: 100, height: 100), nil
        ),
    ]

    @Test(arguments: table)
    func theChosenRegionIsTheExpectedOne(picture: Size, suggestions: [CropSuggestion], analysed: Size?, size: Size, expected: Rect?) throws
    {
        let region = Thumbnail.region(for: size, in: picture, suggestions: suggestions, analysedSize: analysed)
        #expect(region == expected)
        if let region {
            #expect(region.minX >= 0 && region.minY >= 0 && region.maxX <= Double(picture.width) && region.maxY <= Double(picture.height))
            let aspect = Double(size.width) / Double(size.height)
            #expect(abs(region.height * aspect - region.width) <= max(1, aspect), "aspect within a pixel")
        }
    }

    @Test func suggestionsWithoutARatioUseTheirBoxShape() throws {
        let aoi = [
            CropSuggestion(box: Rect(x: 160, y: 0, width: 950, height: 951)),
            CropSuggestion(box: Rect(x: 0, y: 0, width: 1378, height: 400)),
        ]
        let square = Thumbnail.region(
            for: Size(width: 100, height: 100), in: Size(width: 1378, height: 951), suggestions: aoi, analysedSize: nil)
        #expect(square == Rect(x: 160, y: 0, width: 951, height: 951))
    }
}

@Suite struct ThumbnailImageTests {
    @Test func contentCropsFindTheSubject() throws {
        // A gray picture with one saturated, detailed patch near the right edge.
        var image = Image(width: 400, height: 200, fill: Pixel(gray: 128))
        for y in 60..<140 {
            for x in 320..<390 { image[x, y] = (x + y) % 2 == 0 ? Pixel(r: 230, g: 30, b: 30) : Pixel(r: 30, g: 200, b: 40) }
        }
        let attention = ContentCrop.attention.window(in: image, aspect: 1)
        #expect(attention.width == 200 && attention.height == 200)
        #expect(attention.maxX >= 390 && attention.minX <= 320, "\(attention)")
        let entropy = ContentCrop.entropy.window(in: image, aspect: 1)
        #expect(entropy.maxX >= 390 && entropy.minX <= 320, "\(entropy)")
        #expect(ContentCrop.center.window(in: image, aspect: 1) == Rect(x: 100, y: 0, width: 200, height: 200))
    }

    @Test func thumbnailsHaveTheRequestedSize() throws {
        let image = Patterns.gradient(width: 300, height: 200)
        #expect(
            try Thumbnail.make(from: image, size: Size(width: 64, height: 64), crop: .content(.center)).size == Size(width: 64, height: 64))
        #expect(try Thumbnail.make(from: image, size: Size(width: 64, height: 64), crop: .none).size == Size(width: 64, height: 43))
        let suggested = try Thumbnail.make(
            from: image, size: Size(width: 50, height: 25),
            crop: .suggestions([CropSuggestion(box: Rect(x: 10, y: 10, width: 100, height: 50))], analysedSize: nil))
        #expect(try suggested == image.resampled(from: Rect(x: 10, y: 10, width: 100, height: 50), to: Size(width: 50, height: 25)))
    }

    @Test func aFileIsDecodedAsLibvipsWouldShrinkItOrWithFastAsSmallAsItNeeds() throws {
        // 24 MP for a 256-pixel square from a 1.33 suggestion: the region is ~3000 px tall.
        let picture = Size(width: 6000, height: 4000)
        let suggestion = ThumbnailCrop.suggestions(
            [CropSuggestion(aspectRatio: 1.33, box: Rect(x: 1000, y: 500, width: 4000, height: 3000))], analysedSize: nil)
        let square = [Size(width: 256, height: 256)]
        // Fast: 1/8 suffices. Default: halved while the resampler keeps at least 2x: 1/4.
        let fast = Thumbnail.decodeHint(picture: picture, sizes: square, crop: suggestion, fast: true)
        #expect(fast.width <= 6000 / 8 + 1 && fast.height <= 4000 / 8 + 1, "\(fast)")
        #expect(Thumbnail.decodeHint(picture: picture, sizes: square, crop: suggestion) == Size(width: 1500, height: 1000))
        // Several sizes: the largest decides (1024 from a 4000-pixel window: no shrink on load).
        let sizes = [Size(width: 1024, height: 1024), Size(width: 256, height: 256)]
        #expect(
            Thumbnail.decodeHint(picture: picture, sizes: sizes, crop: .content(.center), fast: true) == Size(width: 1536, height: 1024))
        #expect(Thumbnail.decodeHint(picture: picture, sizes: sizes, crop: .content(.center)) == picture)
    }

    /// Against an exact Lanczos3 from the full-resolution picture: the default within 1 dB of
    /// resampling the full decode, `fast` worse. A real photograph when ../shared is present,
    /// else the project's large gradient.
    @Test func thumbnailsKeepTheQualityOfAFullResolutionResize() throws {
        let photo = RepositoryPaths.shared + "/photos/csdata_Colmar.jpg"
        let path = FileManager.default.fileExists(atPath: photo) ? photo : RepositoryPaths.testImages + "/jpeg/large-gradient.jpg"
        let full = try Image(contentsOfFile: path)
        let box = Size(width: full.width / 3, height: full.height / 3)
        let exact = try full.resized(to: box, filter: .lanczos3, preShrink: false)
        let good = try Thumbnail.make(fromFile: path, sizes: [box], crop: .none)[0]
        let quick = try Thumbnail.make(fromFile: path, sizes: [box], crop: .none, fast: true)[0]
        let fromFull = try Thumbnail.make(from: full, size: box, crop: .none)
        let (g, q, f) = (ImageDifference(good, exact).psnr, ImageDifference(quick, exact).psnr, ImageDifference(fromFull, exact).psnr)
        #expect(g >= f - 1, "\(path): default \(g) dB, from the full decode \(f) dB")
        #expect(q < g, "\(path): fast \(q) dB, default \(g) dB")
    }

    @Test func thumbnailsFromAFileMatchThumbnailsFromTheFullPicture() throws {
        let path = RepositoryPaths.testImages + "/jpeg/large-gradient.jpg"
        let full = try Image(contentsOfFile: path)
        let crop = ThumbnailCrop.suggestions(
            [CropSuggestion(aspectRatio: 1, box: Rect(x: 100, y: 50, width: 300, height: 300))], analysedSize: nil)
        let sizes = [Size(width: 64, height: 64), Size(width: 32, height: 32)]
        let thumbs = try Thumbnail.make(fromFile: path, sizes: sizes, crop: crop)
        #expect(thumbs.map(\.size) == sizes)
        for (thumb, size) in zip(thumbs, sizes) {
            let reference = try Thumbnail.make(from: full, size: size, crop: crop)
            #expect(ImageDifference(thumb, reference).psnr > 35, "\(size): \(ImageDifference(thumb, reference))")
        }
    }

    @Test func missingFilesAreTypedErrors() throws {
        #expect(throws: CodecError.self) {
            try Thumbnail.make(fromFile: "/nonexistent/x.jpg", sizes: [Size(width: 10, height: 10)], crop: .none)
        }
    }
}
