import LimnCodecs
import LimnRaster

/// Damaged and hostile files for the error paths, each with the error it must produce.
public struct BrokenFile: Sendable {
    public enum Failure: String, Sendable {
        case empty, unsupportedFormat, unsupportedVariant, truncated, corrupt, tooLarge, overLimit
    }

    /// Path below `TestImages/`.
    public let file: String
    public let failure: Failure
    public let make: @Sendable () throws -> [UInt8]

    /// The kind of a thrown error, to compare with ``failure``.
    /// The failure `error` is, or nil when it is no ``CodecError``.
    public static func kind(of error: any Error) -> Failure? {
        guard let error = error as? CodecError else { return nil }
        switch error {
        case .empty: return .empty
        case .unsupportedFormat: return .unsupportedFormat
        case .unsupportedVariant: return .unsupportedVariant
        case .truncated: return .truncated
        case .corrupt: return .corrupt
        case .tooLarge: return .tooLarge
        case .overLimit: return .overLimit
        case .file, .cannotEncode: return nil
        }
    }
}

public enum BrokenFiles {
    public static var all: [BrokenFile] {
        var list: [BrokenFile] = []
        let sources: [(String, @Sendable () throws -> [UInt8])] = [
            ("png", { PNGWriter(image: Patterns.noise(width: 61, height: 45), colorType: .rgba, bitDepth: 8).encode() }),
            ("jpg", { try ImageEncoder.encode(Patterns.gradient(width: 61, height: 45), as: .jpeg()) }),
            ("webp", { try ImageEncoder.encode(Patterns.gradient(width: 61, height: 45), as: .webp()) }),
            ("bmp", { try ImageEncoder.encode(Patterns.gradient(width: 61, height: 45), as: .bmp()) }),
        ]
        // Cut short at several places: inside the header, just after it, halfway, near the end.
        for (ext, make) in sources {
            for cut in ["header", "early", "half", "end"] {
                list.append(
                    BrokenFile(file: "broken/truncated-\(cut).\(ext)", failure: .truncated) {
                        let whole = try make()
                        let n: Int
                        switch cut {
                        case "header": n = ext == "bmp" ? 30 : 20
                        case "early": n = ext == "bmp" ? 200 : min(whole.count / 8 + 40, whole.count - 1)
                        case "half": n = whole.count / 2
                        default: n = whole.count - (ext == "jpg" ? 2 : 13)
                        }
                        return Array(whole.prefix(n))
                    })
            }
        }
        list += [
            BrokenFile(file: "broken/empty.png", failure: .empty) { [] },
            BrokenFile(file: "broken/wrong-magic.png", failure: .unsupportedFormat) {
                var png = PNGWriter(image: Patterns.gradient(width: 8, height: 8), colorType: .rgb, bitDepth: 8).encode()
                png[1] = UInt8(ascii: "Q")
                return png
            },
            BrokenFile(file: "broken/gif-named.png", failure: .corrupt) {  // a GIF (named .png) with no picture in it
                Array("GIF89a".utf8) + [1, 0, 1, 0, 0, 0, 0, 0x3B]
            },
            BrokenFile(file: "broken/bad-crc.png", failure: .corrupt) {
                var png = PNGWriter(image: Patterns.gradient(width: 8, height: 8), colorType: .rgb, bitDepth: 8).encode()
                png[60] ^= 0x55  // inside IDAT: its CRC no longer matches
                return png
            },
            BrokenFile(file: "broken/huge-100000x100000.png", failure: .tooLarge) {
                // A valid header and a tiny IDAT: the size alone must be refused.
                var png = PNGWriter(image: Patterns.gradient(width: 1, height: 1), colorType: .rgb, bitDepth: 8).encode()
                let ihdr = Array("IHDR".utf8) + be32(100_000) + be32(100_000) + [8, 2, 0, 0, 0]
                png.replaceSubrange(8..<33, with: chunk("IHDR", Array(ihdr[4...])))
                return png
            },
            BrokenFile(file: "broken/huge-100000x100000.bmp", failure: .tooLarge) {
                var bmp = try ImageEncoder.encode(Patterns.gradient(width: 1, height: 1), as: .bmp())
                bmp.replaceSubrange(18..<26, with: be32(100_000).reversed() + be32(100_000).reversed())
                return bmp
            },
            BrokenFile(file: "broken/huge-60000x60000.jpg", failure: .tooLarge) {
                var jpeg = try ImageEncoder.encode(Patterns.gradient(width: 16, height: 16), as: .jpeg())
                // Rewrite the frame header's height and width (SOF0: FF C0, length, precision, H, W).
                guard let sof = (0..<(jpeg.count - 9)).first(where: { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 }) else {
                    throw CodecError.cannotEncode(format: .jpeg, reason: "no SOF0 marker")
                }
                jpeg.replaceSubrange((sof + 5)..<(sof + 9), with: [0xEA, 0x60, 0xEA, 0x60])
                return jpeg
            },
            BrokenFile(file: "broken/bmp-8bit.bmp", failure: .unsupportedVariant) {
                var bmp = try ImageEncoder.encode(Patterns.gradient(width: 4, height: 4), as: .bmp())
                bmp[28] = 8
                return bmp
            },
            BrokenFile(file: "broken/jpeg-garbage-after-soi.jpg", failure: .corrupt) {
                [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00] + [UInt8](repeating: 0x41, count: 64)
            },
        ]
        return list
    }
}
