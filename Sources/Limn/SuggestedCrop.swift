import LimnRaster
import LimnResults

/// A crop suggestion in Limn's geometry: a box in the pixels of the image that was analysed,
/// and the aspect ratio (width / height) it was made for, when known.
public struct SuggestedCrop: Sendable, Equatable {
    public var aspectRatio: Double?
    public var box: Rect

    public init(aspectRatio: Double? = nil, box: Rect) {
        self.aspectRatio = aspectRatio
        self.box = box
    }

    /// Every crop suggestion of a vision result (Azure 4.0 smart crops, Azure 3.2 area of interest).
    public static func all(in analysis: Analysis) -> [SuggestedCrop] {
        analysis.cropSuggestions.map {
            SuggestedCrop(aspectRatio: $0.aspectRatio, box: Rect(x: $0.box.x, y: $0.box.y, width: $0.box.width, height: $0.box.height))
        }
    }
}

extension Analysis {
    /// The analysed image's size in Limn's geometry.
    public var analysedSize: Size? { imageSize.map { Size(width: $0.width, height: $0.height) } }
}
