import Foundation

@testable import LimnRaster

/// Exposes the internal box sizes to the tests.
enum BoxBlurProbe { static func boxes(_ sigma: Double) -> [Int] { BoxBlur.boxes(sigma: sigma) } }
