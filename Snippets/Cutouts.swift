// People cut out of the street scene along Baidu's body-segmentation matte, placed on the
// blurred original with a shadow, and as a trimmed sticker.
import Limn

let street = try Image(contentsOfFile: "TestImages/scene/street.png")
let result = try Analysis(contentsOfFile: "TestImages/results/baidu-bodyseg-scene.json")
let matte = try Matte.read(from: result)
let portrait = try Cutout.make(
    picture: street, matte: matte,
    options: CutoutOptions(background: .blurredOriginal(sigma: 24), shadow: .init()))
try portrait.write(to: "people.jpg")
let sticker = try Cutout.make(
    picture: street, matte: matte, options: CutoutOptions(outline: .init(width: 8, color: .white), trim: true, trimMargin: 16))
try sticker.write(to: "people-sticker.png")
