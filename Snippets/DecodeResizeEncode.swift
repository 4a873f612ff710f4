// Decodes a photo (smaller when only a small copy is needed), resizes and crops it, and writes it
// in three formats.
import Limn

// The format is sniffed from the bytes; EXIF orientation is applied.
let photo = try Image(contentsOfFile: "TestImages/scene/street.png")

// Header only, no pixels decoded.
let info = try ImageDecoder.info(file: "TestImages/scene/street.png")
print(info)

// Resample (Lanczos3 by default; alpha filtered premultiplied).
let small = try photo.resized(to: Size(width: 432, height: 288))
let square = try photo.fitted(to: FitTarget(width: 256, height: 256), mode: .fill(anchor: .top))
// A crop is nil when the rectangle misses the picture; fractional edges are resampled.
let detail = photo.cropped(to: Rect(x: 10.5, y: 20, width: 300, height: 200))

// Encode to bytes, or write a file atomically (the format from the extension or given).
let webp = try small.encoded(as: .webp(WebPOptions(quality: 80)))
try square.write(to: "square.png", as: .png(PNGOptions(compression: .fast)))
try detail?.raster.write(to: "detail.jpg", as: .jpeg(JPEGOptions(quality: 90, subsampling: .s444)))
print(webp.count)
