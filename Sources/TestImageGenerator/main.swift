// Writes every picture of `TestImages/` from the deterministic patterns in LimnTestSupport.
// Run on demand, then commit its output:  swift run TestImageGenerator [output-folder]
import Foundation
import LimnCodecs
import LimnTestSupport

let root = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : RepositoryPaths.testImages
var lines: [String] = []
do {
    for picture in TestPictures.all {
        try write(picture.make(), to: picture.file)
        lines.append(
            "| `\(picture.file)` | \(picture.format) | \(picture.fidelity == .exact ? "exact" : "lossy") | \(picture.orientation.rawValue) |"
        )
    }
    for broken in BrokenFiles.all {
        try write(broken.make(), to: broken.file)
        lines.append("| `\(broken.file)` | broken | must fail: \(broken.failure.rawValue) | |")
    }
    let scene = try Scene.draw()
    try write(try ImageEncoder.encode(scene, as: .png(PNGOptions(compression: .compact))), to: "scene/street.png")
    lines.append("| `scene/street.png` | PNG | the street scene (drawn by Limn) | 1 |")
    try write(try ImageEncoder.encode(scene, as: .jpeg(JPEGOptions(quality: 90))), to: "scene/street.jpg")
    lines.append("| `scene/street.jpg` | JPEG | the street scene, q90 | 1 |")
    for file in try SceneResults.all() {
        try write(Array(file.json.utf8), to: "results/" + file.name)
        lines.append("| `results/\(file.name)` | JSON | a vendor result describing the scene | |")
    }
    let page = try DocumentPage.draw()
    try write(try ImageEncoder.encode(page, as: .png(PNGOptions(compression: .compact))), to: "document/invoice.png")
    lines.append("| `document/invoice.png` | PNG | a one-page invoice (drawn by Limn) | 1 |")
    let documentResults: [(String, String, String, () throws -> String)] = [
        ("document-intelligence.json", "JSON", "Document Intelligence v4 (inches)", DocumentPage.documentIntelligence),
        ("textract.json", "JSON", "Textract AnalyzeDocument (fractions)", DocumentPage.textract),
        ("google.json", "JSON", "Google Vision's full text", DocumentPage.google),
        ("content-understanding.json", "JSON", "Content Understanding (D(...) sources)", DocumentPage.contentUnderstanding),
        ("easyocr.json", "JSON", "EasyOCR's readtext", DocumentPage.easyOCR),
        ("paddleocr.json", "JSON", "PaddleOCR 3.x's result", DocumentPage.paddleOCR),
        ("tesseract.hocr", "hOCR", "Tesseract's reading, with its slips,", DocumentPage.tesseractHOCR),
    ]
    for (name, kind, what, make) in documentResults {
        try write(Array(try make().utf8), to: "document/" + name)
        lines.append("| `document/\(name)` | \(kind) | \(what) describing the invoice | |")
    }
    let detectionResults: [(String, String, String, () throws -> String)] = [
        (
            "coco.json", "JSON",
            "a COCO annotation file (polygons, a run-length mask with a hole, keypoints) for the scene and one other picture",
            DetectionResults.coco
        ),
        ("ultralytics.json", "JSON", "Ultralytics to_json (segments, poses) describing the scene", DetectionResults.ultralytics),
        (
            "florence2.json", "JSON", "Florence-2 <OD> and a referring-expression segmentation describing the scene",
            DetectionResults.florence2
        ),
        ("yolo.txt", "text", "YOLO labels (a polygon, poses, a box) describing the scene", { DetectionResults.yolo() }),
    ]
    for (name, kind, what, make) in detectionResults {
        try write(Array(try make().utf8), to: "detections/" + name)
        lines.append("| `detections/\(name)` | \(kind) | \(what) | |")
    }
    try write(try DetectionResults.labelMap().encoded(as: .png(PNGOptions(compression: .compact))), to: "detections/labelmap.png")
    lines.append("| `detections/labelmap.png` | PNG (gray) | the scene's class map: 1 building (no door), 2 car, 3 people | 1 |")
    for (name, mask) in try DetectionResults.instanceMasks() {
        try write(try mask.encoded(as: .png(PNGOptions(compression: .compact))), to: "detections/masks/\(name).png")
        lines.append("| `detections/masks/\(name).png` | PNG (gray) | one instance's mask, as a segmenter writes it | 1 |")
    }
    // `limn demo` ships the scene and its results as resources of the command.
    if CommandLine.arguments.count <= 1 {
        let demo = RepositoryPaths.root() + "/Sources/LimnCommands/Resources/demo"
        try FileManager.default.createDirectory(atPath: demo + "/results", withIntermediateDirectories: true)
        try Data(try ImageEncoder.encode(scene, as: .png(PNGOptions(compression: .compact)))).write(
            to: URL(fileURLWithPath: demo + "/street.png"))
        for file in try SceneResults.all() {
            try Data(file.json.utf8).write(to: URL(fileURLWithPath: demo + "/results/" + file.name))
        }
    }
    let readme = """
        # TestImages

        Made by the project itself: `swift run TestImageGenerator` rewrites every file here from the
        deterministic patterns in `Sources/LimnTestSupport` (the tests derive the expected pixels from the
        same patterns). PNG files are written by a small pure-Swift writer (every color type, bit depth,
        filter and Adam7), not by libpng, so the tests check libpng's reader against an independent writer.
        Nothing here is a photograph. `scene/street.png` is a street scene drawn with Limn's own paths
        and text; `results/` holds what each vision service would return for it, in each vendor's
        format, computed from the scene's geometry (`Sources/LimnTestSupport/Scene.swift`,
        `SceneResults.swift`), with the surprises real responses hold. `Golden/` holds reviewed
        renderings the tests compare against (recorded with `LIMN_RECORD_GOLDEN=1`).
        `broken/fuzz/TARGET/` is the one part the generator does not write: the inputs the fuzz targets
        (Fuzz/) found problems with, as the fuzzer made them from the project's own seed pictures, kept
        as regression tests (`Scripts/fuzz regress`, `FuzzFindingTests`).

        | file | format | decodes | orientation |
        |---|---|---|---|
        \(lines.joined(separator: "\n"))

        """
    try Data(readme.utf8).write(to: URL(fileURLWithPath: root + "/README.md"))
    print("wrote \(lines.count) files to \(root)")
} catch {
    FileHandle.standardError.write(Data("TestImageGenerator: \(error)\n".utf8))
    exit(1)
}

func write(_ bytes: [UInt8], to file: String) throws {
    let url = URL(fileURLWithPath: root + "/" + file)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url, options: .atomic)
}
