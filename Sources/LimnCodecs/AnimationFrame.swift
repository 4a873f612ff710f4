import LimnRaster

/// One frame of an animation as it is shown: the whole canvas after the frame is drawn on what
/// the earlier frames left (GIF disposal and WebP blending applied), and how long it stays.
public struct AnimationFrame: Sendable, Equatable {
    /// The whole canvas as shown while this frame is up.
    public var image: Image
    /// Seconds (GIF counts hundredths, WebP milliseconds); 0 when the file says none.
    public var duration: Double

    /// A frame showing `image` for `duration` seconds.
    public init(image: Image, duration: Double) {
        self.image = image
        self.duration = duration
    }
}
