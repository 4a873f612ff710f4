import LimnGeometry

/// The pixels of one detected instance, beyond its box: what COCO calls a segmentation.
public enum InstanceMask: Hashable, Sendable {
    /// The union of these polygons (COCO polygon segmentations, Florence-2 and Ultralytics
    /// segments, YOLO segmentation rows), in the region's ``RegionUnits``.
    case polygons([[Point]])
    /// A COCO run-length mask: pixels of the picture of its ``RunLengthMask/size``, placed by
    /// its ``RunLengthMask/transform``.
    case runLength(RunLengthMask)

    /// The instance's outlines: the polygons, or the run-length mask's traced outlines (see
    /// `Contours`). The run-length form is decoded and traced on each call.
    public var polygons: [[Point]] {
        switch self {
        case .polygons(let p): return p
        case .runLength(let rle): return rle.polygons
        }
    }

    /// The smallest box around the mask; nil when it covers nothing.
    public var bounds: Rect? {
        switch self {
        case .polygons(let p): return Rect(bounding: p.joined())
        case .runLength(let rle):
            guard let b = rle.bounds else { return nil }
            let box = Rect(x: Double(b.x), y: Double(b.y), width: Double(b.width), height: Double(b.height))
            return rle.transform == .identity ? box : Rect(bounding: box.corners.map(rle.transform.apply))
        }
    }
}
