import Foundation
import Limn
import Testing

/// The public boundary throws untyped errors of documented concrete types, and each prints its
/// sentence through `localizedDescription` (what loggers and `print(error.localizedDescription)` show).
@Suite struct PublicErrorTests {
    /// The kind of code a user writes: a function with a closure, decoding, reading a result and
    /// writing, catching one case by pattern and passing the rest on. With typed throws on the
    /// public API this shape crashed the Swift 6.3 compiler (SILGen); it must compile and behave.
    static func thumbnailOrNil(_ bytes: [UInt8], sizes: [Size]) throws -> [Image]? {
        do {
            let decoded = try ImageDecoder.decode(bytes, source: "upload")
            return try sizes.map { size throws in
                guard !size.isEmpty else { throw LimnError.unknownOutputFormat(path: "\(size)") }
                return try Thumbnail.make(from: decoded.image, size: size, crop: .none)
            }
        } catch CodecError.unsupportedFormat {
            return nil
        } catch let error as CodecError where error.description.contains("empty") {
            return nil
        }
    }

    @Test func userCodeCatchesByPatternAndPassesTheRestOn() throws {
        #expect(try Self.thumbnailOrNil(Array("not a picture at all".utf8), sizes: [Size(width: 4, height: 4)]) == nil)
        #expect(try Self.thumbnailOrNil([], sizes: [Size(width: 4, height: 4)]) == nil)
        let png = try Image(width: 8, height: 6, fill: .white).encoded(as: .png(PNGOptions()))
        #expect(try Self.thumbnailOrNil(png, sizes: [Size(width: 4, height: 3)])?.first?.size == Size(width: 4, height: 3))
        #expect(throws: LimnError.unknownOutputFormat(path: "0x3")) { try Self.thumbnailOrNil(png, sizes: [Size(width: 0, height: 3)]) }
    }

    @Test func everyErrorTypePrintsItsSentenceThroughLocalizedDescription() {
        let errors: [any Error & CustomStringConvertible] = [
            CodecError.empty(source: "a.png"),
            RasterError.invalidGeometry(operation: "filling a path", reason: "NaN"),
            ResultsError.overLimit(source: "r.json", what: "2 GB", limit: "64 MiB"),
            TextError.noFonts(family: "Nothing"),
            LimnError.unknownOutputFormat(path: "x.tga"),
            LimnError.readOnlyFormat(path: "x.gif", format: .gif),
        ]
        for error in errors {
            #expect(error.localizedDescription == error.description)
            #expect(!error.localizedDescription.contains("error 0"), "\(error.localizedDescription)")
        }
    }
}
