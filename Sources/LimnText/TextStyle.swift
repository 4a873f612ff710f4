import LimnRaster

/// How drawn text looks: its color, an optional halo and background box, and where it sits.
public struct TextStyle: Sendable, Equatable {
    /// A band of `color` around every glyph, `width` pixels wide (the glyph outline grown, as
    /// Pillow's `stroke_width`); it keeps text legible on any photo.
    public struct Halo: Sendable, Equatable {
        /// The halo's colour.
        public var color: Pixel
        /// How far the halo reaches beyond each glyph's outline, in pixels.
        public var width: Double
        /// A halo of `color`, `width` pixels wide.
        public init(color: Pixel, width: Double) { self.color = color; self.width = width }
    }

    /// A box behind the text: the block's box grown by `padding`, with rounded corners.
    public struct Background: Sendable, Equatable {
        /// The box's colour.
        public var color: Pixel
        /// How far the box reaches beyond the text on every side, in pixels.
        public var padding: Double
        /// The radius of the box's corners, in pixels (0: square).
        public var cornerRadius: Double
        /// A box of `color` around the text, 4 px beyond it, square unless given.
        public init(color: Pixel, padding: Double = 4, cornerRadius: Double = 0) {
            self.color = color; self.padding = padding; self.cornerRadius = cornerRadius
        }
    }

    /// The text's colour.
    public var color: Pixel
    /// A halo around the glyphs; nil: none.
    public var halo: Halo?
    /// A box behind the text; nil: none.
    public var background: Background?
    /// Turn in degrees, clockwise on screen, around the anchor.
    public var angle: Double
    /// Which point of the box (the background box when there is one) the drawing position names.
    public var anchor: Anchor

    /// Text in `color`, unturned, placed by its top-left corner, unless given.
    public init(color: Pixel, halo: Halo? = nil, background: Background? = nil, angle: Double = 0, anchor: Anchor = .topLeft) {
        self.color = color
        self.halo = halo
        self.background = background
        self.angle = angle
        self.anchor = anchor
    }
}
