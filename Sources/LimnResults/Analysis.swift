/// An axis-aligned box in the pixels of the analysed image: covers `[x, x+width) × [y, y+height)`.
public struct ResultBox: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }

    public var description: String { "{x: \(x), y: \(y), w: \(width), h: \(height)}" }
}

/// The pixel size of the image a service analysed.
public struct ResultSize: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var description: String { "\(width)x\(height)" }
}

/// A suggested crop: Azure 4.0 `smartCropsResult.values[]` (with the aspect ratio it was asked
/// for) or Azure 3.2 `areaOfInterest` (no ratio).
public struct CropSuggestion: Hashable, Sendable {
    /// The width/height ratio the service aimed for, when it says so.
    public var aspectRatio: Double?
    public var box: ResultBox

    public init(aspectRatio: Double?, box: ResultBox) {
        self.aspectRatio = aspectRatio
        self.box = box
    }
}

/// Which service and API produced a result.
public enum Vendor: String, Sendable, CaseIterable {
    case azureImageAnalysis40 = "Azure Image Analysis 4.0"
    case azureComputerVision32 = "Azure Computer Vision 3.2"
    case baiduSegmentation = "Baidu segmentation"
}

/// A matte or cutout that a service returned inside its JSON, as encoded image bytes (base64
/// decoded; still PNG or whatever the service sent).
public struct EncodedMatte: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Baidu `labelmap`: the subject as label values (0/1 for body segmentation).
        case labelmap
        /// Baidu `scoremap`: per-pixel confidence, 0–255.
        case scoremap
        /// Baidu `foreground`: an RGBA cutout; its alpha is the matte.
        case foreground
        /// Baidu matting `image`: RGBA (`return_form=rgba`) or a gray mask (`return_form=mask`).
        case image
    }

    public var kind: Kind
    /// The JSON field it came from.
    public var field: String
    public var bytes: [UInt8]

    public init(kind: Kind, field: String, bytes: [UInt8]) {
        self.kind = kind
        self.field = field
        self.bytes = bytes
    }
}

/// A vision result, normalised: coordinates in pixels of the analysed image, whose size is
/// given when the service reported it. Later parts of the model (captions, objects, text,
/// people) join this type as their readers are written.
public struct Analysis: Sendable, Equatable {
    public var vendor: Vendor
    /// The size of the image the service analysed (`metadata.width/height`).
    public var imageSize: ResultSize?
    public var cropSuggestions: [CropSuggestion]
    /// Mattes and cutouts embedded in the result (Baidu), best first: an RGBA foreground, the
    /// matting image, the score map, the label map.
    public var encodedMattes: [EncodedMatte]

    public init(vendor: Vendor, imageSize: ResultSize?, cropSuggestions: [CropSuggestion] = [], encodedMattes: [EncodedMatte] = []) {
        self.vendor = vendor
        self.imageSize = imageSize
        self.cropSuggestions = cropSuggestions
        self.encodedMattes = encodedMattes
    }
}
