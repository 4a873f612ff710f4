import Foundation
import LimnCodecs
import LimnRaster
import LimnTestSupport
import Testing

/// Every picture in `TestImages/` decodes to the pattern it was made from.
@Suite struct DecodeVariantsTests {
    static let pictures = Dictionary(uniqueKeysWithValues: TestPictures.all.map { ($0.file, $0) })

    @Test(arguments: TestPictures.all.map(\.file))
    func decodesToTheExpectedPixels(file: String) throws {
        let picture = try #require(Self.pictures[file])
        let decoded = try ImageDecoder.decode(testImage(file))
        let expected = picture.expected()
        #expect(decoded.info.format == picture.format)
        #expect(decoded.info.orientation == picture.orientation)
        #expect(decoded.image.size == expected.size)
        let difference = ImageDifference(decoded.image, expected)
        switch picture.fidelity {
        case .exact:
            #expect(difference.maxChannel == 0, "\(difference)")
        case .psnr(let db):
            #expect(difference.psnr >= db, "\(difference)")
        }
        // The opacity promise matches the pixels.
        var rescanned = decoded.image
        rescanned.recomputeOpacity()
        #expect(decoded.image.isOpaque == rescanned.isOpaque)
    }

    @Test(arguments: TestPictures.all.map(\.file))
    func infoAgreesWithTheDecode(file: String) throws {
        let bytes = try testImage(file)
        let info = try ImageDecoder.info(bytes)
        let decoded = try ImageDecoder.decode(bytes, options: DecodeOptions(applyOrientation: false))
        #expect(info.size == decoded.image.size)
        #expect(info == decoded.info)
        if !info.hasAlpha { #expect(decoded.image.isOpaque) }
    }

    @Test func allEightOrientationsDecodeToTheSamePixels() throws {
        let upright = try ImageDecoder.decode(testImage("orientation/jpeg-1.jpg")).image
        #expect(upright.size == Size(width: 48, height: 32))
        for orientation in Orientation.allCases {
            let decoded = try ImageDecoder.decode(testImage("orientation/jpeg-\(orientation.rawValue).jpg"))
            #expect(decoded.info.orientation == orientation)
            #expect(decoded.orientationApplied == (orientation != .up))
            #expect(decoded.image == upright, "orientation \(orientation.rawValue)")
        }
    }

    @Test func orientationCanBeLeftAsStored() throws {
        let decoded = try ImageDecoder.decode(testImage("orientation/jpeg-6.jpg"), options: DecodeOptions(applyOrientation: false))
        #expect(decoded.info.orientation == .right)
        #expect(!decoded.orientationApplied)
        #expect(decoded.image.size == Size(width: 32, height: 48))
    }

    @Test func webpEXIFOrientationIsApplied() throws {
        let decoded = try ImageDecoder.decode(testImage("webp/exif-orientation-6.webp"))
        #expect(decoded.info.orientation == .right)
        #expect(decoded.image == Patterns.gradient(width: TestPictures.width, height: TestPictures.height))
    }

    @Test func formatIsSniffedFromContentNotName() throws {
        let jpeg = try testImage("jpeg/baseline-420.jpg")
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-sniff-\(UInt32.random(in: 0...UInt32.max)).png").path
        try Data(jpeg).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ImageDecoder.info(file: path).format == .jpeg)
        #expect(try ImageDecoder.decode(file: path).info.format == .jpeg)
    }
}
