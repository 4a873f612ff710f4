import LimnGeometry

/// Two detection results of one picture, compared: each detection of the first paired with at
/// most one of the second by box overlap, as an evaluation would (two models, a model against
/// ground truth, one model before and after a change). Both analyses must be in the same pixels
/// (``Analysis/mapped(to:analysedUpright:)`` onto the same picture).
///
/// Pairs of the same label are matched first, then pairs of different labels, each time the
/// highest intersection over union first, down to ``minimumOverlap``; what is left is only in
/// one result. Detections are the regions that are neither text nor document parts (objects,
/// people, faces, brands, landmarks, subjects, dense captions), at or above `minimumConfidence`.
/// Boxes are compared, not masks. Deterministic (ties keep the results' order); allocates the
/// pairs and the list of box pairs that overlap.
public struct DetectionComparison: Sendable, Equatable {
    /// How a detection of one result relates to the other's.
    public enum Status: String, Sendable, CaseIterable, Equatable {
        /// The same label, overlapping.
        case matched
        /// Overlapping, labelled differently.
        case relabelled
        /// Only in the first result: the second found nothing overlapping it.
        case onlyInFirst
        /// Only in the second result.
        case onlyInSecond
    }

    /// A detection of one result and its partner in the other, if any.
    public struct Pair: Sendable, Equatable {
        /// How the two relate.
        public var status: Status
        /// The first result's detection; nil for `onlyInSecond`.
        public var first: Region?
        /// The second result's detection; nil for `onlyInFirst`.
        public var second: Region?
        /// The boxes' intersection over union, 0 for a detection only in one result.
        public var overlap: Double
    }

    /// Every detection of both results, each in exactly one pair.
    public var pairs: [Pair]
    /// The vendor of the first result.
    public var first: Vendor
    /// The vendor of the second result.
    public var second: Vendor

    /// Boxes overlapping less than this (intersection over union) are different detections.
    public static let minimumOverlap = 0.5
    /// Most boxes of the second result a box of the first is compared with: the first this many,
    /// by left edge, of the window where an overlap of one half is possible.
    static let candidatesPerBox = 256

    /// How many pairs have `status`.
    public func count(_ status: Status) -> Int { pairs.filter { $0.status == status }.count }

    static let kinds: Set<RegionKind> = [.object, .person, .face, .brand, .celebrity, .landmark, .subject, .denseCaption]

    /// Compares the detections of `a` and `b` at or above `minimumConfidence`; both must be mapped onto the same
    /// picture.
    public init(_ a: Analysis, _ b: Analysis, minimumConfidence: Double = 0) {
        first = a.vendor
        second = b.vendor
        func detections(_ x: Analysis) -> [Region] {
            x.regions.filter { Self.kinds.contains($0.kind) && ($0.confidence ?? 1) >= minimumConfidence }
        }
        let da = detections(a), db = detections(b)
        // Boxes with an overlap of at least one half are alike: each is at most twice as wide as
        // the other and starts less than twice its width before it. So the second result's
        // boxes, sorted by left edge, are tried only in that window, and at most
        // `candidatesPerBox` of them (a hostile result of thousands of equal boxes stays linear).
        var candidates: [(i: Int, j: Int, iou: Double)] = []
        let order = db.indices.filter { db[$0].shape.bounds.isFinite }.sorted {
            (db[$0].shape.bounds.minX, $0) < (db[$1].shape.bounds.minX, $1)
        }
        let lefts = order.map { db[$0].shape.bounds.minX }
        func firstIndex(notBelow x: Double) -> Int {
            var lo = 0, hi = lefts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if lefts[mid] < x { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        for (i, r) in da.enumerated() {
            let box = r.shape.bounds
            guard box.isFinite, box.width > 0, box.height > 0 else { continue }
            let start = firstIndex(notBelow: box.minX - 2 * box.width), end = firstIndex(notBelow: box.maxX)
            for k in start..<min(end, start + Self.candidatesPerBox) {
                let j = order[k]
                let iou = Self.overlap(box, db[j].shape.bounds)
                if iou >= Self.minimumOverlap { candidates.append((i, j, iou)) }
            }
        }
        candidates.sort { $0.iou != $1.iou ? $0.iou > $1.iou : ($0.i, $0.j) < ($1.i, $1.j) }
        var usedA = [Bool](repeating: false, count: da.count), usedB = [Bool](repeating: false, count: db.count)
        var out: [Pair] = []
        for sameLabel in [true, false] {
            for c in candidates where !usedA[c.i] && !usedB[c.j] {
                let same = da[c.i].label.lowercased() == db[c.j].label.lowercased()
                guard same == sameLabel else { continue }
                usedA[c.i] = true
                usedB[c.j] = true
                out.append(Pair(status: same ? .matched : .relabelled, first: da[c.i], second: db[c.j], overlap: c.iou))
            }
        }
        for (i, r) in da.enumerated() where !usedA[i] { out.append(Pair(status: .onlyInFirst, first: r, second: nil, overlap: 0)) }
        for (j, r) in db.enumerated() where !usedB[j] { out.append(Pair(status: .onlyInSecond, first: nil, second: r, overlap: 0)) }
        pairs = out
    }

    /// Intersection over union of two boxes; 0 when either is empty.
    public static func overlap(_ a: Rect, _ b: Rect) -> Double {
        guard let i = a.intersection(b), i.width > 0, i.height > 0 else { return 0 }
        let inter = i.width * i.height
        let union = a.width * a.height + b.width * b.height - inter
        return union > 0 ? inter / union : 0
    }
}
