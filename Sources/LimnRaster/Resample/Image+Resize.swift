/// Resampling: resize, and crop-and-resize with fractional edges, through the separable kernels
/// of ``ResampleFilter``.
///
/// Color is filtered premultiplied by alpha, so transparent surroundings never bleed a dark or
/// colored fringe into an edge; opaque images skip that work. Deterministic: the same input and
/// options give the same bytes, whatever the number of threads. Allocates the result plus the
/// intermediate planes, unless a warm ``ResampleWorkspace`` and a destination are passed.
extension Image {
    /// The image resampled to `size` (sides below 1 are raised to 1) with `filter`. With
    /// `preShrink`, a shrink by 4× or more on an axis first averages integer blocks (a box
    /// filter) so that the kernel still works on at least 2× (libvips' shrink-then-reduce): much
    /// faster for large ratios, within a fraction of a level of the pure kernel.
    /// Throws ``RasterError/overLimit(operation:size:limit:)`` when `size` is over `limits`.
    public func resized(
        to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true, limits: PixelLimits = .default
    ) throws -> Image {
        try limits.check(size, operation: "resizing")
        return resampledUnchecked(from: Rect(self.size), to: size, filter: filter, preShrink: preShrink)
    }

    /// The pixels of `region` (in this image's coordinates; fractional edges are honoured, reads
    /// beyond the image repeat its edge) resampled to `size`; `filter`, `preShrink` and the
    /// limits as in ``resized(to:filter:preShrink:limits:)``.
    public func resampled(
        from region: Rect, to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true, limits: PixelLimits = .default
    ) throws -> Image {
        try limits.check(size, operation: "resampling")
        return resampledUnchecked(from: region, to: size, filter: filter, preShrink: preShrink)
    }

    /// ``resampled(from:to:filter:preShrink:limits:)`` for Limn's own sizes, which come from a
    /// picture already in memory (a crop, a blur's reduced copy, a thumbnail checked on entry).
    package func resampledUnchecked(from region: Rect, to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true) -> Image {
        var out = Image()
        resampleUnchecked(from: region, into: &out, size: size, filter: filter, preShrink: preShrink, workspace: ResampleWorkspace())
        return out
    }

    /// Destination passing: resamples `region` (the whole image when nil) into `destination`,
    /// made `size` (its current size when nil). With a warm `destination` and `workspace` from an
    /// earlier call of the same geometry, nothing is allocated on a single thread.
    /// Throws ``RasterError/overLimit(operation:size:limit:)`` when the size is over `limits`.
    public func resample(
        from region: Rect? = nil, into destination: inout Image, size: Size? = nil,
        filter: ResampleFilter = .lanczos3, preShrink: Bool = true, workspace: ResampleWorkspace, limits: PixelLimits = .default
    ) throws {
        try limits.check(size ?? destination.size, operation: "resampling")
        resampleUnchecked(from: region, into: &destination, size: size, filter: filter, preShrink: preShrink, workspace: workspace)
    }

    package func resampleUnchecked(
        from region: Rect? = nil, into destination: inout Image, size: Size? = nil,
        filter: ResampleFilter = .lanczos3, preShrink: Bool = true, workspace: ResampleWorkspace
    ) {
        let options = ResampleOptions(filter: filter, preShrink: preShrink)
        let target = size ?? destination.size
        let w = max(target.width, 1), h = max(target.height, 1)
        let rect = region ?? Rect(self.size)
        guard !isEmpty, !rect.isEmpty else {
            destination.overwrite(width: w, height: h, isOpaque: false) { $0.initializeMemory(as: UInt8.self, repeating: 0) }
            return
        }
        let premultiply = !isOpaque
        let opaque = isOpaque
        withUnsafeBytes { source in
            destination.overwrite(width: w, height: h, isOpaque: opaque) { out in
                PlaneResampler.resample(
                    .init(bytes: source.baseAddress!.assumingMemoryBound(to: UInt8.self), width: width, height: height, stride: width * 4),
                    channels: 4, region: rect, into: out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    outWidth: w, outHeight: h, options: options, premultiply: premultiply, workspace: workspace)
            }
        }
    }
}

extension Mask {
    /// The mask resampled to `size` with the same machinery as images (mattes arrive at other
    /// sizes than their pictures).
    /// Throws ``RasterError/overLimit(operation:size:limit:)`` when `size` is over `limits`.
    public func resized(
        to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true, limits: PixelLimits = .default
    ) throws -> Mask {
        try limits.check(size, operation: "resizing a mask")
        return resampledUnchecked(from: Rect(self.size), to: size, filter: filter, preShrink: preShrink)
    }

    /// The values of `region` resampled to `size`; throws as ``resized(to:filter:preShrink:limits:)``.
    public func resampled(
        from region: Rect, to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true, limits: PixelLimits = .default
    ) throws -> Mask {
        try limits.check(size, operation: "resampling a mask")
        return resampledUnchecked(from: region, to: size, filter: filter, preShrink: preShrink)
    }

    package func resampledUnchecked(from region: Rect, to size: Size, filter: ResampleFilter = .lanczos3, preShrink: Bool = true) -> Mask {
        let options = ResampleOptions(filter: filter, preShrink: preShrink)
        let w = max(size.width, 1), h = max(size.height, 1)
        guard !isEmpty, !region.isEmpty else { return Mask(width: w, height: h) }
        let workspace = ResampleWorkspace()
        return withUnsafeBytes { source in
            Mask(width: w, height: h) { out in
                PlaneResampler.resample(
                    .init(bytes: source.baseAddress!.assumingMemoryBound(to: UInt8.self), width: width, height: height, stride: width),
                    channels: 1, region: region, into: out.baseAddress!.assumingMemoryBound(to: UInt8.self),
                    outWidth: w, outHeight: h, options: options, premultiply: false, workspace: workspace)
            }
        }
    }
}
