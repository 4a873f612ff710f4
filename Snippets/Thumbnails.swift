// Thumbnails cut along an Azure result's smart-crop suggestions: several sizes from one
// shrink-on-load decode, each along the suggestion nearest its aspect ratio.
import Limn

let analysis = try Analysis(contentsOfFile: "TestImages/results/azure40-scene.json")
let sizes = [Size(width: 256, height: 256), Size(width: 480, height: 270)]
let thumbnails = try Thumbnail.make(
    fromFile: "TestImages/scene/street.png", sizes: sizes,
    crop: .suggestions(analysis.cropSuggestions, analysedSize: analysis.imageSize))
for (size, thumbnail) in zip(sizes, thumbnails) {
    try thumbnail.write(to: "thumb-\(size.width)x\(size.height).webp")
}
