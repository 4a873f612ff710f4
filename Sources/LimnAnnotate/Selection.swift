import LimnRaster
import LimnResults

/// The regions an annotation draws: by feature, above the confidence threshold, the top K of
/// each feature by confidence (ties keep the service's order, so the choice is deterministic).
struct Selection {
    var detections: [Region] = []  // objects, people, faces, brands (boxes with chips)
    var denseCaptions: [Region] = []
    var textLines: [Region] = []  // lines, or Google's block words when there are no lines
    var textBlocks: [Region] = []
    var privacy: [Region] = []  // people and faces, for blurring
    var tables: [Region] = []
    var formKeys: [Region] = []
    var selectionMarks: [Region] = []
    /// Document fields and paragraphs with a role: outlined and named.
    var named: [Region] = []

    init(_ analysis: Analysis, options: AnnotationOptions) {
        func keep(_ kinds: Set<RegionKind>, _ feature: AnnotationOptions.Feature) -> [Region] {
            guard options.features.contains(feature) else { return [] }
            return Self.top(analysis.regions.filter { kinds.contains($0.kind) && Self.passes($0, options) }, options.topK)
        }
        detections =
            keep([.object, .subject, .landmark], .objects) + keep([.person], .people) + keep([.face, .celebrity], .faces)
            + keep([.brand], .brands)
        denseCaptions = keep([.denseCaption], .denseCaptions)
        if options.features.contains(.text) {
            let lines = analysis.regions.filter { $0.kind == .textLine && Self.passes($0, options) }
            textBlocks = analysis.regions.filter { $0.kind == .textBlock }
            let loose = analysis.regions.filter { $0.kind == .textWord } + textBlocks.flatMap(\.children)
            textLines = lines.isEmpty ? loose.filter { Self.passes($0, options) } : lines
        }
        tables = keep([.table], .tables)
        formKeys = keep([.formKey], .forms)
        selectionMarks = keep([.selectionMark], .forms)
        named = keep([.field], .forms) + keep([.paragraph], .layout).filter { $0.role != nil }
        if options.privacy != .none {
            privacy = analysis.regions.filter { [.person, .face, .celebrity].contains($0.kind) && Self.passes($0, options) }
        }
    }

    static func passes(_ r: Region, _ options: AnnotationOptions) -> Bool {
        guard let c = r.confidence else { return true }
        return c >= options.minimumConfidence
    }

    static func top(_ regions: [Region], _ k: Int?) -> [Region] { top(regions, k, confidence: \.confidence) }

    /// The `k` most confident items (no confidence counts as certain), kept in their order.
    static func top<T>(_ items: [T], _ k: Int?, confidence: (T) -> Double?) -> [T] {
        guard let k, k >= 0, items.count > k else { return items }
        return ranked(items, confidence: confidence).prefix(k).sorted { $0.offset < $1.offset }.map(\.element)
    }

    /// The items most confident first (no confidence counts as certain; ties keep their order),
    /// with their places in `items`.
    static func ranked<T>(_ items: [T], confidence: (T) -> Double?) -> [(offset: Int, element: T)] {
        items.enumerated().map { ($0.offset, $0.element) }.sorted { a, b in
            let ca = confidence(a.element) ?? 1, cb = confidence(b.element) ?? 1
            return ca != cb ? ca > cb : a.offset < b.offset
        }
    }
}

extension Region {
    /// The confidence to show: the region's own, or the mean of its children's.
    var effectiveConfidence: Double? {
        if let c = confidence { return c }
        let cs = children.compactMap(\.confidence)
        return cs.isEmpty ? nil : cs.reduce(0, +) / Double(cs.count)
    }
}

extension Analysis {
    /// True when every shape is in pixels and no legacy OCR angle is pending.
    var isMappedToPixels: Bool {
        textAngle == nil && allRegions.allSatisfy { $0.units == .pixels }
    }
}
