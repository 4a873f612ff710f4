import LimnGeometry

/// A binary mask as COCO stores it: alternating runs of background and foreground pixels,
/// background first, in column-major order (down the first column, then the next) over a
/// picture of ``size``. COCO's `size` is `[height, width]`; here it is a `Size`.
///
/// The runs always cover the picture exactly: a mask whose runs add up to more or fewer pixels
/// is refused when it is read.
public struct RunLengthMask: Hashable, Sendable {
    /// The picture the runs cover (COCO's `[height, width]`, turned around).
    public let size: Size
    /// Run lengths, background first (so a mask that starts with foreground starts with 0).
    public let counts: [Int]
    /// Where the mask's pixel grid lands in its region's coordinates: identity as read (the
    /// picture's pixels); ``Analysis/applying(_:fractions:)`` composes its transform onto it,
    /// so the runs are never resampled.
    public var transform: AffineTransform = .identity

    /// Checks that the runs are non-negative and cover `size` exactly; nil otherwise.
    public init?(size: Size, counts: [Int]) {
        guard size.width >= 0, size.height >= 0 else { return nil }
        var total = 0
        for c in counts {
            guard c >= 0 else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(c)
            guard !overflow else { return nil }
            total = sum
        }
        guard total == size.width * size.height else { return nil }
        self.size = size
        self.counts = counts
    }

    /// COCO's compressed `counts` string (pycocotools' `rleToString`): each count in 5-bit
    /// groups, low first, as characters from `0` (48) with bit 5 marking "more" and bit 4 of the
    /// last group the sign; from the fourth count on, each is stored as the difference to the
    /// count two before it. Nil when the string is malformed or the runs do not cover `size`.
    public init?(size: Size, compressed: String) {
        var counts: [Int] = []
        var iterator = compressed.utf8.makeIterator()
        while var c = iterator.next() {
            var value = 0, shift = 0
            while true {
                guard c >= 48, c < 48 + 64, shift < 60 else { return nil }
                let group = Int(c - 48)
                value |= (group & 0x1f) << shift
                shift += 5
                if group & 0x20 == 0 {
                    if group & 0x10 != 0 { value |= -1 << shift }
                    break
                }
                guard let following = iterator.next() else { return nil }
                c = following
            }
            if counts.count > 2 {
                let (sum, overflow) = value.addingReportingOverflow(counts[counts.count - 2])
                guard !overflow else { return nil }
                value = sum
            }
            counts.append(value)
        }
        self.init(size: size, counts: counts)
    }

    /// The runs in COCO's compressed string form (pycocotools' `rleToString`), the inverse of
    /// ``init(size:compressed:)``.
    public var compressed: String {
        var out: [UInt8] = []
        for (i, c) in counts.enumerated() {
            var x = i > 2 ? c - counts[i - 2] : c
            var more = true
            while more {
                var group = x & 0x1f
                x >>= 5
                more = group & 0x10 != 0 ? x != -1 : x != 0
                if more { group |= 0x20 }
                out.append(UInt8(group + 48))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// How many pixels are foreground.
    public var area: Int {
        stride(from: 1, to: counts.count, by: 2).reduce(0) { $0 + counts[$1] }
    }

    /// The smallest pixel rectangle holding every foreground pixel, as (x, y, width, height);
    /// nil for an empty mask.
    public var bounds: (x: Int, y: Int, width: Int, height: Int)? {
        let h = size.height
        guard h > 0 else { return nil }
        var minX = Int.max, maxX = -1, minY = Int.max, maxY = -1
        var position = 0
        for (index, run) in counts.enumerated() {
            defer { position += run }
            guard index % 2 == 1, run > 0 else { continue }
            let first = position, last = position + run - 1
            let x0 = first / h, x1 = last / h
            minX = min(minX, x0)
            maxX = max(maxX, x1)
            if x0 == x1 {
                minY = min(minY, first % h)
                maxY = max(maxY, last % h)
            } else {
                // The run wraps a column: it reaches the bottom of its first column and the
                // top of its last.
                minY = 0
                maxY = h - 1
            }
        }
        guard maxX >= 0 else { return nil }
        return (minX, minY, maxX - minX + 1, maxY - minY + 1)
    }

    /// Writes the mask's pixels inside the rectangle (`x`, `y`, `width`, `height`) into
    /// `buffer`, row-major, `width` bytes a row: `value` for foreground, 0 for background.
    /// The buffer must hold `width × height` bytes.
    public func decode(
        into buffer: UnsafeMutableRawBufferPointer, x: Int, y: Int, width: Int, height: Int, value: UInt8 = 255
    ) {
        guard width > 0, height > 0, size.height > 0, buffer.count >= width * height else { return }
        buffer.initializeMemory(as: UInt8.self, repeating: 0)
        forEachForegroundPiece { column, rows in
            let bx = column - x
            guard bx >= 0, bx < width else { return }
            let r0 = max(rows.lowerBound, y), r1 = min(rows.upperBound, y + height)
            if r0 < r1 {
                for r in r0..<r1 { buffer[(r - y) * width + bx] = value }
            }
        }
    }

    /// Calls `body` with each stretch of foreground down one column: its column and its rows. A
    /// run that wraps into the next columns comes as one piece a column. Allocates nothing.
    func forEachForegroundPiece(_ body: (_ column: Int, _ rows: Range<Int>) -> Void) {
        let h = size.height
        guard h > 0 else { return }
        var position = 0
        for (index, run) in counts.enumerated() {
            defer { position += run }
            guard index % 2 == 1, run > 0 else { continue }
            var p = position
            let end = position + run
            while p < end {
                let column = p / h, row = p % h
                let pieceEnd = min(end, (column + 1) * h)
                body(column, row..<(row + pieceEnd - p))
                p = pieceEnd
            }
        }
    }

    /// The mask's bounding box decoded into a `BinaryGrid` placed where the box lies in the
    /// mask's own pixels (``transform`` not applied); nil for an empty mask. Each run becomes a
    /// range of bits in its columns, turned into rows once. Allocates the box's bits twice.
    public var grid: BinaryGrid? {
        guard let b = bounds else { return nil }
        return BinaryGrid(width: b.width, height: b.height, x: b.x, y: b.y) { columns in
            forEachForegroundPiece { column, rows in
                columns.set(column: column - b.x, rows: (rows.lowerBound - b.y)..<(rows.upperBound - b.y))
            }
        }
    }

    /// The outlines of the foreground (see `Contours`) placed by ``transform``: outer
    /// outlines and holes wound opposite ways, so an even-odd or non-zero fill gives the mask.
    /// Decodes the mask's bounding box once, for the trace.
    public var polygons: [[Point]] {
        guard let grid else { return [] }
        let traced = Contours.trace(grid)
        return transform == .identity ? traced : traced.map { $0.map(transform.apply) }
    }

    /// The mask decoded into a `BinaryGrid` placed where ``transform`` puts it, when the
    /// transform only moves it by whole pixels (as read, or drawn below a banner); nil for any
    /// other transform (then the traced ``polygons`` place it) and for an empty mask. Filled with
    /// the raster core's `fill(outlineOf:)`, it covers what its traced outlines filled even-odd
    /// would, without tracing.
    public var placedGrid: BinaryGrid? {
        let t = transform
        guard t.a == 1, t.b == 0, t.c == 0, t.d == 1, t.tx.rounded() == t.tx, t.ty.rounded() == t.ty, abs(t.tx) < 1e9, abs(t.ty) < 1e9,
            var grid
        else { return nil }
        grid.left += Int(t.tx)
        grid.top += Int(t.ty)
        return grid
    }
}
