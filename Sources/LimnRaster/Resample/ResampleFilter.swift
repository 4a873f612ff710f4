#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The resampling kernels, as a table: each is a weight function and its support (radius in
/// source pixels at scale 1). When shrinking, a kernel is widened by the scale so that every
/// source pixel contributes and nothing aliases (nearest excepted, by definition).
public enum ResampleFilter: String, Sendable, CaseIterable, CustomStringConvertible {
    /// The source pixel whose area holds the sample point. Fast, aliased, blocky.
    case nearest
    /// Box (area average when shrinking).
    case box
    /// Triangle: bilinear when enlarging.
    case triangle
    /// Catmull-Rom cubic (B = 0, C = 0.5): sharp, slight ringing.
    case catmullRom
    /// Mitchell-Netravali cubic (B = C = 1/3): softer, little ringing.
    case mitchell
    /// Lanczos, two lobes.
    case lanczos2
    /// Lanczos, three lobes: the default for shrinking photos.
    case lanczos3

    /// Radius of the kernel in source pixels at scale 1.
    public var support: Double {
        switch self {
        case .nearest, .box: return 0.5
        case .triangle: return 1
        case .catmullRom, .mitchell, .lanczos2: return 2
        case .lanczos3: return 3
        }
    }

    /// The kernel's weight at distance `x` (in kernel units).
    public func weight(_ x: Double) -> Double {
        let x = abs(x)
        switch self {
        case .nearest, .box:
            return x <= 0.5 ? 1 : 0
        case .triangle:
            return x < 1 ? 1 - x : 0
        case .catmullRom:
            return cubic(x, b: 0, c: 0.5)
        case .mitchell:
            return cubic(x, b: 1.0 / 3, c: 1.0 / 3)
        case .lanczos2:
            return x < 2 ? sinc(x) * sinc(x / 2) : 0
        case .lanczos3:
            return x < 3 ? sinc(x) * sinc(x / 3) : 0
        }
    }

    public var description: String { rawValue }
}

/// The Mitchell-Netravali family of cubics with parameters B and C.
private func cubic(_ x: Double, b: Double, c: Double) -> Double {
    if x < 1 {
        return ((12 - 9 * b - 6 * c) * x * x * x + (-18 + 12 * b + 6 * c) * x * x + (6 - 2 * b)) / 6
    }
    if x < 2 {
        return ((-b - 6 * c) * x * x * x + (6 * b + 30 * c) * x * x + (-12 * b - 48 * c) * x + (8 * b + 24 * c)) / 6
    }
    return 0
}

private func sinc(_ x: Double) -> Double {
    if x == 0 { return 1 }
    let px = Double.pi * x
    return sin(px) / px
}
