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

    /// `WIDTHxHEIGHT`, both positive and at most 16384.
    static func size(_ text: String) throws(JobError) -> Size {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), (1...16384).contains(w), (1...16384).contains(h) else {
            throw JobError("size \"\(text)\" is not WIDTHxHEIGHT with both sides between 1 and 16384 (e.g. 400x300).")
        }
        return Size(width: w, height: h)
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
