import ArgumentParser
import Foundation
import Limn

/// The words the command line and batch manifests use for options, turned into Limn's types,
/// with an error that lists what is accepted.
enum Choices {
    static func feature(_ word: String) throws(JobError) -> [AnnotationOptions.Feature] {
        switch word.lowercased() {
        case "all": return AnnotationOptions.Feature.allCases
        case "objects": return [.objects]
        case "people": return [.people]
        case "faces": return [.faces]
        case "brands": return [.brands]
        case "dense-captions", "densecaptions", "dense": return [.denseCaptions]
        case "text", "ocr": return [.text]
        case "caption": return [.caption]
        case "tags": return [.tags]
        case "smart-crops", "smartcrops", "crops": return [.smartCrops]
        case "legend": return [.legend]
        case "tables": return [.tables]
        case "forms", "key-values": return [.forms]
        case "layout", "roles": return [.layout]
        case "masks", "segmentation": return [.masks]
        case "keypoints", "pose", "poses": return [.keypoints]
        default:
            throw JobError(
                "unknown feature \"\(word)\"; use all, objects, people, faces, brands, dense-captions, text, caption, tags, smart-crops, legend, tables, forms, layout, masks, keypoints."
            )
        }
    }

    static func features(_ list: String) throws(JobError) -> Set<AnnotationOptions.Feature> {
        var set = Set<AnnotationOptions.Feature>()
        for word in list.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !word.isEmpty {
            set.formUnion(try feature(word))
        }
        return set
    }

    /// `--picture`'s word: an id when it is a decimal number (`000000000785` is 785), else a
    /// file name.
    static func picture(_ word: String) -> PictureSelector {
        if word.allSatisfy({ ("0"..."9").contains($0) }), let n = Int(word) { return .id(String(n)) }
        return .fileName(word)
    }

    /// The case whose raw value is `word`, in any letter case (the option's name is said by the
    /// parser around this message).
    static func pick<T: RawRepresentable & CaseIterable>(_ word: String) throws(JobError) -> T where T.RawValue == String {
        if let value = T.allCases.first(where: { $0.rawValue.lowercased() == word.lowercased() }) { return value }
        throw JobError("use one of \(T.allCases.map(\.rawValue).joined(separator: ", ")).")
    }

    /// A size as vips and ImageMagick take it: `WIDTHxHEIGHT`, `WIDTH` or `xHEIGHT` (the other side
    /// then follows the picture's aspect ratio), each side from 1 to 16384.
    static func size(_ text: String) throws(JobError) -> SizeRequest {
        let problem = JobError(
            "size \"\(text)\" is not WIDTHxHEIGHT, WIDTH or xHEIGHT with sides between 1 and 16384 (e.g. 400x300, 400, x300).")
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        func side(_ s: Substring) throws(JobError) -> Int? {
            if s.isEmpty { return nil }
            guard let n = Int(s), (1...16384).contains(n) else { throw problem }
            return n
        }
        switch parts.count {
        case 1: guard let w = try side(parts[0]) else { throw problem }; return SizeRequest(width: w, height: nil)
        case 2:
            let (w, h) = (try side(parts[0]), try side(parts[1]))
            guard w != nil || h != nil else { throw problem }
            return SizeRequest(width: w, height: h)
        default: throw problem
        }
    }

    /// A color: `#rgb`, `#rrggbb`, `#rrggbbaa`, or a name (white, black, gray, red, green, blue, yellow).
    static func color(_ text: String) -> Pixel? {
        switch text.lowercased() {
        case "white": return .white
        case "black": return .black
        case "gray", "grey": return Pixel(gray: 128)
        case "red": return Pixel(r: 220, g: 40, b: 40)
        case "green": return Pixel(r: 40, g: 170, b: 70)
        case "blue": return Pixel(r: 30, g: 100, b: 220)
        case "yellow": return Pixel(r: 250, g: 205, b: 40)
        default: return text.hasPrefix("#") ? Pixel(hex: text) : nil
        }
    }
}

/// A size asked for on the command line: both sides, or one, the other following the picture.
struct SizeRequest: Hashable, Sendable, ExpressibleByArgument {
    var width: Int?
    var height: Int?

    init(width: Int?, height: Int?) {
        self.width = width
        self.height = height
    }

    init(_ size: Size) { self.init(width: size.width, height: size.height) }

    init?(argument: String) {
        guard let parsed = try? Choices.size(argument) else { return nil }
        self = parsed
    }

    /// The size for a picture of `upright` size: a missing side from the aspect ratio, rounded,
    /// at least 1.
    func resolved(for upright: Size) -> Size {
        let ratio = Double(max(upright.width, 1)) / Double(max(upright.height, 1))
        switch (width, height) {
        case let (w?, h?): return Size(width: w, height: h)
        case let (w?, nil): return Size(width: w, height: max(1, Int((Double(w) / ratio).rounded())))
        case let (nil, h?): return Size(width: max(1, Int((Double(h) * ratio).rounded())), height: h)
        case (nil, nil): return upright
        }
    }

    /// Whether the picture's size is needed to know the size.
    var isPartial: Bool { width == nil || height == nil }

    /// As written in an output's name: `400x300`, `400x`, `x300`.
    var name: String { "\(width.map(String.init) ?? "")x\(height.map(String.init) ?? "")" }
}
