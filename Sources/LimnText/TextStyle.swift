import LimnRaster

/// How drawn text looks: its color, an optional halo and background box, and where it sits.
public struct TextStyle: Sendable, Equatable {
    /// A band of `color` around every glyph, `width` pixels wide (the glyph outline grown, as
    /// Pillow's `stroke_width`); it keeps text legible on any photo.
    public struct Halo: Sendable, Equatable {
        public var color: Pixel
        public var width: Double
        public init(color: Pixel, width: Double) { self.color = color; self.width = width }
    }

    /// A box behind the text: the block's box grown by `padding`, with rounded corners.
    public struct Background: Sendable, Equatable {
        public var color: Pixel
        public var padding: Double
        public var cornerRadius: Double
        public init(color: Pixel, padding: Double = 4, cornerRadius: Double = 0) {
            self.color = color; self.padding = padding; self.cornerRadius = cornerRadius
        }
    }

    public var color: Pixel
    public var halo: Halo?
    public var background: Background?
    /// Turn in degrees, clockwise on screen, around the anchor.
    public var angle: Double
    /// Which point of the box (the background box when there is one) the drawing position names.
    public var anchor: Anchor

    public init(color: Pixel, halo: Halo? = nil, background: Background? = nil, angle: Double = 0, anchor: Anchor = .topLeft) {
        self.color = color
        self.halo = halo
        self.background = background
        self.angle = angle
        self.anchor = anchor
    }
}
