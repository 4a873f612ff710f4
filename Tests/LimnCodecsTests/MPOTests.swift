import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// MPO (a camera's multi-picture file: stereo pairs, previews) is a JPEG whose APP2 `MPF` segment
/// indexes further JPEGs appended after its end. Azure accepts it; Limn reads its first picture.
@Suite struct MPOTests {
    /// Two JPEGs made one MPO: the first with an APP2 `MPF` index pointing at the second.
    static func mpo(_ first: [UInt8], _ second: [UInt8]) -> [UInt8] {
        // "MPF\0", then a big-endian TIFF header and an index IFD of two entries: version, and
        // the number of images (the MP entry table is what readers use to find the others).
        var body: [UInt8] = Array("MPF".utf8) + [0] + [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]
        body += [0, 2]  // two IFD entries
        body += [0xB0, 0x00, 0, 7, 0, 0, 0, 4] + Array("0100".utf8)  // MPFVersion, UNDEFINED[4]
        body += [0xB0, 0x01, 0, 4, 0, 0, 0, 1, 0, 0, 0, 2]  // NumberOfImages: 2
        body += [0, 0, 0, 0]  // no next IFD
        let length = body.count + 2
        let app2: [UInt8] = [0xFF, 0xE2, UInt8(length >> 8), UInt8(length & 0xFF)] + body
        return Array(first[0..<2]) + app2 + Array(first[2...]) + second
    }

    @Test func theFirstPictureIsDecoded() throws {
        let red = Image(width: 48, height: 32, fill: Pixel(r: 220, g: 30, b: 30))
        let blue = Image(width: 64, height: 64, fill: Pixel(r: 30, g: 30, b: 220))
        let options = EncodeFormat.jpeg(JPEGOptions(quality: 95, subsampling: .s444))
        let file = Self.mpo(try red.encoded(as: options), try blue.encoded(as: options))
        let info = try ImageDecoder.info(file, source: "pair.mpo")
        #expect(info.format == .jpeg && info.size == Size(width: 48, height: 32))
        let decoded = try ImageDecoder.decode(file, source: "pair.mpo")
        #expect(decoded.image.size == Size(width: 48, height: 32))
        let p = decoded.image[20, 10]
        #expect(p.r > 200 && p.b < 60, "\(p)")
        // Strict decoding accepts it: the second picture after the first's end is not damage.
        #expect(try ImageDecoder.decode(file, options: DecodeOptions(tolerateDamage: false), source: "pair.mpo").image == decoded.image)
    }
}
