/// Bounds on a vision result, so that a hostile or runaway document costs bounded memory and
/// time: its size is checked before it is parsed, its regions after they are mapped.
public struct ResultLimits: Sendable, Equatable {
    /// Largest JSON document read from a file or a stream, in bytes. 64 MiB by default: the
    /// largest real results (dense OCR pages with every word and symbol) are a few megabytes.
    public var maxJSONBytes: Int
    /// Most regions an analysis may hold, nested ones (the words of a line) included. 100,000 by
    /// default, more than any real picture's result; a result with more is refused with
    /// ``ResultsError/overLimit(source:what:limit:)`` rather than drawn for minutes.
    public var maxRegions: Int

    /// Limits of one's own: 64 MiB and 100,000 regions by default.
    public init(maxJSONBytes: Int = 64 << 20, maxRegions: Int = 100_000) {
        self.maxJSONBytes = maxJSONBytes
        self.maxRegions = maxRegions
    }

    /// 64 MiB of JSON, 100,000 regions.
    public static let `default` = ResultLimits()

    /// Throws when `analysis` holds more regions than ``maxRegions``.
    func check(_ analysis: Analysis, source: String) throws(ResultsError) {
        var count = 0
        func visit(_ region: Region) { count += 1; region.children.forEach(visit) }
        analysis.regions.forEach(visit)
        guard count <= maxRegions else {
            throw ResultsError.overLimit(
                source: source, what: "the result holds \(count) regions", limit: "at most \(maxRegions), ResultLimits.maxRegions")
        }
    }
}
