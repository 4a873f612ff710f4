// Draws an Azure Image Analysis 4.0 result onto the picture it describes, file to file, then the
// same in memory with only the OCR lines, typeset beside a clean copy of the page.
import Limn

// snippet.hide
let images = "TestImages"
// snippet.show
try annotate(
    imageFile: "\(images)/scene/street.png", resultFile: "\(images)/results/azure40-scene.json",
    output: "street-annotated.png")

let analysis = try Analysis(contentsOfFile: "\(images)/results/aws-text-scene.json")
print(analysis.vendor, analysis.regions.count)  // AWS Rekognition 3
let street = try Image(contentsOfFile: "\(images)/scene/street.png")
let page = try annotate(
    image: street, analysis: analysis, options: AnnotationOptions(features: [.text], textMode: .sideBySide))
try page.write(to: "street-text.png")
