import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// The metadata policy per format: the profile byte for byte, EXIF with its orientation reset
/// and its embedded thumbnail gone, XMP as given; read back by Limn and by each format's tools.
@Suite struct OutputMetadataTests {
    static let picture = Patterns.gradient(width: 40, height: 30)
    static let thumbnail: [UInt8] = [0xFF, 0xD8] + Array("the old picture".utf8) + [0xFF, 0xD9]
    static let xmp = Array(#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF/></x:xmpmeta>"#.utf8)

    static func metadata(bigEndian: Bool = true) -> OutputMetadata {
        OutputMetadata(
            iccProfile: ICCProfiles.adobeRGB(), exif: EXIFBlocks.tiff(orientation: 6, bigEndian: bigEndian, thumbnail: thumbnail),
            xmp: xmp)
    }

    static let formats: [EncodeFormat] = [
        .png(), .jpeg(JPEGOptions(quality: 90)), .webp(WebPOptions(quality: 80)), .webp(.lossless),
    ]

    @Test(arguments: formats, [true, false])
    func everyPartIsWrittenAndReadBack(format: EncodeFormat, bigEndian: Bool) throws {
        let metadata = Self.metadata(bigEndian: bigEndian)
        let bytes = try Self.picture.encoded(as: format, metadata: metadata)
        let info = try ImageDecoder.info(bytes)
        #expect(info.iccProfile == metadata.iccProfile, "\(format): the profile byte for byte")
        #expect(info.xmp == Self.xmp, "\(format): the XMP packet")
        #expect(info.orientation == .up, "\(format): the orientation is reset, the pixels being upright")
        let exif = try #require(info.exif, "\(format): EXIF is written")
        #expect(exif.count == metadata.exif!.count && exif.starts(with: metadata.exif!.prefix(8)))
        #expect(!bytes.containsSequence(Array("the old picture".utf8)), "\(format): the embedded thumbnail is gone")
        // The pixels are the same as without metadata.
        let plain = try Self.picture.encoded(as: format)
        let options = DecodeOptions(convertsToSRGB: false)
        #expect(try ImageDecoder.decode(bytes, options: options).image == (try ImageDecoder.decode(plain, options: options).image))
    }

    @Test func theFormatsToolsReadWhatIsWritten() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("limn-meta-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        if let webpmux = tool("webpmux") {
            for format in [EncodeFormat.webp(WebPOptions(quality: 80)), .webp(.lossless)] {
                let path = folder + "/m.webp"
                try Data(try Self.picture.encoded(as: format, metadata: Self.metadata())).write(to: URL(fileURLWithPath: path))
                let out = String(decoding: try run(webpmux, ["-info", path]), as: UTF8.self)
                #expect(
                    out.contains("ICC profile") && out.contains("EXIF metadata") && out.contains("XMP metadata"), "webpmux -info: \(out)")
                _ = try run(webpmux, ["-get", "icc", path, "-o", folder + "/got.icc"])
                #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/got.icc")) == Data(ICCProfiles.adobeRGB()))
            }
        }
        if let pngcheck = tool("pngcheck") {
            let path = folder + "/m.png"
            try Data(try Self.picture.encoded(as: .png(), metadata: Self.metadata())).write(to: URL(fileURLWithPath: path))
            let out = String(decoding: try run(pngcheck, ["-v", path]), as: UTF8.self)
            #expect(out.contains("iCCP") && out.contains("eXIf") && out.contains("iTXt") && out.contains("No errors"), "pngcheck: \(out)")
        }
        if let djpeg = tool("djpeg") {
            let path = folder + "/m.jpg"
            try Data(try Self.picture.encoded(as: .jpeg(), metadata: Self.metadata())).write(to: URL(fileURLWithPath: path))
            _ = try run(djpeg, ["-outfile", folder + "/m.ppm", path])
            #expect(FileManager.default.fileExists(atPath: folder + "/m.ppm"))
        }
    }

    @Test func bmpRefusesAProfileAndHoldsNoEXIF() throws {
        #expect(throws: CodecError.self) {
            try Self.picture.encoded(as: .bmp(), metadata: OutputMetadata(iccProfile: ICCProfiles.adobeRGB()))
        }
        let bytes = try Self.picture.encoded(as: .bmp(), metadata: OutputMetadata(exif: EXIFBlocks.tiff(orientation: 6, bigEndian: true)))
        #expect(bytes == (try Self.picture.encoded(as: .bmp())))
    }

    @Test func aJPEGSegmentTooSmallForTheXMPIsAnError() throws {
        let big = OutputMetadata(xmp: [UInt8](repeating: 0x20, count: 70_000))
        #expect(throws: CodecError.self) { try Self.picture.encoded(as: .jpeg(), metadata: big) }
        // A large profile is split into numbered APP2 chunks and joined again.
        let profile = ICCProfiles.adobeRGB() + [UInt8](repeating: 7, count: 150_000)
        let bytes = try Self.picture.encoded(as: .jpeg(), metadata: OutputMetadata(iccProfile: profile))
        #expect(try ImageDecoder.info(bytes).iccProfile == profile)
    }

    @Test func aBlockThatIsNotEXIFIsNotWritten() throws {
        let bytes = try Self.picture.encoded(as: .png(), metadata: OutputMetadata(exif: Array("not a TIFF".utf8)))
        #expect(try ImageDecoder.info(bytes).exif == nil)
    }

    /// "Keep" mode: pixels left in their profile, which goes to the output byte for byte.
    @Test(arguments: formats)
    func keptPixelsCarryTheirProfile(format: EncodeFormat) throws {
        let profile = ICCProfiles.proPhotoRGB()
        let jpeg = ICCProfiles.embed(profile, inJPEG: try Self.picture.encoded(as: .jpeg(JPEGOptions(quality: 95))))
        let kept = try ImageDecoder.decode(jpeg, options: DecodeOptions(convertsToSRGB: false))
        let out = try kept.image.encoded(as: format, metadata: OutputMetadata(from: kept, keep: false))
        #expect(try ImageDecoder.info(out).iccProfile == profile)
        // Converted pixels carry none.
        let converted = try ImageDecoder.decode(jpeg)
        #expect(OutputMetadata(from: converted, keep: true).iccProfile == nil)
    }
}

extension Array where Element == UInt8 {
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { i in self[i..<(i + needle.count)].elementsEqual(needle) }
    }
}
