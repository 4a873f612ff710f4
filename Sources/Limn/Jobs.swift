import Dispatch
import Foundation
import LimnAnnotate
import LimnCodecs
import LimnRaster
import LimnResults

/// Settings one call runs with, instead of process-wide ones: how many threads its raster work
/// may use and the limits its inputs and outputs are held to. What a server sets per request.
public struct JobSettings: Sendable, Equatable {
    /// Threads for this call's raster work (at least 1); nil: `Parallelism.maximumThreads`.
    public var threads: Int?
    /// What a picture's header may declare, and how many bytes are read.
    public var decodeLimits: DecodeLimits
    /// How large a result may be (bytes, regions).
    public var resultLimits: ResultLimits
    /// The largest picture made from a size the caller gives (a thumbnail's).
    public var pixelLimits: PixelLimits

    /// Settings with the process-wide thread count and the default limits unless given.
    public init(
        threads: Int? = nil, decodeLimits: DecodeLimits = .default, resultLimits: ResultLimits = .default,
        pixelLimits: PixelLimits = .default
    ) {
        self.threads = threads
        self.decodeLimits = decodeLimits
        self.resultLimits = resultLimits
        self.pixelLimits = pixelLimits
    }
}

/// The recipes as `async` functions for servers (Vapor, Hummingbird, gRPC handlers): bytes or
/// files in, encoded pictures or files out. The work runs on Limn's own threads, never on Swift's
/// cooperative pool, so a handler awaiting a 12 MP annotation leaves the pool to other requests.
/// Cancelling the calling task stops the job at its next stage (after decoding, after reading the
/// result, after drawing; before writing) with `CancellationError`; a stage already running
/// finishes first. Each call has its own ``JobSettings``. Errors are those of the synchronous
/// recipes: `CodecError`, `ResultsError`, `TextError`,
/// `RasterError`, ``LimnError``.
public enum Jobs {
    /// `image` annotated with `result` (JSON or hOCR/TSV bytes, its format detected unless given),
    /// encoded as `encoding`. A COCO file's picture is its only one unless `picture` says.
    public static func annotate(
        image: [UInt8], result: [UInt8], options: AnnotationOptions = AnnotationOptions(), encoding: EncodeFormat = .png(),
        format: ResultFormat? = nil, picture: PictureSelector? = nil, settings: JobSettings = JobSettings()
    ) async throws -> [UInt8] {
        try await run(settings) { check in
            let decoded = try ImageDecoder.decode(image, options: DecodeOptions(limits: settings.decodeLimits), source: "image")
            try check()
            let analysis = try Analysis(
                json: Data(result), format: format, source: "result", limits: settings.resultLimits, picture: picture)
            try check()
            let drawn = try Limn.annotate(image: decoded.image, analysis: analysis, options: options, geometry: decoded.geometry)
            try check()
            return try drawn.encoded(as: encoding)
        }
    }

    /// The file-to-file form of ``annotate(image:result:options:encoding:format:picture:settings:)``:
    /// `output` is written atomically in the format its extension names (nothing is left there on
    /// failure or cancellation).
    public static func annotate(
        imageFile: String, resultFile: String, output: String, options: AnnotationOptions = AnnotationOptions(),
        format: ResultFormat? = nil, settings: JobSettings = JobSettings()
    ) async throws {
        try await run(settings) { check in
            let encoding = try EncodeFormat(forPath: output)
            let decoded = try ImageDecoder.decode(file: imageFile, options: DecodeOptions(limits: settings.decodeLimits))
            try check()
            let analysis = try Analysis(
                contentsOfFile: resultFile, format: format, limits: settings.resultLimits, picture: .matching(imageFile))
            try check()
            let drawn = try Limn.annotate(image: decoded.image, analysis: analysis, options: options, geometry: decoded.geometry)
            try check()
            try drawn.write(to: output, as: encoding)
        }
    }

    /// Thumbnails of `image` at each size, cut as `crop` says, each encoded as `encoding`.
    public static func thumbnails(
        image: [UInt8], sizes: [Size], crop: ThumbnailCrop = .content(.attention), encoding: EncodeFormat = .jpeg(),
        settings: JobSettings = JobSettings()
    ) async throws -> [[UInt8]] {
        try await run(settings) { check in
            for size in sizes { try settings.pixelLimits.check(size, operation: "making a thumbnail") }
            let decoded = try ImageDecoder.decode(image, options: DecodeOptions(limits: settings.decodeLimits), source: "image")
            var out: [[UInt8]] = []
            for size in sizes {
                try check()
                out.append(
                    try Thumbnail.make(from: decoded.image, size: size, crop: crop, limits: settings.pixelLimits).encoded(as: encoding))
            }
            return out
        }
    }

    /// `image` cut out along `matte` (any form ``Matte/read(bytes:source:limits:)`` reads) and
    /// composited as `options` say, encoded as `encoding` (PNG or WebP keep transparency).
    public static func cutout(
        image: [UInt8], matte: [UInt8], options: CutoutOptions = CutoutOptions(), encoding: EncodeFormat = .png(),
        settings: JobSettings = JobSettings()
    ) async throws -> [UInt8] {
        try await run(settings) { check in
            let decoded = try ImageDecoder.decode(image, options: DecodeOptions(limits: settings.decodeLimits), source: "image")
            try check()
            let mask = try Matte.read(bytes: matte, source: "matte", limits: settings.decodeLimits)
            try check()
            let cut = try Cutout.make(picture: decoded.image, matte: mask, options: options)
            try check()
            return try cut.encoded(as: encoding)
        }
    }

    /// Runs `body` on a thread of Limn's own (a `Dispatch` queue, not the cooperative pool) with
    /// the call's thread count, and resumes the caller with its result. `body` gets a check to
    /// call between stages: it throws `CancellationError` once the calling task is cancelled.
    static func run<T: Sendable>(
        _ settings: JobSettings, _ body: @escaping @Sendable (_ check: () throws -> Void) throws -> T
    ) async throws -> T {
        let cancelled = CancelFlag()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, Error>) in
                Self.queue.async {
                    let check: () throws -> Void = { if cancelled.isSet { throw CancellationError() } }
                    do {
                        try check()
                        let value = try Parallelism.withMaximumThreads(settings.threads ?? Parallelism.maximumThreads) {
                            try body(check)
                        }
                        continuation.resume(returning: value)
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }
            }
        } onCancel: {
            cancelled.set()
        }
    }

    /// Where the jobs run: Dispatch's threads, not the cooperative pool. How many jobs run at once is
    /// the caller's to bound (each holds its pictures in memory).
    static let queue = DispatchQueue(label: "limn.jobs", qos: .userInitiated, attributes: .concurrent)

    final class CancelFlag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        var isSet: Bool { lock.withLock { value } }
        func set() { lock.withLock { value = true } }
    }
}
