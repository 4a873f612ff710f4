// Its own file: Foundation on macOS declares `Size`, `Point` and `Rect` (MacTypes) too, and
// only this conformance needs it.
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `localizedDescription` (and every logger that uses it) prints the same sentence as `description`.
extension TextError: LocalizedError {
    public var errorDescription: String? { description }
}
