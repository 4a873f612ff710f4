import Limn

/// Decode, optionally shrink to fit a box, encode by the output's extension (see `limn convert`).
struct ConvertJob {
    var image: String
    var output: String
    /// The output's encoding, lossless WebP already applied.
    var encoding: EncodeFormat
    var maxSize: SizeRequest?
    /// EXIF and XMP go to the output (the default: a converted picture is the same picture).
    var keepMetadata = true
    /// The pixels stay in the picture's profile, which is written with them.
    var keepProfile = false

    var outputs: [String] { [output] }

    func run() throws(JobError) {
        var picture = Image()
        var metadata = OutputMetadata.none
        func whole() throws(JobError) {
            let decoded = try JobIO.picture(image, keepProfile: keepProfile)
            picture = decoded.image
            metadata = OutputMetadata(from: decoded, keep: keepMetadata)
        }
        if let request = maxSize {
            if image == "-" {
                try whole()
                let box = request.resolved(for: picture.size)
                if picture.width > box.width || picture.height > box.height {
                    do { picture = try Thumbnail.make(from: picture, size: box, crop: .none) } catch { throw JobError(error) }
                }
            } else {
                let info: ImageInfo
                do { info = try ImageDecoder.info(file: image) } catch { throw JobIO.describe(error, what: "picture") }
                let box = request.resolved(for: info.uprightSize)
                if info.uprightSize.width <= box.width && info.uprightSize.height <= box.height {
                    try whole()  // already fits: never enlarged
                } else {
                    do {
                        let made = try Thumbnail.makeWithMetadata(
                            fromFile: image, sizes: [box], crop: .none, keepMetadata: keepMetadata, convertsToSRGB: !keepProfile)
                        picture = made.thumbnails[0]
                        metadata = made.metadata
                    } catch {
                        throw JobIO.describe(error, what: "picture")  // the file may change between the two reads
                    }
                }
            }
        } else {
            try whole()
        }
        try JobIO.write(picture, to: output, as: encoding, metadata: metadata)
    }
}
