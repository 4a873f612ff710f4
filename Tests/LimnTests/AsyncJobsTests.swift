import Foundation
import LimnTestSupport
import Testing

@testable import Limn

/// The `async` recipes as a server uses them: from an actor under Swift 6's strict concurrency,
/// off the cooperative pool, cancellable between stages, with limits of their own per call.
@Suite struct AsyncJobsTests {
    let scenePath = RepositoryPaths.testImages + "/scene/street.png"
    let resultPath = RepositoryPaths.testImages + "/results/azure40-scene.json"
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.path + "/limn-jobs-\(UInt64.random(in: 0...UInt64.max))-" + name
    }
    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    /// A request handler's state lives in an actor; it awaits the job and gets the synchronous
    /// recipe's picture, byte for byte once decoded.
    actor Renderer {
        var rendered = 0
        func render(image: [UInt8], result: [UInt8], options: AnnotationOptions) async throws -> [UInt8] {
            let png = try await Jobs.annotate(image: image, result: result, options: options, encoding: .png())
            rendered += 1
            return png
        }
    }

    @Test func anActorAwaitsTheSamePictureTheSynchronousRecipeDraws() async throws {
        let options = AnnotationOptions(features: [.objects, .people, .caption])
        let renderer = Renderer()
        let png = try await renderer.render(image: try bytes(scenePath), result: try bytes(resultPath), options: options)
        let reference = try annotate(
            image: try ImageDecoder.decode(file: scenePath).image, analysis: try Analysis(contentsOfFile: resultPath), options: options)
        #expect(try ImageDecoder.decode(png, source: "job").image == reference)
        #expect(await renderer.rendered == 1)
        // One thread or many: the same pixels.
        let single = try await Jobs.annotate(
            image: try bytes(scenePath), result: try bytes(resultPath), options: options, settings: JobSettings(threads: 1))
        #expect(try ImageDecoder.decode(single, source: "job").image == reference)
    }

    @Test func theFileFormWritesWhatTheSynchronousFormWrites() async throws {
        let a = temporary("async.png"), b = temporary("sync.png")
        defer { for p in [a, b] { try? FileManager.default.removeItem(atPath: p) } }
        let options = AnnotationOptions(features: [.objects])
        try await Jobs.annotate(imageFile: scenePath, resultFile: resultPath, output: a, options: options)
        try annotate(imageFile: scenePath, resultFile: resultPath, output: b, options: options)
        #expect(try bytes(a) == bytes(b))
    }

    /// A task cancelled before its job starts ends with `CancellationError` and leaves no output
    /// behind; one cancelled while a stage runs stops at the next check between stages.
    @Test func cancellingStopsTheJobAndWritesNothing() async throws {
        let output = temporary("cancelled.png")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let image = try bytes(scenePath), result = try bytes(resultPath)
        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await Jobs.annotate(image: image, result: result)
        }
        await #expect(throws: CancellationError.self) { try await early.value }
        let earlyFile = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await Jobs.annotate(imageFile: scenePath, resultFile: resultPath, output: output)
        }
        await #expect(throws: CancellationError.self) { try await earlyFile.value }
        #expect(!FileManager.default.fileExists(atPath: output))

        // Mid-way: the stage says it has started, the task is cancelled, and the stage's next check
        // throws; the stage never gets to its end. The stage waits for the cancellation rather than
        // for a fixed time, so a loaded machine (the test runner's own threads busy for minutes)
        // cannot make the job end before it is cancelled.
        let started = Flag(), cancelIssued = Flag(), finished = Flag()
        let running = Task {
            try await Jobs.run(JobSettings()) { check in
                started.set()
                #expect(cancelIssued.wait(seconds: 1800), "the test never cancelled the job")
                try check()
                finished.set()
            }
        }
        while !started.isSet { try await Task.sleep(for: .milliseconds(1)) }
        running.cancel()
        cancelIssued.set()
        await #expect(throws: CancellationError.self) { try await running.value }
        #expect(!finished.isSet)
    }

    final class Flag: @unchecked Sendable {
        private let condition = NSCondition()
        private var value = false
        var isSet: Bool { condition.withLock { value } }
        func set() {
            condition.withLock {
                value = true
                condition.broadcast()
            }
        }
        /// Blocks the calling thread until the flag is set or `seconds` pass; whether it was set.
        func wait(seconds: Double) -> Bool {
            let deadline = Date(timeIntervalSinceNow: seconds)
            return condition.withLock {
                while !value { if !condition.wait(until: deadline) { break } }
                return value
            }
        }
    }

    /// More jobs than the cooperative pool has threads, each holding its thread until a task on
    /// the pool has run: that task still runs, because none of the jobs holds a pool thread. Were
    /// the jobs on the pool, every pool thread would wait for a task that cannot start, and each
    /// job would give up after its (long, so that a loaded machine never trips it) deadline.
    @Test func jobsLeaveTheCooperativePoolFree() async throws {
        let probeRan = Flag()
        let count = ProcessInfo.processInfo.activeProcessorCount + 2
        let sawTheProbe = try await withThrowingTaskGroup(of: Bool.self) { group in
            for _ in 0..<count {
                group.addTask { try await Jobs.run(JobSettings(threads: 1)) { _ in probeRan.wait(seconds: 1800) } }
            }
            group.addTask {
                probeRan.set()
                return true
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(sawTheProbe.count == count + 1)
        #expect(sawTheProbe.allSatisfy { $0 }, "a job waited for the probe in vain: \(sawTheProbe)")
        // A real recipe from the same pool: more thumbnail jobs than threads all finish.
        let picture = try Image(width: 160, height: 120, fill: Pixel(r: 30, g: 60, b: 90)).encoded(as: .png())
        let sizes = try await withThrowingTaskGroup(of: Size.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let png = try await Jobs.thumbnails(
                        image: picture, sizes: [Size(width: 80, height: 60)], settings: JobSettings(threads: 1))
                    return try ImageDecoder.decode(png[0], source: "thumbnail").image.size
                }
            }
            return try await group.reduce(into: [Size]()) { $0.append($1) }
        }
        #expect(sizes == Array(repeating: Size(width: 80, height: 60), count: count))
    }

    /// Each call's own limits: a picture over its decode limit, a thumbnail over its pixel
    /// limit, each a typed error naming what was refused.
    @Test func limitsArePerCall() async throws {
        let image = try bytes(scenePath)
        await #expect(throws: CodecError.self) {
            _ = try await Jobs.annotate(
                image: image, result: try bytes(resultPath), settings: JobSettings(decodeLimits: DecodeLimits(maxPixels: 1000)))
        }
        await #expect(throws: RasterError.self) {
            _ = try await Jobs.thumbnails(
                image: image, sizes: [Size(width: 4000, height: 4000)],
                settings: JobSettings(pixelLimits: PixelLimits(maxPixels: 1_000_000)))
        }
        // The defaults take the same calls.
        let thumbnails = try await Jobs.thumbnails(image: image, sizes: [Size(width: 64, height: 64), Size(width: 32, height: 20)])
        #expect(
            try thumbnails.map { try ImageDecoder.decode($0, source: "thumbnail").image.size } == [
                Size(width: 64, height: 64), Size(width: 32, height: 20),
            ])
    }

    @Test func aCutoutComesBackWithItsTransparency() async throws {
        let picture = Image(width: 40, height: 30, fill: Pixel(r: 200, g: 20, b: 20))
        var matte = Mask(width: 40, height: 30)
        for y in 10..<20 { for x in 10..<30 { matte[x, y] = 255 } }
        let png = try await Jobs.cutout(
            image: try picture.encoded(as: .png()), matte: try matte.encoded(as: .png()), options: CutoutOptions())
        let cut = try ImageDecoder.decode(png, source: "cutout").image
        #expect(cut.size == picture.size)
        #expect(cut[15, 15].a == 255 && cut[2, 2].a == 0)
    }
}
