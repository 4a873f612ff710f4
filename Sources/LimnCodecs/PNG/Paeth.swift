/// PNG's Paeth predictor (specification, section 9.4): of the left (a), upper (b) and upper-left
/// (c) bytes, the one closest to a + b − c, ties going to a, then b. Shared by the writer (sixteen
/// bytes at a time) and the reader (a pixel's channels at a time).
enum Paeth {
    @inline(__always)
    static func predict(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let pa = abs(b - c), pb = abs(a - c), pc = abs(a + b - 2 * c)
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
    }

    /// The same on vector lanes of bytes widened to 16 bits, with selections by sign masks
    /// (x ≤ y where x − y − 1 is negative): plain integer vector operations, which every x86-64
    /// and ARM vector unit has. (`SIMD.replace(with:where:)` went lane by lane, twice as slow as
    /// scalar code.)
    @inline(__always)
    static func predict<V: SIMD>(_ a: V, _ b: V, _ c: V) -> V where V.Scalar == Int16 {
        let pa = magnitude(b &- c), pb = magnitude(a &- c), pc = magnitude(a &+ b &- c &- c)
        let one = V(repeating: 1)
        let takeB = (pb &- pc &- one) &>> 15
        let takeA = (pa &- pb &- one) &>> 15 & (pa &- pc &- one) &>> 15
        return (a & takeA) | (((b & takeB) | (c & ~takeB)) & ~takeA)
    }

    @inline(__always)
    static func magnitude<V: SIMD>(_ v: V) -> V where V.Scalar == Int16 {
        let sign = v &>> 15
        return (v ^ sign) &- sign
    }
}
