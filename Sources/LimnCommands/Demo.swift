import ArgumentParser
import Foundation
import Limn

/// `limn demo`: every main job on the pictures and results that ship with Limn.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run every main job on the street scene and the vendor results that ship with Limn.",
        discussion: """
            Writes annotated pictures (each feature, each vendor's format), smart-crop thumbnails at several sizes, and cutouts on each kind of background, and prints every file it wrote. The scene is drawn by Limn itself; the results are what each service would return for it. Both travel inside the command and are written to the output's inputs/ folder first.

            Example:
              limn demo --output demo && ls demo/annotated
            """
    )

    @Option(name: .shortAndLong, help: "The folder to write into (created if missing).")
    var output: String = "limn-demo"

    func run() throws {
        // The inputs travel inside the command; they are written beside the outputs, so the demo
        // needs nothing next to the executable and shows what it read.
        let inputs = output + "/inputs"
        do {
            try AtomicFile.makeFolders(inputs + "/results")
            guard let scene = Data(base64Encoded: DemoInputs.scene, options: .ignoreUnknownCharacters) else {
                throw JobError("the demo's embedded scene is damaged; rebuild limn.")
            }
            try AtomicFile.write([UInt8](scene), to: inputs + "/street.png")
            for (name, encoded) in DemoInputs.results {
                guard let json = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                    throw JobError("the demo's embedded \(name) is damaged; rebuild limn.")
                }
                try AtomicFile.write([UInt8](json), to: inputs + "/results/" + name)
            }
        } catch {
            printError(String(describing: error))
            throw ExitCode.failure
        }
        let scene = inputs + "/street.png", results = inputs + "/results/"
        var written = 0
        func job(_ name: String, _ body: () throws(JobError) -> [String]) throws {
            do throws(JobError) {
                for path in try body() {
                    print(path)
                    written += 1
                }
            } catch {
                printError("\(name): \(error.description)")
                throw ExitCode.failure
            }
        }
        let annotated = output + "/annotated", thumbs = output + "/thumbnails", cutouts = output + "/cutouts"
        for folder in [annotated, thumbs, cutouts] {
            do { try AtomicFile.makeFolders(folder) } catch {
                printError(String(describing: error))
                throw ExitCode.failure
            }
        }

        // Annotation: each feature of the Azure 4.0 result, then every vendor's format.
        let azure = results + "azure40-scene.json"
        let features: [(String, AnnotationOptions)] = [
            ("all", AnnotationOptions()),
            ("objects-people", AnnotationOptions(features: [.objects, .people, .legend], boxStyle: .corners)),
            ("dense-captions", AnnotationOptions(features: [.denseCaptions])),
            ("ocr-outline", AnnotationOptions(features: [.text], colorTextByConfidence: true)),
            ("ocr-text", AnnotationOptions(features: [.text], textMode: .text)),
            ("ocr-side-by-side", AnnotationOptions(features: [.text], textMode: .sideBySide)),
            ("caption-tags-dark", AnnotationOptions(features: [.caption, .tags], bannerPosition: .above, theme: .dark)),
            ("smart-crops", AnnotationOptions(features: [.smartCrops])),
            ("privacy-blur", AnnotationOptions(features: [.people], privacy: .blur)),
            ("confidence-dashing", AnnotationOptions(features: [.people], minimumConfidence: 0, confidenceStyle: .dashing)),
        ]
        for (name, options) in features {
            let out = "\(annotated)/azure40-\(name).png"
            try job(out) { () throws(JobError) in
                try AnnotateJob(image: scene, result: azure, output: out, encoding: try JobIO.encoding(for: out), options: options).run()
                return [out]
            }
        }
        for vendor in [
            "azure40-preview", "azure32-analyze", "azure32-read", "azure32-ocr", "baidu-ocr", "baidu-object-detect",
            "baidu-bodyseg", "google", "aws-labels", "aws-text", "aws-faces",
        ] {
            let out = "\(annotated)/\(vendor).png"
            try job(out) { () throws(JobError) in
                try AnnotateJob(
                    image: scene, result: results + vendor + "-scene.json", output: out, encoding: try JobIO.encoding(for: out),
                    options: AnnotationOptions(textMode: .text)
                ).run()
                return [out]
            }
        }

        // Thumbnails along the smart crops, at several sizes and ratios.
        try job("thumbnails") { () throws(JobError) in
            let t = try ThumbnailJob(
                image: scene, result: azure,
                sizes: [Size(width: 256, height: 256), Size(width: 480, height: 270), Size(width: 160, height: 320)].map(SizeRequest.init),
                mode: .smart, outputDirectory: thumbs, format: .jpeg)
            try t.run()
            return t.outputs
        }

        // Cutouts of the two people (Baidu's body segmentation) on each kind of background.
        let people = results + "baidu-bodyseg-scene.json"
        for (name, background, shadow, outline, trim, ext) in [
            ("transparent", "none", false, false, true, "png"), ("white-shadow", "white", true, false, false, "jpg"),
            ("gradient", "gradient", false, false, false, "jpg"), ("blurred-original", "blur", true, false, false, "jpg"),
            ("checkerboard", "checkerboard", false, false, false, "png"), ("sticker", "#1e3a5f", false, true, true, "png"),
        ] {
            let out = "\(cutouts)/people-\(name).\(ext)"
            try job(out) { () throws(JobError) in
                try CutoutJob(
                    image: scene, matte: .result(people), background: try CutoutJob.background(background), shadow: shadow,
                    outline: outline,
                    trim: trim, output: out, encoding: try JobIO.encoding(for: out)
                ).run()
                return [out]
            }
        }
        writeStandardError("limn demo: wrote \(written) files to \(output) (what they were made from is in \(inputs))\n")
    }
}
