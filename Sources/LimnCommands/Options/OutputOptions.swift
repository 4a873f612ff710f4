import ArgumentParser
import Limn

/// Where a job writes, in what format, at what quality: declared once for every subcommand, and
/// what a manifest's `output`, `format` (or `output_format`) and `quality` keys are.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The output (.png, .jpg, .webp, .avif, .bmp), or - for standard output.")
    var output: String?

    @Option(
        name: .customLong("format"), help: "The output format when the output's name cannot say it: png, jpg, webp, avif, bmp.",
        transform: { (word: String) throws(JobError) -> ImageFormat in
            guard let format = ImageFormat(fileExtension: word) else {
                throw JobError("not a format Limn writes; use png, jpg, webp, avif or bmp.")
            }
            guard format.isWritable else { throw JobError("Limn reads \(format) but does not write it; use png, jpg, webp, avif or bmp.") }
            return format
        })
    var format: ImageFormat?

    @Option(help: "JPEG (1-100), WebP (0-100) or AVIF (0-100) quality.")
    var quality: Int?

    @Option(
        help: "PNG compression: fast, balanced (the default), compact or smallest.",
        transform: { (word: String) throws(JobError) -> PNGOptions.Compression in
            let all: [String: PNGOptions.Compression] = ["fast": .fast, "balanced": .balanced, "compact": .compact, "smallest": .smallest]
            guard let level = all[word.lowercased()] else { throw JobError("use fast, balanced, compact or smallest.") }
            return level
        })
    var compression: PNGOptions.Compression?

    @Flag(help: "Write an indexed PNG when the picture has at most 256 colors (exact; smaller for flat graphics).")
    var palette = false

    @Flag(help: "Write a progressive JPEG (coarse to fine while loading; usually a few percent smaller).")
    var progressive = false

    @Flag(help: "Optimize the JPEG's Huffman tables for this picture (smaller, same pixels, a little slower).")
    var optimize = false

    /// `--keep-metadata` or `--strip`; each subcommand has its default (see ``keepsMetadata(byDefault:)``).
    @Flag var metadata: MetadataChoice?

    @Flag(
        name: .customLong("keep-profile"),
        help: "Leave the pixels in the picture's own color profile and write that profile with them, instead of converting to sRGB.")
    var keepProfile = false

    /// Whether EXIF and XMP go to the output: as `--keep-metadata`/`--strip` say, else the
    /// subcommand's default.
    func keepsMetadata(byDefault keep: Bool) -> Bool {
        metadata.map { $0 == .keepMetadata } ?? keep
    }

    func validate() throws {
        if let quality, !(0...100).contains(quality) {
            throw ValidationError("--quality must be between 0 and 100 (JPEG takes 1-100), not \(quality).")
        }
    }

    /// The encoding `path` gets: `--format` when given, else the path's extension (`-`: PNG),
    /// with `--quality` applied where the format takes one.
    func encoding(for path: String) throws(JobError) -> EncodeFormat {
        try JobIO.encoding(
            for: path, format: format, quality: quality, compression: compression, palette: palette, progressive: progressive,
            optimize: optimize)
    }

    /// The output, which this subcommand requires.
    func required() throws(JobError) -> String {
        guard let output else { throw JobError("no output given; name one with -o/--output (- for standard output).") }
        return output
    }
}

/// `--result-format`, for every job that reads a vision result.
struct ResultFormatOption: ParsableArguments {
    @Option(
        name: .customLong("result-format"), help: "Say the result's format instead of detecting it (e.g. azure-4.0, aws-text).",
        transform: { try Choices.pick($0) })
    var resultFormat: ResultFormat?
}

/// What goes to the output besides the pixels.
enum MetadataChoice: String, EnumerableFlag {
    case keepMetadata
    case strip

    static func help(for value: MetadataChoice) -> ArgumentHelp? {
        switch value {
        case .keepMetadata:
            return "Write the picture's EXIF (orientation reset to 1, embedded thumbnail removed) and XMP with the output."
        case .strip: return "Write no EXIF or XMP (an ICC profile only with --keep-profile)."
        }
    }
}
