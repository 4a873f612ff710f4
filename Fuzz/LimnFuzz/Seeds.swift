import Foundation
import Limn
import LimnTestSupport

/// `LimnFuzz seeds FOLDER`: small pictures of every format the decoders read, written by the
/// project's own encoders and test writers (the formats TestImages/ has no file of: GIF, TIFF,
/// ICO, AVIF, animated WebP). Scripts/fuzz adds TestImages/ and the shared fixtures.
enum Seeds {
    static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pictures = [
            ("gradient", Patterns.gradient(width: 24, height: 16)), ("alpha", Patterns.checkerAlpha(width: 17, height: 9)),
            ("noise", Patterns.noise(width: 12, height: 12, seed: 3, opaque: true)),
        ]
        var files: [String: [UInt8]] = [:]
        for (name, image) in pictures {
            files[name + ".png"] = try ImageEncoder.encode(image, as: .png())
            files[name + ".jpg"] = try ImageEncoder.encode(image, as: .jpeg())
            files[name + ".webp"] = try ImageEncoder.encode(image, as: .webp())
            files[name + ".bmp"] = try ImageEncoder.encode(image, as: .bmp())
            files[name + ".avif"] = try ImageEncoder.encode(image, as: .avif())
            let rgb = image.withUnsafeBytes { p in (0..<p.count).filter { $0 % 4 != 3 }.map { p[$0] } }
            files[name + ".tif"] = TIFFWriter.encode(width: image.width, height: image.height, samples: rgb, cmyk: false, iccProfile: nil)
            files[name + ".ico"] = ico(png: files[name + ".png"]!, width: image.width, height: image.height)
        }
        let palette = [Pixel.black, .white, Pixel(r: 200, g: 20, b: 20), Pixel(r: 20, g: 20, b: 200)]
        let frames = (0..<3).map { k in
            GIFWriter.Frame(
                left: k, top: k, width: 8, height: 6, indices: (0..<48).map { UInt8(($0 + k) % 4) }, interlaced: k == 1,
                transparentIndex: k == 2 ? 0 : nil, delay: 5, disposal: k)
        }
        files["frames.gif"] = GIFWriter(width: 12, height: 10, palette: palette, frames: frames).encode()
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    }

    /// An ICO holding one PNG entry.
    static func ico(png: [UInt8], width: Int, height: Int) -> [UInt8] {
        var out: [UInt8] = [0, 0, 1, 0, 1, 0, UInt8(width & 0xFF), UInt8(height & 0xFF), 0, 0, 1, 0, 32, 0]
        out += withUnsafeBytes(of: UInt32(png.count).littleEndian, Array.init)
        out += withUnsafeBytes(of: UInt32(22).littleEndian, Array.init)
        return out + png
    }
}
