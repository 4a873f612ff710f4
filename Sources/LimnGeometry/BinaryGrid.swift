/// A binary mask laid out for marching squares: one bit per pixel (1 for foreground), with a
/// background border of one pixel around it, so scans read a pixel's neighbours, and 64 pixels
/// at a time, without a bounds check. Its top-left pixel lands on pixel (``left``, ``top``) of
/// the picture.
///
/// Rows are ``wordsPerRow`` 64-bit words, bit `k` of word `w` being padded column `64·w + k`;
/// pixel (x, y) is padded column x + 1 of padded row y + 1. Every bit outside the mask's own
/// pixels is 0. What a run-length mask decodes into (`RunLengthMask.grid`);
/// ``Contours`` traces its outlines, and the raster core fills the same outlines straight from
/// the grid. A 4000 × 3000 mask takes 1.5 MB.
public struct BinaryGrid: Sendable {
    /// The mask's size in pixels (the border not counted).
    public let width: Int
    /// The mask's height in pixels (the border not counted).
    public let height: Int
    /// Where pixel (0, 0) of the grid lands in the picture (moving it moves the mask).
    public var left: Int
    /// Where row 0 of the grid lands in the picture (see ``left``).
    public var top: Int
    /// Words per padded row: the mask's width, a border column on each side, and a word of
    /// slack, so the word after any pixel's can always be read.
    public let wordsPerRow: Int
    @usableFromInline var words: [UInt64]

    /// An all-background grid of `width × height` (both at least 1) whose top-left pixel lands on
    /// (`x`, `y`). Nil when a side is not positive or the size overflows.
    public init?(width: Int, height: Int, x: Int = 0, y: Int = 0) {
        guard width > 0, height > 0, width < Int.max / 4, height < Int.max / 4 else { return nil }
        let perRow = (width + 2 + 63) / 64 + 1
        let (count, overflow) = perRow.multipliedReportingOverflow(by: height + 2)
        guard !overflow else { return nil }
        self.width = width
        self.height = height
        self.left = x
        self.top = y
        self.wordsPerRow = perRow
        self.words = [UInt64](repeating: 0, count: count)
    }

    /// A grid filled column by column (as run-length masks are stored): `body` sets runs of
    /// foreground rows in columns, and the columns are turned into rows once, 64 × 64 bits at a
    /// time. Allocates the grid and a column-major copy of it.
    public init?(width: Int, height: Int, x: Int = 0, y: Int = 0, columns body: (inout Columns) -> Void) {
        guard var grid = BinaryGrid(width: width, height: height, x: x, y: y) else { return nil }
        var columns = Columns(width: width, height: height)
        body(&columns)
        grid.transpose(from: columns)
        self = grid
    }

    /// The pixels the grid covers in the picture.
    public var bounds: PixelRect { PixelRect(x: left, y: top, width: width, height: height) }

    /// The bytes retained: what a list of grids waiting to be drawn holds.
    public var byteCount: Int { words.count * 8 }

    /// Pixel (`x`, `y`) of the grid: true for foreground; false outside the grid.
    public subscript(x: Int, y: Int) -> Bool {
        get {
            guard x >= 0, x < width, y >= 0, y < height else { return false }
            let c = x + 1
            return words[(y + 1) * wordsPerRow + c >> 6] >> UInt64(c & 63) & 1 != 0
        }
        set {
            guard x >= 0, x < width, y >= 0, y < height else { return }
            let c = x + 1, i = (y + 1) * wordsPerRow + c >> 6, bit = UInt64(1) << UInt64(c & 63)
            if newValue { words[i] |= bit } else { words[i] &= ~bit }
        }
    }

    /// How many pixels are foreground.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The padded rows' words (see the type's description), for reading.
    @inlinable
    public func withUnsafeWords<R>(_ body: (UnsafeBufferPointer<UInt64>) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer(body)
    }

    /// Foreground runs set column by column, before a grid is made of them: column `x` holds
    /// rows `0 ..< height` as bits.
    public struct Columns {
        let width: Int
        let height: Int
        let wordsPerColumn: Int
        var bits: [UInt64]

        init(width: Int, height: Int) {
            self.width = width
            self.height = height
            wordsPerColumn = (height + 63) / 64
            // Whole blocks of 64 columns, so the transposition reads no column that is missing.
            bits = [UInt64](repeating: 0, count: (width + 63) / 64 * 64 * wordsPerColumn)
        }

        /// Marks rows `rows` of column `x` as foreground (the part inside the grid).
        public mutating func set(column x: Int, rows: Range<Int>) {
            let r0 = max(rows.lowerBound, 0), r1 = min(rows.upperBound, height)
            guard r0 < r1, x >= 0, x < width else { return }
            let base = x * wordsPerColumn
            var r = r0
            while r < r1 {
                let bit = r & 63, n = min(64 - bit, r1 - r)
                bits[base + r >> 6] |= (n == 64 ? ~0 : (UInt64(1) << UInt64(n)) &- 1) << UInt64(bit)
                r += n
            }
        }
    }

    /// Sets the grid's rows from column-major bits, a 64 × 64 block at a time.
    private mutating func transpose(from columns: Columns) {
        let perColumn = columns.wordsPerColumn, perRow = wordsPerRow, h = height
        var block = [UInt64](repeating: 0, count: 64)
        columns.bits.withUnsafeBufferPointer { source in
            words.withUnsafeMutableBufferPointer { target in
                block.withUnsafeMutableBufferPointer { m in
                    for bc in 0..<(source.count / perColumn / 64) {
                        for br in 0..<perColumn {
                            // m[k] bit r: pixel (column 64·bc + k, row 64·br + r).
                            var any: UInt64 = 0
                            for k in 0..<64 {
                                m[k] = source[(bc * 64 + k) * perColumn + br]
                                any |= m[k]
                            }
                            guard any != 0 else { continue }
                            Self.transpose64(m)
                            // Now m[r] bit k: pixel (row 64·br + r, column 64·bc + k), which is
                            // padded column 64·bc + k + 1: word bc shifted by one, spilling into bc + 1.
                            for r in 0..<min(64, h - br * 64) {
                                let row = (br * 64 + r + 1) * perRow
                                target[row + bc] |= m[r] << 1
                                target[row + bc + 1] |= m[r] >> 63
                            }
                        }
                    }
                }
            }
        }
    }

    /// Transposes a 64 × 64 bit matrix in place (bit `j` of word `i` swaps with bit `i` of word
    /// `j`), by exchanging ever smaller blocks: 32 × 32, then 16 × 16, … (Hacker's Delight, 7-3).
    @inline(__always)
    static func transpose64(_ m: UnsafeMutableBufferPointer<UInt64>) {
        var j = 32
        var mask: UInt64 = 0x0000_0000_FFFF_FFFF
        while j != 0 {
            var k = 0
            while k < 64 {
                // Words k (bit j of k clear) and k + j: the high j bits of each 2j group of
                // word k trade places with the low j bits of word k + j.
                let t = ((m[k] >> UInt64(j)) ^ m[k + j]) & mask
                m[k] ^= t << UInt64(j)
                m[k + j] ^= t
                k = (k + j + 1) & ~j
            }
            j >>= 1
            mask ^= mask << UInt64(j)
        }
    }
}
