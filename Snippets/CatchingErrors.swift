// Each error type Limn throws, caught by pattern where it matters and described otherwise.
import Limn

do {
    let thumbnails = try Thumbnail.make(
        fromFile: "no-such-photo.jpg", sizes: [Size(width: 400, height: 300)], crop: .none)
    print(thumbnails.count)
} catch CodecError.unsupportedFormat {
    print("not a picture Limn reads")
} catch let error as RasterError {
    print("a size over the limits:", error)
} catch {
    // The description names the input and says what to do.
    print(error.localizedDescription)
}
