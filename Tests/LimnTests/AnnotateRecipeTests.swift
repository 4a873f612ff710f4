import Foundation
import Limn
import LimnTestSupport
import Testing

@Suite struct AnnotateRecipeTests {
    let scenePath = RepositoryPaths.testImages + "/scene/street.png"
    let results = RepositoryPaths.testImages + "/results/"
    func temporary(_ name: String) -> String {
        FileManager.default.temporaryDirectory.path + "/limn-annotate-\(UInt64.random(in: 0...UInt64.max))-" + name
    }

    @Test func fileToFileEqualsTheInMemoryForm() throws {
        let output = temporary("out.png")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let options = AnnotationOptions(features: [.objects, .people, .caption])
        try annotate(imageFile: scenePath, resultFile: results + "azure40-scene.json", output: output, options: options)
        let written = try ImageDecoder.decode(file: output).image
        let scene = try ImageDecoder.decode(file: scenePath).image
        let inMemory = try annotate(image: scene, analysis: try Analysis(contentsOfFile: results + "azure40-scene.json"), options: options)
        #expect(written == inMemory)
    }

    /// The scene stored turned a quarter anticlockwise with EXIF 6: decoded upright, it is the
    /// scene, and the result (made for the upright picture) lands where it did on the scene.
    @Test func anEXIFTurnedPictureIsAnnotatedUpright() throws {
        let scene = try ImageDecoder.decode(file: scenePath).image
        let stored = scene.rotated(.threeQuarters)
        let jpeg = EXIFBlocks.jpeg(try stored.encoded(as: .jpeg(JPEGOptions(quality: 95, subsampling: .s444))), orientation: 6)
        let input = temporary("turned.jpg"), output = temporary("turned-out.png")
        defer { for p in [input, output] { try? FileManager.default.removeItem(atPath: p) } }
        try Data(jpeg).write(to: URL(fileURLWithPath: input))
        let options = AnnotationOptions(features: [.objects], showConfidence: false)
        try annotate(imageFile: input, resultFile: results + "aws-labels-scene.json", output: output, options: options)
        let turned = try ImageDecoder.decode(file: output).image
        let reference = try annotate(
            image: scene, analysis: try Analysis(contentsOfFile: results + "aws-labels-scene.json"), options: options)
        #expect(turned.size == reference.size)
        // Only JPEG loss separates them: the boxes are in the same places.
        #expect(ImageDifference(turned, reference).psnr > 30)
    }

    @Test func aResizedCopyGetsScaledShapes() throws {
        let scene = try ImageDecoder.decode(file: scenePath).image
        let half = try scene.resized(to: Size(width: 400, height: 260))
        let analysis = try Analysis(contentsOfFile: results + "azure40-scene.json")
        let options = AnnotationOptions(features: [.people], boxStyle: .plain, showConfidence: false)
        let drawn = try annotate(image: half, analysis: analysis, options: options)
        // The first person's box (100, 314, 40×144) at half size: its left edge at x = 50, a
        // 1.25 px line across columns 49 and 50; nothing else changes near it.
        let changed = (40...60).filter { drawn[$0, 200] != half[$0, 200] }
        #expect(changed == [49, 50], "\(changed)")
    }

    @Test func errorsNameTheirInput() throws {
        let out = temporary("x.png")
        // Each step's own error passes through: the picture's is a CodecError, the result's a ResultsError.
        #expect(throws: CodecError.self) {
            try annotate(imageFile: "/nonexistent/picture.png", resultFile: results + "azure40-scene.json", output: out)
        }
        do {
            try annotate(imageFile: scenePath, resultFile: results + "azure40-error.json", output: out)
            Issue.record("an error response annotated")
        } catch let error as ResultsError {
            #expect(error.description.contains("azure40-error.json") && error.description.contains("InvalidRequest"))
            #expect(error.localizedDescription == error.description)
        }
        #expect(throws: LimnError.readOnlyFormat(path: "out.gif", format: .gif)) {
            try annotate(imageFile: scenePath, resultFile: results + "azure40-scene.json", output: "out.gif")
        }
        #expect(!FileManager.default.fileExists(atPath: out), "nothing is written when a job fails")
    }
}

/// The README's annotation example, as written (run from the repository's root).
@Suite struct ReadmeAnnotateExampleTests {
    @Test func theAnnotationExampleRuns() throws {
        let root = RepositoryPaths.root()
        let output = FileManager.default.temporaryDirectory.path + "/limn-readme-\(UInt64.random(in: 0...UInt64.max))-street-annotated.png"
        defer { try? FileManager.default.removeItem(atPath: output) }
        try annotate(
            imageFile: root + "/TestImages/scene/street.png", resultFile: root + "/TestImages/results/azure40-scene.json",
            output: output)
        #expect(try ImageDecoder.info(file: output).width == 800)
        let analysis = try Analysis(contentsOfFile: root + "/TestImages/results/aws-text-scene.json")
        #expect("\(analysis.vendor) \(analysis.regions.count)" == "AWS Rekognition 3")
        let street = try Image(contentsOfFile: root + "/TestImages/scene/street.png")
        let page = try annotate(image: street, analysis: analysis, options: AnnotationOptions(features: [.text], textMode: .sideBySide))
        #expect(page.width == 1600 && page.height == 520)
    }
}
