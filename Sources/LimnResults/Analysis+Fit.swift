extension Analysis {
    /// True when the result holds nothing to draw or cut: no caption, tag, region, crop
    /// suggestion, matte or unplaced text.
    public var isEmpty: Bool {
        captions.isEmpty && tags.isEmpty && regions.isEmpty && cropSuggestions.isEmpty && encodedMattes.isEmpty
            && unplacedText.isEmpty
    }

    /// Throws ``ResultsError/otherPicture(source:analysed:picture:)`` when the size the service
    /// analysed has another shape than `picture` (the frame it is mapped onto, upright or as
    /// stored, as ``transform(onto:analysedUpright:)`` chooses): scaled to the picture's width,
    /// its height misses by more than 1 % and more than 1.5 pixels (a copy resized with
    /// rounding passes). A result without a size (fractions only) always fits.
    public func checkFits(_ picture: PictureGeometry, analysedUpright: Bool? = nil, source: String = "result") throws {
        guard let analysed = imageSize, analysed.width > 0, analysed.height > 0 else { return }
        let upright =
            analysedUpright ?? !(picture.orientation.swapsAxes && analysed == picture.storedSize && analysed != picture.uprightSize)
        let frame = upright ? picture.uprightSize : picture.storedSize
        if !Self.sameShape(analysed, frame) { throw ResultsError.otherPicture(source: source, analysed: analysed, picture: frame) }
    }

    /// Whether a result made for a picture of `analysed` size can be drawn on one of `picture`
    /// size: `analysed` scaled to `picture`'s width misses its height by at most 1 %, or at most
    /// 1.5 pixels. Sizes with a zero side are taken to agree (there is nothing to stretch).
    public static func sameShape(_ analysed: Size, _ picture: Size) -> Bool {
        guard analysed.width > 0, analysed.height > 0, picture.width > 0, picture.height > 0 else { return true }
        let expected = Double(analysed.height) * Double(picture.width) / Double(analysed.width)
        let miss = abs(expected - Double(picture.height))
        return miss <= 1.5 || miss <= 0.01 * Double(picture.height)
    }
}
