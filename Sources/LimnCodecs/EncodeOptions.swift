import LimnRaster

/// The format and settings to encode with.
public enum EncodeFormat: Sendable, Equatable {
    /// PNG, lossless, with transparency.
    case png(PNGOptions = PNGOptions())
    /// JPEG, lossy, opaque (transparency flattened onto ``JPEGOptions/background``).
    case jpeg(JPEGOptions = JPEGOptions())
    /// WebP, lossy or lossless, with transparency.
    case webp(WebPOptions = WebPOptions())
    /// BMP, uncompressed, 24-bit or 32-bit with alpha.
    case bmp(BMPOptions = BMPOptions())
    /// AVIF (AV1 in HEIF) through libheif, lossy or lossless, with transparency.
    case avif(AVIFOptions = AVIFOptions())

    /// The format written.
    public var format: ImageFormat {
        switch self {
        case .png: return .png
        case .jpeg: return .jpeg
        case .webp: return .webp
        case .bmp: return .bmp
        case .avif: return .avif
        }
    }

    /// The default settings of `format`, with `quality` applied where the format has one
    /// (JPEG, lossy WebP, AVIF); nil for a format Limn reads but does not write (GIF, ICO, TIFF, HEIC).
    public init?(_ format: ImageFormat, quality: Int? = nil) {
        switch format {
        case .png: self = .png()
        case .jpeg: self = .jpeg(JPEGOptions(quality: quality ?? JPEGOptions().quality))
        case .webp: self = .webp(WebPOptions(quality: quality ?? WebPOptions().quality))
        case .bmp: self = .bmp()
        case .avif: self = .avif(AVIFOptions(quality: quality ?? AVIFOptions().quality))
        case .gif, .ico, .tiff, .heic: return nil
        }
    }
}

/// How a PNG is written.
public struct PNGOptions: Sendable, Equatable {
    /// How hard the writer works (libdeflate's level and the row filters it tries). Sizes and
    /// times measured on photographs and annotated pictures are in Benchmarks/README.md (J4).
    public enum Compression: Sendable, Equatable, CaseIterable {
        /// Speed over size: the Up filter on every row, zlib's run-length matcher on every core.
        case fast
        /// The Paeth filter, zlib's run-length matcher on every core: no larger than OpenCV's
        /// default PNG on the benchmark pictures, in about half its time. The default.
        case balanced
        /// The best of the five filters per row, zlib's run-length matcher on every core:
        /// smaller than Pillow's level 6.
        case compact
        /// The best filter per row, libdeflate level 12 on one core (its whole-buffer API
        /// cannot be cut in bands): the smallest files, several times slower.
        case smallest
    }

    /// How hard the writer works (``Compression/balanced`` by default).
    public var compression: Compression
    /// Write an indexed PNG (`PLTE`, `tRNS` for transparency, 1 to 8 bits an index) when the
    /// picture has at most 256 distinct colors, alpha counted: label maps, charts, annotated
    /// flat graphics. Other pictures are written as RGB/RGBA as usual. Exact either way.
    public var palette: Bool

    /// Balanced compression, truecolour unless a palette is asked for.
    public init(compression: Compression = .balanced, palette: Bool = false) {
        self.compression = compression
        self.palette = palette
    }
}

/// How a JPEG is written (libjpeg-turbo).
public struct JPEGOptions: Sendable, Equatable {
    /// How the two chroma channels are sampled against luminance.
    public enum Subsampling: Sendable, Equatable, CaseIterable {
        /// Full-resolution chroma.
        case s444
        /// Chroma halved horizontally.
        case s422
        /// Chroma halved both ways (the usual choice for photos).
        case s420
        /// Luminance only: a grayscale JPEG.
        case gray
    }

    /// 1 (smallest) to 100 (best).
    public var quality: Int
    /// Chroma sampling (4:2:0 by default).
    public var subsampling: Subsampling
    /// Progressive scans (libjpeg's simple progression): usually a few percent smaller, and
    /// shown coarse-to-fine while loading; its Huffman tables are always optimized.
    public var progressive: Bool
    /// Huffman tables made for this picture (a second pass over its coefficients): smaller, the
    /// same pixels. Off by default, as in cjpeg, Pillow and OpenCV.
    public var optimizeCoding: Bool
    /// Transparent pixels are composited over this color first (JPEG has no alpha).
    public var background: Pixel

    /// Quality 85, 4:2:0, baseline, standard Huffman tables, flattened onto white, unless given.
    public init(
        quality: Int = 85, subsampling: Subsampling = .s420, progressive: Bool = false, optimizeCoding: Bool = false,
        background: Pixel = .white
    ) {
        self.quality = quality
        self.subsampling = subsampling
        self.progressive = progressive
        self.optimizeCoding = optimizeCoding
        self.background = background
    }
}

/// How a WebP is written (libwebp).
public struct WebPOptions: Sendable, Equatable {
    /// libwebp's presets: starting points tuned for a kind of picture (`WebPConfigPreset`).
    public enum Preset: Sendable, Equatable, CaseIterable {
        /// libwebp's default settings.
        case `default`
        /// Digital pictures such as portraits, indoor shots.
        case picture
        /// Outdoor photographs with natural light.
        case photo
        /// Drawings with high-contrast detail.
        case drawing
        /// Small colourful images.
        case icon
        /// Text-like pictures.
        case text
    }

    /// 0 (smallest) to 100 (best), for lossy encoding.
    public var quality: Int
    /// Lossless encoding: exact pixels, `quality` ignored.
    public var lossless: Bool
    /// libwebp's effort, 0 (fastest) to 6 (smallest); 4 is cwebp's default.
    public var method: Int
    /// The preset the encoder starts from (``Preset/default`` by default).
    public var preset: Preset

    /// The encoder uses a second thread (`thread_level`) when `Parallelism.maximumThreads` allows;
    /// the bytes are the same either way.
    public init(quality: Int = 80, lossless: Bool = false, method: Int = 4, preset: Preset = .default) {
        self.quality = quality
        self.lossless = lossless
        self.method = method
        self.preset = preset
    }

    /// Lossless WebP with the other settings at their defaults.
    public static let lossless = WebPOptions(lossless: true)
}

/// AVIF through libheif's AV1 encoder (aom in Debian's build).
public struct AVIFOptions: Sendable, Equatable {
    /// 0 (smallest) to 100 (best), libheif's lossy quality (aom's quantizer scaled).
    public var quality: Int
    /// aom's `cpu-used`: 0 (slowest, smallest) to 9 (fastest). 6 is libheif's and avifenc's default.
    public var speed: Int
    /// Lossless: 4:4:4 in the RGB matrix (identity), exact pixels; `quality` ignored.
    public var lossless: Bool
    /// Chroma subsampling for lossy encoding.
    public var subsampling: Subsampling

    /// How the chroma channels are sampled against luminance in lossy encoding.
    public enum Subsampling: String, Sendable, Equatable, CaseIterable {
        /// Chroma halved both ways.
        case s420 = "420"
        /// Chroma halved horizontally.
        case s422 = "422"
        /// Full-resolution chroma.
        case s444 = "444"
    }

    /// Quality 60, speed 6, lossy 4:2:0, unless given.
    public init(quality: Int = 60, speed: Int = 6, lossless: Bool = false, subsampling: Subsampling = .s420) {
        self.quality = quality
        self.speed = speed
        self.lossless = lossless
        self.subsampling = subsampling
    }
}

/// How a BMP is written.
public struct BMPOptions: Sendable, Equatable {
    /// Rows stored top row first (negative height) instead of BMP's usual bottom-up order.
    public var topDown: Bool

    /// Rows bottom-up, as BMP usually stores them, unless `topDown`.
    public init(topDown: Bool = false) {
        self.topDown = topDown
    }
}
