/// Where the repository's folders are, found from this source file's location
/// (`Sources/LimnTestSupport/Paths.swift`), so tests and the generator work from any directory.
public enum RepositoryPaths {
    public static func root(_ file: String = #filePath) -> String {
        var parts = file.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Paths.swift, LimnTestSupport, Sources
        return parts.joined(separator: "/")
    }

    /// `TestImages/` at the repository's root.
    public static var testImages: String { root() + "/TestImages" }

    /// `../shared` beside the repository, when it exists (real photos and vendor fixtures).
    public static var shared: String { root() + "/../shared" }
}
