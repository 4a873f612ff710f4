// A detector's result drawn with chosen features and style: objects and people above 60 %
// confidence, rounded boxes, faces blurred, on a dark theme at twice the usual size.
import Limn

let street = try Image(contentsOfFile: "TestImages/scene/street.png")
let analysis = try Analysis(contentsOfFile: "TestImages/results/azure40-scene.json")
var options = AnnotationOptions(
    features: [.objects, .people, .caption], minimumConfidence: 0.6, boxStyle: .rounded, privacy: .blur)
options.theme = .dark
options.scale = 2
let drawn = try annotate(image: street, analysis: analysis, options: options)
try drawn.write(to: "street-objects.jpg", as: .jpeg(JPEGOptions(quality: 90)))
