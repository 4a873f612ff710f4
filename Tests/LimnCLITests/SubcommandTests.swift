import Foundation
import LimnCodecs
import LimnTestSupport
import Testing

/// Each subcommand run as a process on TestImages inputs.
@Suite struct SubcommandTests {
    let images = RepositoryPaths.testImages
    var scene: String { images + "/scene/street.png" }
    var results: String { images + "/results/" }
    typealias CLI = CLITests

    func size(_ path: String) throws -> String {
        let info = try ImageDecoder.info(file: path)
        return "\(info.width)x\(info.height)"
    }

    @Test func demoWritesEveryJobAndSaysWhat() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn("demo", "--output", folder)
        #expect(r.status == 0, "\(r.stderr)")
        let printed = r.stdout.split(separator: "\n").map(String.init)
        #expect(printed.count >= 25)
        for path in printed {
            #expect(FileManager.default.fileExists(atPath: path), "\(path)")
            #expect(try ImageDecoder.info(file: path).width > 0)
        }
        #expect(
            printed.contains { $0.hasSuffix("annotated/azure40-all.png") }
                && printed.contains { $0.contains("thumbnails/street-256x256.jpg") }
                && printed.contains { $0.hasSuffix("cutouts/people-transparent.png") })
        #expect(try size(folder + "/thumbnails/street-480x270.jpg") == "480x270")
        #expect(r.stderr.contains("wrote \(printed.count) files"))
        // Its inputs travel inside the command (DemoInputs.swift, so a copied limn needs no folder
        // beside it) and are written beside the outputs: the same bytes as TestImages' scene and results.
        let inputs = folder + "/inputs"
        #expect(
            FileManager.default.contents(atPath: inputs + "/street.png")
                == FileManager.default.contents(atPath: images + "/scene/street.png"))
        let names = try FileManager.default.contentsOfDirectory(atPath: images + "/results").sorted()
        #expect(try FileManager.default.contentsOfDirectory(atPath: inputs + "/results").sorted() == names)
        for name in names {
            #expect(
                FileManager.default.contents(atPath: inputs + "/results/" + name)
                    == FileManager.default.contents(atPath: images + "/results/" + name), "\(name)")
        }
    }

    @Test func annotateWritesWhereItIsToldOrBesideTheName() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/a.jpg"
        let r = try CLI.limn(
            "annotate", scene, results + "google-scene.json", "-o", out, "--features", "objects,faces,legend",
            "--min-confidence", "0.7", "--top", "5", "--theme", "dark", "--box-style", "corners", "--quality", "80")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try ImageDecoder.info(file: out).format == .jpeg)
        #expect(try ImageDecoder.decode(file: out).image.height > 520, "the legend panel is below the picture")
        // Without -o: <image>-annotated.png in the current folder.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CLI.executable)
        process.arguments = ["annotate", scene, results + "aws-text-scene.json", "--ocr-mode", "side-by-side"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try size(folder + "/street-annotated.png") == "1600x520")
    }

    @Test func standardInputAndOutput() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn(
            stdin: try Data(contentsOf: URL(fileURLWithPath: results + "azure40-scene.json")),
            "annotate", scene, "-", "-o", "-", "--features", "people")
        #expect(r.status == 0, "\(String(decoding: r.stderrData, as: UTF8.self))")
        let decoded = try ImageDecoder.decode(Array(r.stdoutData))
        #expect(decoded.info.format == .png && decoded.image.width == 800)
        let converted = try CLI.limn(
            stdin: try Data(contentsOf: URL(fileURLWithPath: scene)), "convert", "-", "-o", "-", "--format", "webp", "--max-size", "200x200"
        )
        #expect(converted.status == 0)
        let small = try ImageDecoder.decode(Array(converted.stdoutData))
        #expect(small.info.format == .webp && small.image.width == 200 && small.image.height == 130)
        let both = try CLI.limn(stdin: Data("{}".utf8), "annotate", "-", "-", "-o", folder + "/x.png")
        #expect(both.status != 0 && String(decoding: both.stderrData, as: UTF8.self).contains("cannot both come from standard input"))
    }

    @Test func thumbnailSizesModesAndOutputs() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn(
            "thumbnail", scene, "--result", results + "azure40-scene.json", "--size", "120x120", "--size", "320x180",
            "--output-dir", folder + "/t", "--format", "png")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.split(separator: "\n").map(String.init) == [folder + "/t/street-120x120.png", folder + "/t/street-320x180.png"])
        #expect(try size(folder + "/t/street-120x120.png") == "120x120")
        #expect(try size(folder + "/t/street-320x180.png") == "320x180")
        #expect(try CLI.limn("thumbnail", scene, "--size", "200x200", "--mode", "fit", "-o", folder + "/fit.jpg").status == 0)
        #expect(try size(folder + "/fit.jpg") == "200x130")
        #expect(try CLI.limn("thumbnail", scene, "--size", "200x200", "--mode", "fill", "-o", folder + "/fill.webp").status == 0)
        #expect(try size(folder + "/fill.webp") == "200x200")
        let two = try CLI.limn("thumbnail", scene, "--size", "10x10", "--size", "20x20", "-o", folder + "/x.jpg")
        #expect(two.status != 0 && two.stderr.contains("need --output-dir"))
        let mode = try CLI.limn("thumbnail", scene, "--size", "10x10", "--mode", "zoom", "-o", folder + "/x.jpg")
        #expect(mode.status != 0 && mode.stderr.contains("fit, fill, smart"))
    }

    @Test func cutoutFromAResultAMatteAndOnBackgrounds() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let r = try CLI.limn("cutout", scene, "--result", results + "baidu-bodyseg-scene.json", "--trim", "-o", folder + "/people.png")
        #expect(r.status == 0, "\(r.stderr)")
        let cut = try ImageDecoder.decode(file: folder + "/people.png").image
        #expect(!cut.isOpaque && cut.width < 200, "trimmed to the two people, transparent around them")
        for background in ["white", "#336699", "blur", "checkerboard", "gradient:#ffffff,#000000", scene] {
            let out = folder + "/bg.jpg"
            let b = try CLI.limn(
                "cutout", scene, "--result", results + "baidu-bodyseg-scene.json", "--background", background, "--shadow", "-o", out)
            #expect(b.status == 0, "\(background): \(b.stderr)")
            #expect(try ImageDecoder.decode(file: out).image.isOpaque)
        }
        let none = try CLI.limn("cutout", scene, "-o", folder + "/x.png")
        #expect(none.status != 0 && none.stderr.contains("exactly one of --matte, --mask or --result"))
        let bad = try CLI.limn("cutout", scene, "--matte", images + "/broken/truncated-half.png", "-o", folder + "/x.png")
        #expect(bad.status != 0 && bad.stderr.contains("truncated-half.png"))
        let color = try CLI.limn(
            "cutout", scene, "--result", results + "baidu-bodyseg-scene.json", "--background", "mauve-ish", "-o", folder + "/x.png")
        #expect(color.status != 0 && color.stderr.contains("is not none, blur"))
    }

    @Test func infoDescribesResults() throws {
        let r = try CLI.limn("info", results + "azure40-scene.json", results + "baidu-ocr-scene.json", scene)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0] == results
                + "azure40-scene.json: Azure Image Analysis 4.0 (azure-4.0), model 2023-10-01, image 800x520: 1 caption, 7 tags, 5 dense captions, 3 objects, 4 people, 3 text lines (5 words), 3 crop suggestions"
        )
        #expect(lines[1] == results + "baidu-ocr-scene.json: Baidu AI (baidu-ocr): 3 text lines")
        #expect(lines[2].contains("PNG 800x520"))
        let piped = try CLI.limn(stdin: try Data(contentsOf: URL(fileURLWithPath: results + "google-scene.json")), "info", "-")
        #expect(
            piped.stdout.hasPrefix("-: Google Cloud Vision (google-vision), image 800x520: 7 tags, 3 objects, 2 faces, 1 text block"),
            "\(piped.stdout)")
        let image = try CLI.limn(stdin: try Data(contentsOf: URL(fileURLWithPath: scene)), "info", "-")
        #expect(image.stdout == "-: PNG 800x520, 8-bit RGB, orientation 1 (upright), opaque\n")
    }

    @Test func errorsAreOneLineWithANonZeroStatus() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [([String], String)] = [
            (["annotate", folder + "/missing.jpg", results + "azure40-scene.json", "-o", folder + "/x.png"], "no such file"),
            // A picture as the result is read as a label map; a photograph is none.
            (["annotate", scene, scene, "-o", folder + "/x.png"], "not a label map"),
            (["annotate", scene, results + "../document/tesseract.hocr", "--picture", "", "-o", folder + "/x.png"], "--picture"),
            (["annotate", scene, results + "azure40-error.json", "-o", folder + "/x.png"], "InvalidRequest"),
            (["annotate", scene, results + "azure40-scene.json", "--theme", "purple", "-o", folder + "/x.png"], "light, dark"),
            (["annotate", scene, results + "azure40-scene.json", "--min-confidence", "3", "-o", folder + "/x.png"], "between 0 and 1"),
            (["annotate", scene, results + "azure40-scene.json", "--features", "cats", "-o", folder + "/x.png"], "unknown feature"),
            (["annotate", scene, results + "azure40-scene.json", "-o", folder + "/x.gif"], "Limn reads GIF but does not write it"),
            (["annotate", scene, results + "azure40-scene.json", "-o", folder + "/x.tga"], "cannot tell the output format"),
            (["annotate", scene], "Missing expected argument"),
            (["thumbnail", scene, "-o", folder + "/x.jpg"], "no --size"),
            (["batch", folder + "/none.jsonl"], "no such file"),
            (["batch", results + "azure40-scene.json", "--shard", "4/3"], "1 ≤ K ≤ N"),
            (["frobnicate"], "Unexpected argument"),
        ]
        for (arguments, expected) in cases {
            let r = try CLI.limn(arguments)
            #expect(r.status != 0, "\(arguments)")
            #expect(r.stderr.hasPrefix("limn: ") && r.stderr.split(separator: "\n").count == 1, "\(arguments): \(r.stderr)")
            #expect(r.stderr.contains(expected), "\(arguments): \(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "nothing written by failed jobs")
    }

    @Test func everySubcommandsHelpHasAnExample() throws {
        for sub in ["demo", "annotate", "thumbnail", "cutout", "convert", "info", "batch"] {
            let r = try CLI.limn(sub, "--help")
            #expect(r.status == 0)
            #expect(r.stdout.contains("Example") && r.stdout.contains("limn \(sub)"), "\(sub)")
        }
    }
}
