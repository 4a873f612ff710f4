import Foundation
import Limn
import LimnTestSupport
import Testing

/// Masks given as pictures: a class map and per-instance PNGs become run-length masks whose
/// pixels are exactly the pictures'.
@Suite struct MaskPicturesTests {
    static func count(_ mask: Mask, _ test: (UInt8) -> Bool) -> Int { mask.withUnsafeBytes { $0.filter(test).count } }

    func decoded(_ rle: RunLengthMask) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rle.size.width * rle.size.height)
        out.withUnsafeMutableBytes { rle.decode(into: $0, x: 0, y: 0, width: rle.size.width, height: rle.size.height) }
        return out
    }

    @Test func aClassMapGivesOneRegionPerClass() throws {
        let map = try DetectionResults.labelMap()
        let a = Analysis(labelMap: map, names: [2: "car"])
        #expect(a.vendor == .maskPictures && a.format == .labelMap && a.imageSize == map.size)
        #expect(a.regions.map(\.label) == ["class 1", "car", "class 3"] && a.regions.map(\.classID) == [1, 2, 3])
        for region in a.regions {
            guard case .runLength(let rle)? = region.mask, let value = region.classID else { Issue.record("no mask"); continue }
            let expected = map.withUnsafeBytes { $0.map { $0 == UInt8(value) ? UInt8(255) : 0 } }
            #expect(decoded(rle) == expected, "class \(value)")
        }
        // The building's mask keeps the door out.
        guard case .runLength(let building)? = a.regions[0].mask else { return }
        #expect(decoded(building)[Int(Scene.door.center.y) * map.width + Int(Scene.door.center.x)] == 0)
        #expect(Analysis(labelMap: Mask(width: 4, height: 4)).regions.isEmpty)
    }

    @Test func aClassMapDrawn() throws {
        let scene = try ImageDecoder.decode(file: RepositoryPaths.testImages + "/scene/street.png").image
        let analysis = Analysis(labelMap: try DetectionResults.labelMap(), names: [1: "building", 2: "car", 3: "person"])
        let mismatch = Golden.mismatch(try annotate(image: scene, analysis: analysis), suite: "Annotate", name: "label-map")
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test func instanceMaskFilesAreNamedByTheirFiles() throws {
        let folder = RepositoryPaths.testImages + "/detections/masks"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { folder + "/" + $0 }
        let a = try Analysis(instanceMaskFiles: files)
        #expect(a.format == .instanceMasks && a.regions.map(\.label) == ["building", "car", "person", "person"])
        #expect(a.regions[2].kind == .person)
        for (region, (_, mask)) in zip(a.regions, try DetectionResults.instanceMasks()) {
            guard case .runLength(let rle)? = region.mask else { Issue.record("no mask"); continue }
            #expect(rle.area == Self.count(mask) { $0 >= 128 })
        }
        let small = Mask(width: 3, height: 3, fill: 255)
        #expect(throws: ResultsError.self) { try Analysis(instanceMasks: [("a", Mask(width: 4, height: 4, fill: 255)), ("b", small)]) }
    }

    @Test func aColourClassMapIsReadByColour() throws {
        var picture = Image(width: 6, height: 4, fill: Pixel(r: 0, g: 0, b: 0))
        for y in 0..<4 { for x in 0..<3 { picture[x, y] = Pixel(r: 255, g: 0, b: 0) } }
        picture[5, 3] = Pixel(r: 0, g: 128, b: 255)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("limn-labels-\(UUID().uuidString).png").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try picture.write(to: path)
        let a = try Analysis(labelMapFile: path)
        #expect(a.regions.map(\.label) == ["#ff0000", "#0080ff"])
        guard case .runLength(let red)? = a.regions[0].mask else { Issue.record("no mask"); return }
        #expect(red.area == 12)
    }
}
