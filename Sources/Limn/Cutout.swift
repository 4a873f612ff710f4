import LimnRaster

/// How a cutout is made and placed.
public struct CutoutOptions: Sendable {
    /// What the subject is placed on.
    public enum Background: Sendable {
        /// Nothing: a transparent result (write PNG or WebP to keep it).
        case none
        /// A solid colour (its alpha kept: a translucent colour shows the checkerboard of a viewer).
        case color(Pixel)
        /// A linear gradient (angle in degrees: 0 left to right, 90 top to bottom).
        case gradient(from: Pixel, to: Pixel, angle: Double)
        /// Another picture, fitted to the canvas (`.fill()` covers it, `.fit(letterbox:)` shows it whole).
        case image(Image, mode: FitMode)
        /// The original picture blurred: a portrait look.
        case blurredOriginal(sigma: Double)
        /// A checkerboard, to preview transparency.
        case checkerboard
    }

    /// A soft drop shadow cast by the subject's matte, drawn under it.
    public struct Shadow: Sendable, Equatable {
        /// How far the shadow falls to the right of the subject, in pixels.
        public var offsetX: Double
        /// How far the shadow falls below the subject, in pixels.
        public var offsetY: Double
        /// The shadow's softness: the Gaussian blur's standard deviation, in pixels.
        public var sigma: Double
        /// How dark the shadow is, 0…1 (multiplied by the subject's opacity).
        public var opacity: Double
        /// The shadow's colour.
        public var color: Pixel
        /// A shadow 8 px right and 12 px down, blurred by 10 px, at half opacity, in black by default.
        public init(offsetX: Double = 8, offsetY: Double = 12, sigma: Double = 10, opacity: Double = 0.5, color: Pixel = .black) {
            self.offsetX = offsetX; self.offsetY = offsetY; self.sigma = sigma; self.opacity = opacity; self.color = color
        }
    }

    /// A sticker-style outline: the subject's matte grown by `width` and filled with `color` under it.
    public struct Outline: Sendable, Equatable {
        /// How far the outline reaches beyond the subject's edge, in pixels (0: none).
        public var width: Double
        /// The outline's colour.
        public var color: Pixel
        /// An outline 8 px wide, white by default.
        public init(width: Double = 8, color: Pixel = .white) { self.width = width; self.color = color }
    }

    /// What the subject is placed on (``Background/none`` by default: transparency).
    public var background: Background
    /// The output size; nil keeps the picture's size (or the trimmed subject's, on no background).
    public var canvasSize: Size?
    /// Scale the subject so its box fits this share (0…1] of the canvas inside the padding; nil
    /// keeps its size (and, untrimmed, its place).
    public var subjectShare: Double?
    /// Where the subject sits in the canvas when it is scaled or trimmed (the centre by default).
    public var anchor: Anchor
    /// Pixels kept clear on every side of the canvas when the subject is placed (with ``subjectShare``).
    public var padding: Int
    /// Moves the subject right (negative: left) by this many pixels after it is placed.
    public var offsetX: Int
    /// Moves the subject down (negative: up) by this many pixels after it is placed.
    public var offsetY: Int
    /// A drop shadow under the subject; nil: none.
    public var shadow: Shadow?
    /// An outline around the subject; nil: none.
    public var outline: Outline?
    /// The subject's opacity, 0…1.
    public var opacity: Double
    /// Cut the result down to the subject's box (plus `trimMargin`).
    public var trim: Bool
    /// Pixels kept around the subject's box when ``trim`` cuts the result down (held to the pixel limits).
    public var trimMargin: Int
    /// Re-estimate colors at the subject's soft edge so the old background does not show.
    public var decontaminate: Bool
    /// Accept a matte whose shape differs from the picture's, stretching it.
    public var stretchMatte: Bool

    /// Options for a cutout; by default the subject on transparency, at its place and size, decontaminated.
    public init(
        background: Background = .none, canvasSize: Size? = nil, subjectShare: Double? = nil, anchor: Anchor = .center,
        padding: Int = 0, offsetX: Int = 0, offsetY: Int = 0, shadow: Shadow? = nil, outline: Outline? = nil,
        opacity: Double = 1, trim: Bool = false, trimMargin: Int = 0, decontaminate: Bool = true, stretchMatte: Bool = false
    ) {
        self.background = background; self.canvasSize = canvasSize; self.subjectShare = subjectShare; self.anchor = anchor
        self.padding = padding; self.offsetX = offsetX; self.offsetY = offsetY; self.shadow = shadow; self.outline = outline
        self.opacity = opacity; self.trim = trim; self.trimMargin = trimMargin; self.decontaminate = decontaminate
        self.stretchMatte = stretchMatte
    }
}

/// The cutout recipe: a picture and its matte (any form, any size) into a subject placed on
/// something new. The matte is scaled to the picture, so the subject keeps the picture's full
/// resolution.
public enum Cutout {
    /// The picture cut out along `matte` and placed as `options` say. Throws
    /// ``LimnError/matteMismatch(matte:picture:)`` when the matte's shape differs (see ``Matte/fitted(_:to:allowStretch:)``).
    ///
    /// Memory: the picture becomes the subject in place when the caller gives it up (`consume`),
    /// and a subject kept where it is on no background or a color is the result itself, so such a
    /// job holds one full-size RGBA picture and the matte, and the matte only until the result is
    /// made (when given up too). Shadows, outlines, moves, scaling and
    /// other backgrounds add a canvas.
    public static func make(picture: consuming Image, matte: consuming Mask, options: CutoutOptions = CutoutOptions()) throws -> Image {
        let pictureSize = picture.size
        let fittedMatte = try Matte.fitted(consume matte, to: pictureSize, allowStretch: options.stretchMatte)
        guard fittedMatte.size == pictureSize else { throw LimnError.matteMismatch(matte: fittedMatte.size, picture: pictureSize) }
        var original: Image?
        if case .blurredOriginal = options.background { original = picture }
        var subject = consume picture
        try subject.formCutout(with: fittedMatte, decontaminate: options.decontaminate)
        if staysInPlace(options, size: pictureSize) {
            switch options.background {
            case .none: return subject
            case .color(let color):
                subject.flatten(onto: color)
                return subject
            default: break
            }
        }
        // Sizes from the options go through the same limits as decoding.
        if let size = options.canvasSize { try PixelLimits.default.check(size, operation: "making a cutout's canvas") }
        // The subject's place on the original picture.
        var origin = (x: 0, y: 0)
        if options.trim || options.subjectShare != nil {
            guard let bounds = fittedMatte.contentBounds() else {
                return Image(width: options.canvasSize?.width ?? 1, height: options.canvasSize?.height ?? 1)
            }
            let m = max(options.trimMargin, 0)
            let box = PixelRect(x: bounds.x - m, y: bounds.y - m, width: bounds.width + 2 * m, height: bounds.height + 2 * m)
            try PixelLimits.default.check(box.size, operation: "trimming a cutout with its margin")
            subject = subject.cropped(to: box.rect)?.raster ?? subject
            origin = (max(box.x, 0), max(box.y, 0))
            if box.x < 0 || box.y < 0 || box.x + box.width > pictureSize.width || box.y + box.height > pictureSize.height {
                // The margin reached past the picture: pad with transparency so it is kept.
                var padded = Image(width: box.width, height: box.height)
                padded.paste(subject, x: origin.x - box.x, y: origin.y - box.y)
                subject = padded
                origin = (box.x, box.y)
            }
        }
        let canvasSize: Size
        if let size = options.canvasSize, !size.isEmpty {
            canvasSize = size
        } else if options.trim, case .none = options.background {
            canvasSize = subject.size
        } else {
            canvasSize = pictureSize
        }
        // Scale and place the subject.
        let inner = PixelRect(
            x: options.padding, y: options.padding,
            width: max(canvasSize.width - 2 * options.padding, 1), height: max(canvasSize.height - 2 * options.padding, 1))
        var place = (x: origin.x, y: origin.y)
        if let share = options.subjectShare, share.isFinite, share > 0 {
            let box = FitTarget(
                width: max(1, Int((Double(inner.width) * min(share, 1)).rounded())),
                height: max(1, Int((Double(inner.height) * min(share, 1)).rounded())))
            subject = try subject.fitted(to: box, mode: .fit())
        }
        if options.subjectShare != nil || options.trim || canvasSize != pictureSize {
            place = (
                inner.x + Int((Double(inner.width - subject.width) * options.anchor.x).rounded()),
                inner.y + Int((Double(inner.height - subject.height) * options.anchor.y).rounded())
            )
        }
        place = (place.x + options.offsetX, place.y + options.offsetY)

        var canvas = try background(options.background, size: canvasSize, picture: original ?? subject)
        // Shadow and outline come from the subject's alpha, on a layer with room around it.
        let room =
            Int((options.outline?.width ?? 0).rounded(.up))
            + Int(((options.shadow.map { 3 * $0.sigma + max(abs($0.offsetX), abs($0.offsetY)) }) ?? 0).rounded(.up)) + 1
        if options.shadow != nil || options.outline != nil {
            var padded = Image(width: subject.width + 2 * room, height: subject.height + 2 * room)
            padded.paste(subject, x: room, y: room)
            let alpha = padded.alphaMask()
            if let shadow = options.shadow {
                let soft = alpha.blurred(sigma: shadow.sigma)
                let layer = (try? Image(width: soft.width, height: soft.height, fill: shadow.color).settingAlpha(soft)) ?? Image()
                canvas.composite(
                    layer, x: place.x - room + Int(shadow.offsetX.rounded()), y: place.y - room + Int(shadow.offsetY.rounded()),
                    opacity: shadow.opacity * options.opacity)
            }
            if let outline = options.outline, outline.width > 0 {
                let ring = alpha.dilated(radius: outline.width)
                let layer = (try? Image(width: ring.width, height: ring.height, fill: outline.color).settingAlpha(ring)) ?? Image()
                canvas.composite(layer, x: place.x - room, y: place.y - room, opacity: options.opacity)
            }
        }
        canvas.composite(subject, x: place.x, y: place.y, opacity: options.opacity)
        return canvas
    }

    /// True when the subject keeps its place and size on a canvas the picture's size, opaque and
    /// with nothing around it: it can be the result itself.
    static func staysInPlace(_ options: CutoutOptions, size: Size) -> Bool {
        !options.trim && options.subjectShare == nil && (options.canvasSize.map { $0.isEmpty || $0 == size } ?? true)
            && options.offsetX == 0 && options.offsetY == 0 && options.shadow == nil && options.outline == nil
            && options.opacity >= 1
    }

    /// The canvas before the subject is placed on it.
    static func background(_ background: CutoutOptions.Background, size: Size, picture: Image) throws -> Image {
        switch background {
        case .none:
            return Image(width: size.width, height: size.height)
        case .color(let color):
            return Image(width: size.width, height: size.height, fill: color)
        case let .gradient(from, to, angle):
            return Image.linearGradient(size: size, from: from, to: to, angle: angle)
        case let .image(image, mode):
            let fitted = try image.fitted(to: FitTarget(size), mode: mode)
            if fitted.size == size { return fitted }
            var canvas = Image(width: size.width, height: size.height)
            canvas.paste(fitted, x: (size.width - fitted.width) / 2, y: (size.height - fitted.height) / 2)
            return canvas
        case .blurredOriginal(let sigma):
            // Blur at a reduced size when it is large: the result is smooth either way.
            let fitted = try picture.fitted(to: FitTarget(size), mode: .fill())
            let small = max(1, min(4, Int(sigma / 4)))
            if small > 1 {
                let reduced = try fitted.resized(to: Size(width: max(1, size.width / small), height: max(1, size.height / small)))
                return try reduced.blurred(sigma: sigma / Double(small)).resized(to: size, filter: .triangle)
            }
            return fitted.blurred(sigma: sigma)
        case .checkerboard:
            return Image.checkerboard(size: size, cell: max(8, min(size.width, size.height) / 40))
        }
    }
}
