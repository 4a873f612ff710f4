import CPNG

/// Every libpng call Limn makes, in one place, through the simplified API (`png_image_*`) for reading,
/// which reports failure by return value: no `longjmp` ever crosses a Swift frame.
enum LibPNG {
    struct Failure: Error {
        var message: String
    }

    /// `PNG_FORMAT_RGBA`, built from its flags (Swift cannot import the composite macro).
    static let formatRGBA = PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA

    struct Header {
        var width: Int
        var height: Int
        /// The `PNG_FORMAT_FLAG_*` bits of the file's own format.
        var format: UInt32
        var hasAlpha: Bool { format & PNG_FORMAT_FLAG_ALPHA != 0 }
    }

    /// A `png_image` on the heap: libpng keeps pointers into its control block between calls,
    /// so it must not move, and Swift promises no fixed address for a stored property or a
    /// local passed with `&`. Freed (`png_image_free`, then the memory) with its owner.
    final class Control {
        let image: UnsafeMutablePointer<png_image>

        init() {
            image = .allocate(capacity: 1)
            image.initialize(to: png_image())
            image.pointee.version = UInt32(PNG_IMAGE_VERSION)
        }

        deinit {
            png_image_free(image)
            image.deinitialize(count: 1)
            image.deallocate()
        }
    }

    /// One read: the header from `png_image_begin_read_from_memory`, then optionally the
    /// pixels from `png_image_finish_read`. The bytes must stay valid for the reader's lifetime.
    final class Reader {
        private let control = Control()
        private var image: UnsafeMutablePointer<png_image> { control.image }
        let header: Header

        init(_ png: UnsafeRawBufferPointer) throws(Failure) {
            let image = control.image
            guard png_image_begin_read_from_memory(image, png.baseAddress, png.count) != 0 else {
                throw Failure(message: LibPNG.message(image.pointee))
            }
            header = Header(width: Int(image.pointee.width), height: Int(image.pointee.height), format: image.pointee.format)
        }

        /// Decodes into `destination` as RGBA: 8-bit straight alpha (`width × height × 4` bytes),
        /// or with `linear`, 16-bit linear with premultiplied alpha (twice as many bytes).
        func finish(into destination: UnsafeMutableRawBufferPointer, linear: Bool) throws(Failure) {
            image.pointee.format = LibPNG.formatRGBA | (linear ? PNG_FORMAT_FLAG_LINEAR : 0)
            guard png_image_finish_read(image, nil, destination.baseAddress, Int32(header.width * 4), nil) != 0 else {
                throw Failure(message: LibPNG.message(image.pointee))
            }
        }

        /// Decodes into `destination` as 8-bit gray, one byte a pixel (`width × height` bytes).
        func finishGray(into destination: UnsafeMutableRawBufferPointer) throws(Failure) {
            image.pointee.format = 0  // PNG_FORMAT_GRAY
            guard png_image_finish_read(image, nil, destination.baseAddress, Int32(header.width), nil) != 0 else {
                throw Failure(message: LibPNG.message(image.pointee))
            }
        }
    }

    fileprivate static func message(_ image: png_image) -> String {
        var copy = image.message
        let text = withUnsafeBytes(of: &copy) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        return text.isEmpty ? "libpng gave no reason" : text
    }
}
