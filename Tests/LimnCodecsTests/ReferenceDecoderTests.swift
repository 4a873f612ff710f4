import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Limn's decodes against the reference decoders (djpeg, dwebp), pixel for pixel, on the
/// project's own pictures and on the real photographs in `../shared/photos`.
@Suite struct ReferenceDecoderTests {
    static let jpegs = TestPictures.all.filter { $0.format == .jpeg && $0.orientation == .up }.map(\.file)
    static let webps = ["webp/lossy.webp", "webp/lossy-alpha.webp", "webp/lossless.webp", "webp/lossless-alpha.webp"]

    @Test(.enabled(if: tool("djpeg") != nil, "djpeg is not installed (apt: libjpeg-turbo-progs)"), arguments: jpegs)
    func jpegMatchesDjpegExactly(file: String) throws {
        try compareWithDjpeg(RepositoryPaths.testImages + "/" + file, scale: nil)
    }

    @Test(
        .enabled(if: tool("djpeg") != nil, "djpeg is not installed (apt: libjpeg-turbo-progs)"),
        arguments: ["1/2", "1/4", "1/8", "3/8"])
    func scaledJPEGMatchesDjpegScaled(scale: String) throws {
        try compareWithDjpeg(RepositoryPaths.testImages + "/jpeg/large-gradient.jpg", scale: scale)
    }

    @Test(.enabled(if: tool("dwebp") != nil, "dwebp is not installed (apt: webp)"), arguments: webps)
    func webpMatchesDwebpExactly(file: String) throws {
        let path = RepositoryPaths.testImages + "/" + file
        let reference = try #require(parseNetpbm(run(tool("dwebp")!, [path, "-pam", "-o", "-"])))
        let ours = try ImageDecoder.decode(file: path).image
        #expect(ours == reference, "\(ImageDifference(ours, reference))")
    }

    @Test(
        .enabled(
            if: SharedPhotos.isPresent && tool("djpeg") != nil,
            "../shared/photos or djpeg is absent: the real-photo cross-check is skipped"),
        arguments: SharedPhotos.files)
    func realPhotosMatchTheReferenceDecoder(name: String) throws {
        let path = SharedPhotos.folder + "/" + name
        let info = try ImageDecoder.info(file: path)
        if info.format == .jpeg {
            try compareWithDjpeg(path, scale: nil)
            try compareWithDjpeg(path, scale: "1/8")
            if let profile = info.iccProfile {
                // A tagged photo (csdata_dog.jpg is Adobe RGB (1998)) is converted: within a level
                // of Little CMS in double precision.
                let stored = try ImageDecoder.decode(file: path, options: DecodeOptions(applyOrientation: false, convertsToSRGB: false))
                let converted = try ImageDecoder.decode(file: path, options: DecodeOptions(applyOrientation: false))
                let reference = ICCProfiles.referenceToSRGB(stored.image, from: profile)
                #expect(ColorManagementTests.meanError(converted.image, reference) <= 1, "\(name)")
            }
        } else {
            // PNG photos: libpng is the reference itself; check the decode is complete and stable.
            let decoded = try ImageDecoder.decode(file: path)
            #expect(decoded.image.size == info.uprightSize)
            #expect(try ImageDecoder.decode(file: path).image == decoded.image)
        }
    }

    func compareWithDjpeg(_ path: String, scale: String?) throws {
        var arguments = ["-ppm"]
        if let scale { arguments += ["-scale", scale] }
        let reference = try #require(parseNetpbm(run(tool("djpeg")!, arguments + [path])), "djpeg output")
        // djpeg does not manage colors: compare the stored pixels.
        var options = DecodeOptions(applyOrientation: false, convertsToSRGB: false)
        if scale != nil { options.targetSize = reference.size }
        let ours = try ImageDecoder.decode(file: path, options: options)
        #expect(ours.image.size == reference.size)
        #expect(ours.image == reference, "\(path) at \(scale ?? "1/1"): \(ImageDifference(ours.image, reference))")
    }
}

/// The committed pictures are what the generator writes today (for the formats written in pure
/// Swift; JPEG and WebP bytes depend on the codec library's version).
@Suite struct GeneratedFilesTests {
    @Test(arguments: (TestPictures.png + TestPictures.bmp).map(\.file) + BrokenFiles.all.filter { $0.file.hasSuffix(".png") }.map(\.file))
    func committedFileMatchesTheGenerator(file: String) throws {
        let made = try #require((TestPictures.all.first { $0.file == file }?.make) ?? BrokenFiles.all.first { $0.file == file }?.make)
        #expect(try made() == testImage(file), "run `swift run TestImageGenerator` and commit TestImages/")
    }
}
