/// Destination passing: reshape an image and write all of its pixels, reusing its memory.
extension Image {
    /// An empty (0 × 0) image, to be filled by ``overwrite(width:height:isOpaque:with:)``.
    public init() {
        self.init(width: 0, height: 0)
    }

    /// Makes this image `width × height` and lets `body` write every byte of it.
    ///
    /// The storage is reused when this value holds the only reference and it is large enough:
    /// then nothing is allocated and no fresh pages are faulted in, which is what makes repeated
    /// decodes into one image cheap. Otherwise one block is allocated. The bytes passed to
    /// `body` hold no particular values; pass `isOpaque: true` only when `body` writes alpha 255
    /// everywhere. If `body` throws, the image is left empty (0 × 0).
    public mutating func overwrite<E: Error>(
        width: Int, height: Int, isOpaque: Bool,
        with body: (UnsafeMutableRawBufferPointer) throws(E) -> Void
    ) throws(E) {
        let w = max(width, 0), h = max(height, 0)
        if !isKnownUniquelyReferenced(&storage) || storage.capacity < w * h * 4 {
            storage = PlaneStorage(capacity: w * h * 4, zeroed: false)
        }
        self.width = w
        self.height = h
        self.isOpaque = isOpaque
        do {
            try body(UnsafeMutableRawBufferPointer(start: storage.bytes, count: w * h * 4))
        } catch {
            self.width = 0
            self.height = 0
            self.isOpaque = false
            throw error
        }
    }

    /// True when this image holds the only reference to a block of at least `bytes` bytes, so an
    /// ``overwrite(width:height:isOpaque:with:)`` of that size would allocate nothing.
    public mutating func canReuseStorage(forBytes bytes: Int) -> Bool {
        isKnownUniquelyReferenced(&storage) && storage.capacity >= bytes
    }
}
