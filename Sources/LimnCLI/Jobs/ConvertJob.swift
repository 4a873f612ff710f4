import Limn

/// Decode, optionally shrink to fit a box, encode by the output's extension (see `limn convert`).
struct ConvertJob {
    var image: String
    var output: String
    /// The output's encoding, lossless WebP already applied.
    var encoding: EncodeFormat
    var maxSize: Size?

    var outputs: [String] { [output] }

    func run() throws(JobError) {
        let picture: Image
        if let box = maxSize {
            if image == "-" {
                let decoded = try JobIO.picture(image).image
                picture =
                    decoded.width <= box.width && decoded.height <= box.height
                    ? decoded : Thumbnail.make(from: decoded, size: box, crop: .none)
            } else {
                let info: ImageInfo
                do { info = try ImageDecoder.info(file: image) } catch { throw JobError(error) }
                if info.uprightSize.width <= box.width && info.uprightSize.height <= box.height {
                    picture = try JobIO.picture(image).image  // already fits: never enlarged
                } else {
                    do { picture = try Thumbnail.make(fromFile: image, sizes: [box], crop: .none)[0] } catch { throw JobError(error) }
                }
            }
        } else {
            picture = try JobIO.picture(image).image
        }
        try JobIO.write(picture, to: output, as: encoding)
    }
}
