import Limn
import Testing

/// `Image`, `Path` and `Font` are also SwiftUI's names on Apple platforms. A file that imports
/// both writes the module-qualified name; this checks that the names the README gives resolve
/// through the umbrella module (each is declared in a library `Limn` re-exports).
@Suite struct NameTests {
    @Test func moduleQualifiedNamesResolveThroughTheUmbrella() throws {
        var image: Limn.Image = Limn.Image(width: 20, height: 10, fill: .white)
        let path: Limn.Path = .rectangle(Rect(x: 2, y: 2, width: 6, height: 6))
        try image.fill(path, with: .black)
        let font: Limn.Font = Limn.Font(size: 12)
        #expect(image[4, 4] == .black && image[15, 4] == .white)
        #expect(font.size == 12)
        // The library that declares each name qualifies it too.
        let same: LimnRaster.Image = image
        #expect(same == image)
        _ = LimnText.Font(size: 1)
    }
}
