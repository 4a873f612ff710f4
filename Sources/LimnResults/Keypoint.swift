import LimnGeometry

/// A named point of a detection: a body joint of a pose (COCO's 17), a face landmark.
public struct Keypoint: Hashable, Sendable {
    /// COCO's `v`: 0 not labelled (its coordinates are a placeholder and mean nothing), 1
    /// labelled but hidden, 2 seen.
    public enum Visibility: Int, Sendable, Codable {
        /// Not labelled: the coordinates are a placeholder (COCO `v = 0`, an Ultralytics point at (0, 0)).
        case absent = 0
        /// Labelled but hidden behind something (`v = 1`).
        case occluded = 1
        /// Labelled and seen (`v = 2`).
        case visible = 2
    }

    /// In the region's ``RegionUnits``.
    public var point: Point
    /// Whether the point is there at all, hidden or seen; an absent point is never drawn.
    public var visibility: Visibility
    /// The model's confidence in 0…1 (Ultralytics' `visible`), when it gives one.
    public var confidence: Double?
    /// What the point is (`left_wrist`, `nose`), when the result or its category says.
    public var name: String?

    /// A keypoint at `point`, seen unless said otherwise.
    public init(point: Point, visibility: Visibility = .visible, confidence: Double? = nil, name: String? = nil) {
        self.point = point; self.visibility = visibility; self.confidence = confidence; self.name = name
    }
}

/// A line of a skeleton: two keypoints by their index in ``Region/keypoints`` (from 0).
public struct KeypointLink: Hashable, Sendable {
    /// The index of one end, in ``Region/keypoints``.
    public var from: Int
    /// The index of the other end.
    public var to: Int
    /// The line from keypoint `from` to keypoint `to` (indices from 0).
    public init(_ from: Int, _ to: Int) { self.from = from; self.to = to }
}

extension KeypointLink {
    /// COCO's person skeleton (its categories' 1-based `skeleton`, here from 0).
    public static let cocoPerson: [KeypointLink] = [
        (16, 14), (14, 12), (17, 15), (15, 13), (12, 13), (6, 12), (7, 13), (6, 7), (6, 8), (7, 9), (8, 10), (9, 11),
        (2, 3), (1, 2), (1, 3), (2, 4), (3, 5), (4, 6), (5, 7),
    ].map { KeypointLink($0.0 - 1, $0.1 - 1) }

    /// COCO's 17 person keypoint names, in order.
    public static let cocoPersonNames = [
        "nose", "left_eye", "right_eye", "left_ear", "right_ear", "left_shoulder", "right_shoulder", "left_elbow",
        "right_elbow", "left_wrist", "right_wrist", "left_hip", "right_hip", "left_knee", "right_knee", "left_ankle",
        "right_ankle",
    ]
}
