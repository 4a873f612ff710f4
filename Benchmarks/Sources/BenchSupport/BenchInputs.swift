import Foundation
import Limn

/// The benchmark inputs, named as ../shared/peerbench names them, so Limn and the peers read
/// the same files. A folder that already holds peerbench's generated inputs is used as it is;
/// missing files are made by ``SynthPhoto`` and cached.
///
/// The folder is `$LIMN_BENCH_INPUTS`, else `$TMPDIR/limn-bench-inputs`.
public struct BenchInputs: Sendable {
    // The T7 drawing spec is made on first use by `DrawSpec.load`, beside these files.
    public let folder: String

    public static let files = [
        "synth_4000x3000_q90.jpg", "synth_1024x768_q90.jpg", "bg_4000x3000_q90.jpg", "matte_4000x3000_l.png",
        "cutout_4000x3000_rgba.png", "cutout_2000x1500_rgba.png", "synth_2000x1500_rgb.png",
        "synth_6000x4000_q90.jpg",  // Limn's own addition: the 24 MP thumbnail's peak memory
    ]

    public init(folder: String? = nil) {
        let environment = ProcessInfo.processInfo.environment
        self.folder =
            folder ?? environment["LIMN_BENCH_INPUTS"]
            ?? ((environment["TMPDIR"] ?? NSTemporaryDirectory()) as NSString).appendingPathComponent("limn-bench-inputs")
    }

    public func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }

    /// Makes whatever is missing. Returns the names it made.
    @discardableResult
    public func prepare() throws -> [String] {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let missing = Self.files.filter { !FileManager.default.fileExists(atPath: path($0)) }
        guard !missing.isEmpty else { return [] }
        let big = SynthPhoto.make(width: 4000, height: 3000, seed: 1)
        let matte = SynthPhoto.matte(width: 4000, height: 3000, seed: 4)
        var cutout = try big.settingAlpha(matte)
        cutout.withUnsafeMutableBytes { p in
            // A typical cutout: fully transparent pixels are zeroed.
            for i in stride(from: 0, to: p.count, by: 4) where p[i + 3] == 0 { p[i] = 0; p[i + 1] = 0; p[i + 2] = 0 }
        }
        for name in missing {
            let bytes: [UInt8]
            switch name {
            case "synth_4000x3000_q90.jpg": bytes = try big.encoded(as: .jpeg(JPEGOptions(quality: 90)))
            case "synth_1024x768_q90.jpg":
                bytes = try SynthPhoto.make(width: 1024, height: 768, seed: 2).encoded(as: .jpeg(JPEGOptions(quality: 90)))
            case "bg_4000x3000_q90.jpg":
                bytes = try SynthPhoto.make(width: 4000, height: 3000, seed: 3).encoded(as: .jpeg(JPEGOptions(quality: 90)))
            case "synth_6000x4000_q90.jpg":
                bytes = try SynthPhoto.make(width: 6000, height: 4000, seed: 5).encoded(as: .jpeg(JPEGOptions(quality: 90)))
            case "matte_4000x3000_l.png": bytes = try matte.encoded(as: .png())
            case "cutout_4000x3000_rgba.png": bytes = try cutout.encoded(as: .png())
            case "cutout_2000x1500_rgba.png": bytes = try cutout.areaAveraged(to: Size(width: 2000, height: 1500)).encoded(as: .png())
            default: bytes = try big.areaAveraged(to: Size(width: 2000, height: 1500)).encoded(as: .png())
            }
            try AtomicFile.write(bytes, to: path(name))
        }
        return missing
    }

    /// The file's bytes.
    public func bytes(_ name: String) throws -> [UInt8] {
        try Array(Data(contentsOf: URL(fileURLWithPath: path(name))))
    }

    /// A decoded picture.
    public func image(_ name: String) throws -> Image {
        try Image(contentsOfFile: path(name))
    }

    /// A gray picture's first channel as a mask (the matte).
    public func mask(_ name: String) throws -> Mask {
        let gray = try image(name)
        return gray.withUnsafeBytes { src in
            Mask(width: gray.width, height: gray.height) { dst in
                for i in 0..<dst.count { dst[i] = src[i * 4] }
            }
        }
    }
}
