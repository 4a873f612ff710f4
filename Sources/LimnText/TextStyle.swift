import LimnRaster

/// How drawn text looks: its colour, an optional halo and background box, and where it sits.
public struct TextStyle: Sendable, Equatable {
    /// A band of `colour` around every glyph, `width` pixels wide (the glyph outline grown, as
    /// Pillow's `stroke_width`); it keeps text legible on any photo.
    public struct Halo: Sendable, Equatable {
        public var colour: Pixel
        public var width: Double
        public init(colour: Pixel, width: Double) { self.colour = colour; self.width = width }
    }

    /// A box behind the text: the block's box grown by `padding`, with rounded corners.
    public struct Background: Sendable, Equatable {
        public var colour: Pixel
        public var padding: Double
        public var cornerRadius: Double
        public init(colour: Pixel, padding: Double = 4, cornerRadius: Double = 0) {
            self.colour = colour; self.padding = padding; self.cornerRadius = cornerRadius
        }
    }

    public var colour: Pixel
    public var halo: Halo?
    public var background: Background?
    /// Turn in degrees, clockwise on screen, around the anchor.
    public var angle: Double
    /// Which point of the box (the background box when there is one) the drawing position names.
    public var anchor: Anchor

    public init(colour: Pixel, halo: Halo? = nil, background: Background? = nil, angle: Double = 0, anchor: Anchor = .topLeft) {
        self.colour = colour
        self.halo = halo
        self.background = background
        self.angle = angle
        self.anchor = anchor
    }
}
