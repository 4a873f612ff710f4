import LimnGeometry

/// Two OCR results of one picture, compared: their text lines matched by position, and the
/// words of each matched pair diffed in reading order. Both analyses must be in the same
/// pixels (``Analysis/mapped(to:analysedUpright:)`` onto the same picture).
///
/// Lines are grouped where their boxes overlap (intersection over union of at least
/// ``minimumOverlap``) or one lies mostly inside the other (``minimumContainment``: an engine
/// that reads a table row as one line, another each cell); a line left alone has all its words
/// only in its result. Within a group the words, in reading order, are aligned by their longest
/// common subsequence (exact text); between two agreeing words, the first result's words and
/// the second's pair up as changed, and the rest are only in one. A line without word regions (EasyOCR, PaddleOCR)
/// is split at its spaces, each word given the stretch of the line its characters take.
/// Deterministic; allocates the words and an overlap list of the line pairs that touch.
public struct OCRComparison: Sendable, Equatable {
    /// How a word of one result relates to the other's.
    public enum Status: String, Sendable, CaseIterable, Equatable {
        /// Read the same by both.
        case agreeing
        /// Read differently: ``Word/text`` is the first result's, ``Word/other`` the second's.
        case changed
        /// Only the first result read it.
        case onlyInFirst
        /// Only the second result read it.
        case onlyInSecond
    }

    /// One word of the comparison.
    public struct Word: Sendable, Equatable {
        /// How the two results relate on this word.
        public var status: Status
        /// The word as the result it is drawn from read it (the first's, except `onlyInSecond`).
        public var text: String
        /// What the second result read instead, for `changed`.
        public var other: String?
        /// Where it is: the first result's shape, except for `onlyInSecond`.
        public var shape: RegionShape
    }

    /// Every word of both results, each once.
    public var words: [Word]
    /// The vendor of the first result.
    public var first: Vendor
    /// The vendor of the second result.
    public var second: Vendor
    /// Lines of the first result that found a partner, and those left in each result.
    public var matchedLines: Int
    /// Lines left without a partner in the first result and in the second.
    public var unmatchedLines: (first: Int, second: Int)

    /// Line boxes overlapping less than this (intersection over union) are not the same line…
    public static let minimumOverlap = 0.3
    /// …unless the smaller lies at least this much inside the larger.
    public static let minimumContainment = 0.6
    /// Lines of the second result a line of the first is compared with, the nearest in height.
    static let candidates = 64
    /// Above this many word pairs (the product of two lines' word counts) a pair of lines is
    /// aligned word for word in order instead of by longest common subsequence, whose table
    /// would be that large.
    static let largestAlignment = 1 << 20

    public static func == (l: OCRComparison, r: OCRComparison) -> Bool {
        l.words == r.words && l.first == r.first && l.second == r.second && l.matchedLines == r.matchedLines
            && l.unmatchedLines == r.unmatchedLines
    }

    /// How many words have `status`.
    public func count(_ status: Status) -> Int { words.filter { $0.status == status }.count }

    /// Compares the OCR lines and words of `a` and `b`; both must be mapped onto the same picture.
    public init(_ a: Analysis, _ b: Analysis) {
        first = a.vendor
        second = b.vendor
        let linesA = Self.lines(a), linesB = Self.lines(b)
        // Lines are the same line where their boxes overlap enough (intersection over union),
        // or where one lies mostly inside the other (an engine that reads a table row as one
        // line, another that reads each cell): such lines join one group, and a group's words
        // are compared in order. Each line of the first looks only at the second's lines nearest
        // its height on the page (at most ``candidates``), so thousands of lines cost thousands
        // of checks.
        var parent = Array(0..<(linesA.count + linesB.count))
        func root(_ k: Int) -> Int {
            var k = k
            while parent[k] != k {
                parent[k] = parent[parent[k]]
                k = parent[k]
            }
            return k
        }
        let byHeight = linesB.indices.sorted { (linesB[$0].box.center.y, $0) < (linesB[$1].box.center.y, $1) }
        let centers = byHeight.map { linesB[$0].box.center.y }
        for (i, line) in linesA.enumerated() {
            let y = line.box.center.y
            var lo = 0, hi = centers.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if centers[mid] < y { lo = mid + 1 } else { hi = mid }
            }
            var below = lo, above = lo - 1, seen = 0
            while seen < Self.candidates, below < centers.count || above >= 0 {
                let takeBelow = above < 0 || (below < centers.count && centers[below] - y <= y - centers[above])
                let k = takeBelow ? below : above
                if takeBelow { below += 1 } else { above -= 1 }
                seen += 1
                let j = byHeight[k]
                if abs(centers[k] - y) > line.box.height + linesB[j].box.height { break }
                if Self.sameLine(line.box, linesB[j].box) { parent[root(linesA.count + j)] = root(i) }
            }
        }
        // Groups in the first result's reading order (those of the second alone after them).
        var groups: [Int: (a: [Int], b: [Int])] = [:]
        var order: [Int] = []
        for k in parent.indices {
            let r = root(k)
            if groups[r] == nil {
                groups[r] = ([], [])
                order.append(r)
            }
            if k < linesA.count { groups[r]!.a.append(k) } else { groups[r]!.b.append(k - linesA.count) }
        }
        var words: [Word] = []
        var matched = 0, aloneA = 0, aloneB = 0
        for r in order {
            let (ia, ib) = groups[r]!
            let wa = Self.reading(ia.map { linesA[$0] }), wb = Self.reading(ib.map { linesB[$0] })
            if ib.isEmpty {
                aloneA += ia.count
                words += wa.map { Word(status: .onlyInFirst, text: $0.text, other: nil, shape: $0.shape) }
            } else if ia.isEmpty {
                aloneB += ib.count
                words += wb.map { Word(status: .onlyInSecond, text: $0.text, other: nil, shape: $0.shape) }
            } else {
                matched += ia.count
                words += Self.diff(wa, wb)
            }
        }
        self.words = words
        matchedLines = matched
        unmatchedLines = (aloneA, aloneB)
    }

    /// Two line boxes are one line: they overlap by ``minimumOverlap`` (intersection over
    /// union), or the smaller lies at least ``minimumContainment`` inside the larger.
    static func sameLine(_ a: Rect, _ b: Rect) -> Bool {
        let w = min(a.maxX, b.maxX) - max(a.minX, b.minX), h = min(a.maxY, b.maxY) - max(a.minY, b.minY)
        guard w > 0, h > 0 else { return false }
        let inter = w * h, areaA = a.width * a.height, areaB = b.width * b.height
        let smaller = min(areaA, areaB)
        return inter / (areaA + areaB - inter) >= minimumOverlap || (smaller > 0 && inter / smaller >= minimumContainment)
    }

    /// The words of a group's lines in reading order: top to bottom, and left to right within
    /// lines that share a row (their vertical middles within half a line of each other).
    static func reading(_ lines: [Line]) -> [(text: String, shape: RegionShape)] {
        let sorted = lines.sorted { l, r in
            let row = max(l.box.height, r.box.height) / 2
            if abs(l.box.center.y - r.box.center.y) > row { return l.box.center.y < r.box.center.y }
            return l.box.minX < r.box.minX
        }
        return sorted.flatMap(\.words)
    }

    struct Line {
        var box: Rect
        var words: [(text: String, shape: RegionShape)]
    }

    /// A result's text lines (or, without lines, its loose words, each a line) and their words.
    static func lines(_ a: Analysis) -> [Line] {
        var lines = a.regions.filter { $0.kind == .textLine }
        if lines.isEmpty {
            lines = (a.regions.filter { $0.kind == .textWord } + a.regions.filter { $0.kind == .textBlock }.flatMap(\.children))
        }
        return lines.map { line in
            let words = line.children.filter { !$0.label.isEmpty }
            if !words.isEmpty { return Line(box: line.shape.bounds, words: words.map { ($0.label, $0.shape) }) }
            return Line(box: line.shape.bounds, words: split(line))
        }
    }

    /// A line's text split at its spaces, each word the stretch of the line's polygon (its top
    /// and bottom edges) that its characters take.
    static func split(_ line: Region) -> [(text: String, shape: RegionShape)] {
        let parts = line.label.split(separator: " ", omittingEmptySubsequences: false)
        let total = max(1, line.label.count)
        let p = line.shape.points
        guard p.count == 4 else { return parts.filter { !$0.isEmpty }.map { (String($0), line.shape) } }
        func along(_ from: Point, _ to: Point, _ t: Double) -> Point {
            Point(x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t)
        }
        var out: [(String, RegionShape)] = []
        var start = 0
        for part in parts {
            let end = start + part.count
            if !part.isEmpty {
                let t0 = Double(start) / Double(total), t1 = Double(end) / Double(total)
                out.append(
                    (String(part), .polygon([along(p[0], p[1], t0), along(p[0], p[1], t1), along(p[3], p[2], t1), along(p[3], p[2], t0)])))
            }
            start = end + 1
        }
        return out
    }

    /// The words of two matched lines, aligned by their longest common subsequence.
    static func diff(_ a: [(text: String, shape: RegionShape)], _ b: [(text: String, shape: RegionShape)]) -> [Word] {
        let n = a.count, m = b.count
        guard n * m <= largestAlignment else {
            return (0..<max(n, m)).map { k in
                if k < n, k < m {
                    return Word(
                        status: a[k].text == b[k].text ? .agreeing : .changed, text: a[k].text,
                        other: a[k].text == b[k].text ? nil : b[k].text, shape: a[k].shape)
                }
                return k < n
                    ? Word(status: .onlyInFirst, text: a[k].text, other: nil, shape: a[k].shape)
                    : Word(status: .onlyInSecond, text: b[k].text, other: nil, shape: b[k].shape)
            }
        }
        // lengths[i][j]: the LCS of a[i...] and b[j...].
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i].text == b[j].text ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var out: [Word] = []
        var onlyA: [Int] = [], onlyB: [Int] = []
        func flush() {
            for k in 0..<max(onlyA.count, onlyB.count) {
                if k < onlyA.count, k < onlyB.count {
                    out.append(Word(status: .changed, text: a[onlyA[k]].text, other: b[onlyB[k]].text, shape: a[onlyA[k]].shape))
                } else if k < onlyA.count {
                    out.append(Word(status: .onlyInFirst, text: a[onlyA[k]].text, other: nil, shape: a[onlyA[k]].shape))
                } else {
                    out.append(Word(status: .onlyInSecond, text: b[onlyB[k]].text, other: nil, shape: b[onlyB[k]].shape))
                }
            }
            onlyA = []
            onlyB = []
        }
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, a[i].text == b[j].text {
                flush()
                out.append(Word(status: .agreeing, text: a[i].text, other: nil, shape: a[i].shape))
                i += 1
                j += 1
            } else if j == m || (i < n && lengths[i + 1][j] >= lengths[i][j + 1]) {
                onlyA.append(i)
                i += 1
            } else {
                onlyB.append(j)
                j += 1
            }
        }
        flush()
        return out
    }
}
