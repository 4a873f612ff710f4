// A request handler's work in an actor: the picture and result bytes in, a PNG out, with this
// request's own thread count and limits. The awaiting task leaves Swift's cooperative pool free.
import Foundation
import Limn

actor Annotations {
    private var served = 0

    func render(picture: [UInt8], result: [UInt8]) async throws -> [UInt8] {
        let settings = JobSettings(threads: 2, decodeLimits: DecodeLimits(maxPixels: 40_000_000))
        let png = try await Jobs.annotate(
            image: picture, result: result, options: AnnotationOptions(features: [.objects, .text]),
            encoding: .png(), settings: settings)
        served += 1
        return png
    }
}

// snippet.hide
func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
// snippet.show
let annotations = Annotations()
let png = try await annotations.render(
    picture: try bytes("TestImages/scene/street.png"), result: try bytes("TestImages/results/google-scene.json"))
print(png.count, "bytes")
