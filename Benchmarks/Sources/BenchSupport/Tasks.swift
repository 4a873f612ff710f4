import Foundation
import Limn
import LimnText

/// One measured job: the same body runs under package-benchmark (`swift package benchmark`)
/// and in `limn-tasks`, which `Benchmarks/compare` sets beside the peers.
public struct BenchTask: @unchecked Sendable {
    public enum Area: String, Sendable {
        case codecs = "Codecs", resize = "Resize", composite = "Composite", draw = "Draw", annotate = "Annotate", pipeline = "Pipeline"
    }

    /// The task id shared with peerbench (T1, T2, …).
    public let task: String
    /// A unique case name, `limn_…`.
    public let name: String
    public let summary: String
    public let area: Area
    /// Pixels of the input, for throughput.
    public let pixels: Int
    /// The measured part. Inputs are loaded and destinations allocated before it.
    public let run: () throws -> Void
    /// Labels printed with the row (J4: the input and the level).
    public var details: [String: String] = [:]
    /// The size of what the task makes, measured once after the timing (J4: the PNG's bytes).
    public var outputBytes: (() throws -> Int)?
}

/// Holds state a task reuses between runs (a warm destination image).
final class Warm<Value>: @unchecked Sendable {
    var value: Value
    init(_ value: Value) { self.value = value }
}

public enum LimnTasks {
    /// Every task whose code exists today, with its inputs loaded.
    /// `files`: J4's pictures (any format Limn reads), encoded to PNG at every level.
    public static func all(_ inputs: BenchInputs, only: Set<String>? = nil, files: [String] = []) throws -> [BenchTask] {
        func wanted(_ task: String) -> Bool { only.map { $0.contains(task) } ?? true }
        var tasks: [BenchTask] = []
        let output = NSTemporaryDirectory() + "limn-bench-out-\(getpid())"
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)

        for (task, file, pixels) in [("T1", "synth_4000x3000_q90.jpg", 12_000_000), ("T1s", "synth_1024x768_q90.jpg", 1024 * 768)]
        where wanted(task) {
            let input = inputs.path(file), out = output + "/\(task).jpg"
            tasks.append(
                BenchTask(
                    task: task, name: "limn_thumbnail",
                    summary: "Thumbnail.make(fromFile:) fit 400x400 (shrink-on-load, Lanczos3) → JPEG q85 file (atomic)",
                    area: .pipeline, pixels: pixels
                ) {
                    try Thumbnail.make(fromFile: input, sizes: [Size(width: 400, height: 400)], crop: .none)[0]
                        .write(to: out, as: .jpeg(JPEGOptions(quality: 85)))
                })
        }

        for (task, file, pixels) in [("T2", "synth_4000x3000_q90.jpg", 12_000_000), ("T2s", "synth_1024x768_q90.jpg", 1024 * 768)]
        where wanted(task) {
            let bytes = try inputs.bytes(file)
            tasks.append(
                BenchTask(
                    task: task, name: "limn_decode", summary: "ImageDecoder.decode(bytes) → new RGBA image",
                    area: .codecs, pixels: pixels
                ) {
                    _ = try ImageDecoder.decode(bytes).image.width
                })
            let warm = Warm(try ImageDecoder.decode(bytes).image)
            tasks.append(
                BenchTask(
                    task: task, name: "limn_decode_into", summary: "ImageDecoder.decode(bytes, into: &warmImage) → RGBA",
                    area: .codecs, pixels: pixels
                ) {
                    _ = try ImageDecoder.decode(bytes, into: &warm.value)
                })
            // The same JPEG tagged Adobe RGB (1998), converted to sRGB on decode: the cost of color
            // management against the plain decode above. The profile is Ghostscript's (Debian's
            // ghostscript package); without it the case is left out.
            let adobe = "/usr/share/color/icc/ghostscript/a98.icc"
            if task == "T2", let profile = FileManager.default.contents(atPath: adobe) {
                let segment = Array("ICC_PROFILE".utf8) + [0, 1, 1] + [UInt8](profile)
                let app2: [UInt8] = [0xFF, 0xE2, UInt8((segment.count + 2) >> 8), UInt8((segment.count + 2) & 0xFF)] + segment
                let tagged = Array(bytes[0..<2]) + app2 + Array(bytes[2...])
                let converting = Warm(try ImageDecoder.decode(tagged).image)
                tasks.append(
                    BenchTask(
                        task: task, name: "limn_decode_adobe_rgb_into",
                        summary: "as limn_decode_into, the JPEG tagged Adobe RGB (1998): converted to sRGB by Little CMS",
                        area: .codecs, pixels: pixels
                    ) {
                        _ = try ImageDecoder.decode(tagged, into: &converting.value)
                    })
            }
        }

        if wanted("T3") {
            let rgb = try inputs.image("synth_4000x3000_q90.jpg")
            let target = Size(width: 1000, height: 750)
            tasks.append(
                BenchTask(
                    task: "T3", name: "limn_lanczos3", summary: "resized(to: 1000x750) Lanczos3, box pre-shrink 2 then the kernel",
                    area: .resize, pixels: 12_000_000
                ) {
                    _ = try rgb.resized(to: target).width
                })
            tasks.append(
                BenchTask(
                    task: "T3", name: "limn_lanczos3_pure", summary: "Lanczos3 kernel all the way (24 taps per axis), no pre-shrink",
                    area: .resize, pixels: 12_000_000
                ) {
                    _ = try rgb.resized(to: target, preShrink: false).width
                })
            let workspace = ResampleWorkspace()
            let warm = Warm(try rgb.resized(to: target))
            tasks.append(
                BenchTask(
                    task: "T3", name: "limn_lanczos3_into", summary: "resample(into: warm image, workspace:) Lanczos3 with pre-shrink",
                    area: .resize, pixels: 12_000_000
                ) {
                    try rgb.resample(into: &warm.value, size: target, workspace: workspace)
                })
            let singleWorkspace = ResampleWorkspace()
            let singleWarm = Warm(try rgb.resized(to: target))
            tasks.append(
                BenchTask(
                    task: "T3", name: "limn_lanczos3_into_1thread",
                    summary: "as limn_lanczos3_into on one thread: allocates nothing (Dispatch is not involved)",
                    area: .resize, pixels: 12_000_000
                ) {
                    try Parallelism.withMaximumThreads(1) {
                        try rgb.resample(into: &singleWarm.value, size: target, workspace: singleWorkspace)
                    }
                })
        }

        if wanted("T4") {
            let background = try inputs.image("bg_4000x3000_q90.jpg")
            let cutout = try inputs.image("cutout_4000x3000_rgba.png")
            tasks.append(
                BenchTask(
                    task: "T4", name: "limn_compositing", summary: "background.compositing(cutout) → new image (over, opaque fast path)",
                    area: .composite, pixels: 12_000_000
                ) {
                    _ = background.compositing(cutout).width
                })
            let warm = Warm(background)
            warm.value[0, 0] = warm.value[0, 0]  // own the storage before measuring
            tasks.append(
                BenchTask(
                    task: "T4", name: "limn_composite_in_place", summary: "background.composite(cutout) in place",
                    area: .composite, pixels: 12_000_000
                ) {
                    warm.value.composite(cutout)
                })
        }

        if wanted("T4c") {
            let photo = inputs.path("synth_4000x3000_q90.jpg"), matte = inputs.path("matte_4000x3000_l.png")
            let out = output + "/T4c.png"
            tasks.append(
                BenchTask(
                    task: "T4c", name: "limn_cutout_job",
                    summary: "decode photo + matte files, cutout (decontaminated) on its blurred original, shadow, PNG fast, atomic write",
                    area: .pipeline, pixels: 12_000_000
                ) {
                    let picture = try Image(contentsOfFile: photo)
                    let result = try Cutout.make(
                        picture: picture, matte: try Matte.read(file: matte),
                        options: CutoutOptions(
                            background: .blurredOriginal(sigma: 24), shadow: .init()))
                    try result.write(to: out, as: .png(PNGOptions(compression: .fast)))
                })
        }

        if wanted("T7") {
            let spec = try DrawSpec.load(inputs)
            let canvas = Image(width: 1920, height: 1080, fill: Pixel(r: 245, g: 245, b: 240))
            let font = Font(family: "DejaVu Sans", size: 18)
            let warm = Warm(canvas)
            tasks.append(
                BenchTask(
                    task: "T7", name: "limn_draw",
                    summary: "200 anti-aliased polygons + 200 shaped FreeType labels (DejaVu Sans 18 px), on a copy",
                    area: .draw, pixels: 1920 * 1080
                ) {
                    warm.value = canvas
                    for polygon in spec.polygons { try warm.value.fill(.polygon(polygon.points), with: polygon.color) }
                    for label in spec.labels { try warm.value.draw(label.text, at: label.origin, font: font, color: label.color) }
                })
            let listed = Warm(canvas)
            tasks.append(
                BenchTask(
                    task: "T7", name: "limn_draw_list",
                    summary: "the same shapes and labels recorded in a DrawList, drawn in bands of rows on every core, on a copy",
                    area: .draw, pixels: 1920 * 1080
                ) {
                    listed.value = canvas
                    var list = DrawList()
                    for polygon in spec.polygons { try list.fill(.polygon(polygon.points), with: polygon.color) }
                    for label in spec.labels { try list.draw(label.text, at: label.origin, font: font, color: label.color) }
                    listed.value.draw(list)
                })
        }

        for (task, make) in [
            ("T8", { () throws -> AnnotateInput in try AnnotateInputs.sample() }),
            ("T8b", { () throws -> AnnotateInput in try AnnotateInputs.large(inputs) }),
        ] where wanted(task) {
            let input = try make()
            let picture = try ImageDecoder.decode(input.picture).image
            let pixels = picture.width * picture.height
            tasks.append(
                BenchTask(
                    task: task, name: "limn_annotate",
                    summary: "Analysis(json:) + mapped + Annotator, every feature, no decode or encode (\(input.description))",
                    area: .annotate, pixels: pixels
                ) {
                    let analysis = try Analysis(json: input.json)
                    _ = try annotate(image: picture, analysis: analysis).width
                })
            tasks.append(
                BenchTask(
                    task: task, name: "limn_decode_same", summary: "ImageDecoder.decode of the same picture (the bar to stay under)",
                    area: .annotate, pixels: pixels
                ) {
                    _ = try ImageDecoder.decode(input.picture).image.width
                })
        }

        if wanted("T8c"), let input = AnnotateInputs.handwritten() {
            let picture = try ImageDecoder.decode(input.picture).image
            let options = AnnotationOptions(features: [.text], textMode: .text)
            tasks.append(
                BenchTask(
                    task: "T8c", name: "limn_ocr_page",
                    summary:
                        "Analysis(json:) of the whole text hierarchy + mapped + every line typeset in its polygon (\(input.description))",
                    area: .annotate, pixels: picture.width * picture.height
                ) {
                    _ = try annotate(image: picture, analysis: try Analysis(json: input.json), options: options).width
                })
            tasks.append(
                BenchTask(
                    task: "T8c", name: "limn_decode_same", summary: "ImageDecoder.decode of the same JPEG (the bar to stay under)",
                    area: .annotate, pixels: picture.width * picture.height
                ) {
                    _ = try ImageDecoder.decode(input.picture).image.width
                })
        }

        if wanted("T11") {
            let input = try MaskInputs.make(inputs)
            let picture = try ImageDecoder.decode(input.picture).image
            let options = AnnotationOptions(features: [.objects, .people, .masks, .legend])
            tasks.append(
                BenchTask(
                    task: "T11", name: "limn_masks",
                    summary:
                        "Analysis(json:) + 100 run-length masks traced, filled and outlined + 100 labels in four scripts (\(input.description))",
                    area: .annotate, pixels: picture.width * picture.height
                ) {
                    _ = try annotate(image: picture, analysis: try Analysis(json: input.json), options: options).width
                })
            tasks.append(
                BenchTask(
                    task: "T11", name: "limn_decode_same", summary: "ImageDecoder.decode of the same JPEG (the bar to stay under)",
                    area: .annotate, pixels: picture.width * picture.height
                ) {
                    _ = try ImageDecoder.decode(input.picture).image.width
                })
        }

        if wanted("T4b") {
            let rgb = try inputs.image("synth_4000x3000_q90.jpg")
            let matte = try inputs.mask("matte_4000x3000_l.png")
            tasks.append(
                BenchTask(
                    task: "T4b", name: "limn_setting_alpha", summary: "rgb.settingAlpha(matte) → new RGBA image",
                    area: .composite, pixels: 12_000_000
                ) {
                    _ = try rgb.settingAlpha(matte).width
                })
            let warm = Warm(rgb)
            warm.value[0, 0] = warm.value[0, 0]  // own the storage before measuring
            tasks.append(
                BenchTask(
                    task: "T4b", name: "limn_set_alpha_in_place", summary: "image.setAlpha(matte) in place (no allocation)",
                    area: .composite, pixels: 12_000_000
                ) {
                    try warm.value.setAlpha(matte)
                })
        }

        if wanted("T5") {
            let rgba = try inputs.image("cutout_2000x1500_rgba.png")
            for (compression, name, summary) in [
                (PNGOptions.Compression.fast, "limn_png_fast", "PNG encode RGBA: Up filter, libdeflate 1"),
                (.balanced, "limn_png_balanced", "PNG encode RGBA: 4 filters per row, libdeflate 5 (the default)"),
                (.compact, "limn_png_compact", "PNG encode RGBA: 5 filters per row, libdeflate 9"),
                (.smallest, "limn_png_smallest", "PNG encode RGBA: 5 filters per row, libdeflate 12"),
            ] {
                tasks.append(
                    BenchTask(task: "T5", name: name, summary: summary, area: .codecs, pixels: 3_000_000) {
                        _ = try rgba.encoded(as: .png(PNGOptions(compression: compression))).count
                    })
            }
        }

        // J4: PNG writing at each level on the given pictures (Benchmarks/jobs.py sets the peers beside it).
        if only?.contains("J4") == true {
            for file in files {
                let picture = try Image(contentsOfFile: file)
                let name = (file as NSString).lastPathComponent
                for level in PNGOptions.Compression.allCases {
                    let options = EncodeFormat.png(PNGOptions(compression: level))
                    var task = BenchTask(
                        task: "J4", name: "limn_png_\(level)_\(name)", summary: "PNG encode \(name) at \(level)", area: .codecs,
                        pixels: picture.width * picture.height
                    ) {
                        _ = try picture.encoded(as: options).count
                    }
                    task.details = ["input": name, "level": "\(level)"]
                    task.outputBytes = { try picture.encoded(as: options).count }
                    tasks.append(task)
                }
            }
        }

        // J5: JPEG writing (q85, 4:2:0) plain, with optimized tables, progressive.
        if only?.contains("J5") == true {
            for file in files {
                let picture = try Image(contentsOfFile: file)
                let name = (file as NSString).lastPathComponent
                for (variant, options) in [
                    ("plain", JPEGOptions(quality: 85)), ("optimize", JPEGOptions(quality: 85, optimizeCoding: true)),
                    ("progressive", JPEGOptions(quality: 85, progressive: true)),
                ] {
                    var task = BenchTask(
                        task: "J5", name: "limn_jpeg_\(variant)_\(name)", summary: "JPEG encode \(name) q85 \(variant)", area: .codecs,
                        pixels: picture.width * picture.height
                    ) {
                        _ = try picture.encoded(as: .jpeg(options)).count
                    }
                    task.details = ["input": name, "level": variant]
                    task.outputBytes = { try picture.encoded(as: .jpeg(options)).count }
                    tasks.append(task)
                }
            }
        }

        if wanted("T6") {
            let rgb = try inputs.image("synth_2000x1500_rgb.png")
            tasks.append(
                BenchTask(
                    task: "T6", name: "limn_webp_q80", summary: "WebP encode quality 80, method 4",
                    area: .codecs, pixels: 3_000_000
                ) {
                    _ = try rgb.encoded(as: .webp(WebPOptions(quality: 80))).count
                })
        }

        // The formats Limn reads but the peers' usual benchmarks do not: files made from the same
        // 2000x1500 picture by libvips (Benchmarks/compare makes them; a missing one is skipped).
        if wanted("T9") {
            for (file, name) in [
                ("synth_2000x1500_lzw.tif", "limn_decode_tiff"), ("synth_2000x1500.gif", "limn_decode_gif"),
                ("synth_2000x1500.heic", "limn_decode_heic"), ("synth_2000x1500.avif", "limn_decode_avif"),
            ] where FileManager.default.fileExists(atPath: inputs.path(file)) {
                let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: inputs.path(file))))
                tasks.append(
                    BenchTask(
                        task: "T9", name: name, summary: "ImageDecoder.decode(bytes) of \(file) → new RGBA image",
                        area: .codecs, pixels: 3_000_000
                    ) {
                        _ = try ImageDecoder.decode(bytes).image.width
                    })
            }
        }

        if wanted("T10") {
            let rgb = try inputs.image("synth_2000x1500_rgb.png")
            tasks.append(
                BenchTask(
                    task: "T10", name: "limn_avif_q60_s6", summary: "AVIF encode quality 60, speed 6 (libheif + aom), 4:2:0",
                    area: .codecs, pixels: 3_000_000
                ) {
                    _ = try rgb.encoded(as: .avif(AVIFOptions(quality: 60, speed: 6))).count
                })
        }
        return tasks
    }
}
