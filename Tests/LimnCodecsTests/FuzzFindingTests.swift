import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// The pictures the fuzzers found problems with (TestImages/broken/fuzz/image/; Scripts/fuzz
/// regress replays them through the fuzz target too): each reads as the fuzz target reads it,
/// with a picture or a `CodecError`, `info` and the decode agreeing. Under the address sanitizer
/// (`.ci/run`) this also fails on the leaks two of them caused in the HEIF reader.
@Suite struct FuzzFindingTests {
    static let folder = RepositoryPaths.testImages + "/broken/fuzz/image"
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()

    @Test func theFindingsAreThere() { #expect(Self.files.count >= 3) }

    @Test(arguments: files) func readsCleanly(name: String) throws {
        let bytes = try ImageDecoder.read(file: Self.folder + "/" + name).withUnsafeBytes { Array($0) }
        let info: ImageInfo?
        do { info = try ImageDecoder.info(bytes) } catch is CodecError { info = nil }
        do {
            let decoded = try ImageDecoder.decode(bytes)
            let header = try #require(info, "\(name) decodes, so its header reads")
            let upright = header.orientation.swapsAxes ? Size(width: header.height, height: header.width) : header.size
            #expect(decoded.image.size == upright)
        } catch is CodecError {}
        do { _ = try ImageDecoder.decode(bytes, options: DecodeOptions(tolerateDamage: true)) } catch is CodecError {}
        do { _ = try bytes.withUnsafeBytes { try ImageDecoder.decodeGray($0) } } catch is CodecError {}
    }
}
