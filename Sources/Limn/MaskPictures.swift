import Foundation
import LimnCodecs
import LimnRaster
import LimnResults

extension Analysis {
    /// Instance masks given as pictures (SAM's and most segmenters' per-object PNGs), one
    /// region each: the mask thresholded at half coverage and kept as a run-length mask, so its
    /// holes stay and it is drawn, compared and cut out like a COCO one. The masks must share one
    /// size, the analysed picture's. A mask that covers nothing is left out.
    public init(instanceMasks: [(label: String, mask: Mask)], source: String = "masks") throws {
        self.init(vendor: .maskPictures, format: .instanceMasks, imageSize: instanceMasks.first?.mask.size)
        for (label, mask) in instanceMasks {
            guard mask.size == imageSize else {
                throw ResultsError.invalidField(
                    source: source, path: label,
                    reason: "is a \(mask.width)x\(mask.height) mask among masks of \(imageSize.map { "\($0.width)x\($0.height)" } ?? "")")
            }
            let runs = Self.runs(of: mask, classes: 1) { $0 >= 128 ? 1 : 0 }
            guard let rle = runs[1], let bounds = InstanceMask.runLength(rle).bounds else { continue }
            regions.append(
                Region(
                    kind: label == "person" ? .person : .object, label: label, confidence: nil, shape: .box(bounds), mask: .runLength(rle)))
        }
    }

    /// A class map (semantic segmentation): each pixel's value is its class, 0 the background;
    /// one region per class present, named by `names` (`class N` otherwise), in class order.
    public init(labelMap: Mask, names: [Int: String] = [:], source: String = "label map") {
        self.init(vendor: .maskPictures, format: .labelMap, imageSize: labelMap.size)
        let runs = Self.runs(of: labelMap, classes: 255) { Int($0) }
        for value in 1...255 {
            guard let rle = runs[value], let bounds = InstanceMask.runLength(rle).bounds else { continue }
            let label = names[value] ?? "class \(value)"
            regions.append(
                Region(
                    kind: label == "person" ? .person : .object, label: label, confidence: nil, shape: .box(bounds),
                    mask: .runLength(rle), classID: value))
        }
    }

    /// Column-major runs of each class of `mask` (its value mapped by `classOf`, 0 the
    /// background), in one pass: a pixel whose class differs from the one before it ends a run
    /// of the old class and starts one of the new.
    static func runs(of mask: Mask, classes: Int, classOf: (UInt8) -> Int) -> [Int: RunLengthMask] {
        let (w, h) = (mask.width, mask.height)
        guard w > 0, h > 0 else { return [:] }
        var counts = [[Int]](repeating: [], count: classes + 1)
        var changed = [Int](repeating: 0, count: classes + 1)  // where each class last turned on or off
        var present = [Bool](repeating: false, count: classes + 1)
        mask.withUnsafeBytes { m in
            var previous = 0, position = 0
            for x in 0..<w {
                for y in 0..<h {
                    let c = classOf(m[y * w + x])
                    if c != previous {
                        if previous != 0 {
                            counts[previous].append(position - changed[previous])
                            changed[previous] = position
                        }
                        if c != 0 {
                            counts[c].append(position - changed[c])
                            changed[c] = position
                            present[c] = true
                        }
                        previous = c
                    }
                    position += 1
                }
            }
            if previous != 0 {
                counts[previous].append(position - changed[previous])
                changed[previous] = position
            }
        }
        var out: [Int: RunLengthMask] = [:]
        for c in 1...classes where present[c] {
            let total = w * h
            out[c] = RunLengthMask(size: Size(width: w, height: h), counts: counts[c] + [total - changed[c]])
        }
        return out
    }

    /// Reads instance masks from picture files (a folder's, sorted by name): each labelled by its
    /// file name without the extension and a trailing `_N` or `-N` (`person_2.png` is a person).
    public init(instanceMaskFiles paths: [String]) throws {
        var masks: [(String, Mask)] = []
        for path in paths {
            var stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            if let cut = stem.lastIndex(where: { $0 == "_" || $0 == "-" }), stem[stem.index(after: cut)...].allSatisfy(\.isNumber),
                cut > stem.startIndex, stem.index(after: cut) < stem.endIndex
            {
                stem = String(stem[..<cut])
            }
            masks.append((stem, try Matte.read(file: path)))
        }
        try self.init(instanceMasks: masks, source: paths.first.map { ($0 as NSString).deletingLastPathComponent } ?? "masks")
    }

    /// Reads a label map picture: a gray one's values are the classes; in a colour one each
    /// distinct colour is a class (black the background), named by its hex (`#ff0000`).
    public init(labelMapFile path: String, names: [Int: String] = [:]) throws {
        let bytes = try ImageDecoder.read(file: path)
        if let gray = try bytes.withUnsafeBytes({ try ImageDecoder.decodeGray($0, source: path) }) {
            self.init(labelMap: gray, names: names, source: path)
            return
        }
        let picture = try bytes.withUnsafeBytes {
            try ImageDecoder.decode($0, options: DecodeOptions(applyOrientation: false, convertsToSRGB: false), source: path).image
        }
        var colours: [UInt32: Int] = [0: 0]
        var hex: [Int: String] = [:]
        var tooMany = false
        let map = picture.withUnsafeBytes { p in
            Mask(width: picture.width, height: picture.height) { dst in
                for i in 0..<dst.count {
                    let key = UInt32(p[i * 4]) | UInt32(p[i * 4 + 1]) << 8 | UInt32(p[i * 4 + 2]) << 16
                    if let c = colours[key] {
                        dst[i] = UInt8(c)
                    } else if colours.count <= 255 {
                        let c = colours.count
                        colours[key] = c
                        hex[c] = String(format: "#%02x%02x%02x", p[i * 4], p[i * 4 + 1], p[i * 4 + 2])
                        dst[i] = UInt8(c)
                    } else {
                        tooMany = true
                        dst[i] = 0
                    }
                }
            }
        }
        guard !tooMany else {
            throw ResultsError.unrecognised(
                source: path, detail: "a picture of more than 255 colours, so not a label map, whose colours are its classes")
        }
        self.init(labelMap: map, names: hex.merging(names) { $1 }, source: path)
    }
}
