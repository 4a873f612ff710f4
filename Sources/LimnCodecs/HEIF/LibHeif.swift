import CHeif

/// Every libheif call Limn makes, in one place: the file is parsed from memory without a copy
/// (`heif_context_read_from_memory_without_copy`), the primary image's handle read for its
/// size, alpha and depth, and only then decoded (HEVC through libde265, AV1 through dav1d or
/// aom, whichever plugin Debian's libheif has), with `irot`/`imir` applied and 10/12-bit
/// samples reduced to 8-bit interleaved RGBA. Every call reports failure in a `heif_error`.
enum LibHeif {
    struct Failure: Error {
        var code: heif_error_code
        var message: String
        var isTruncation: Bool { code == heif_error_Invalid_input && message.lowercased().contains("end of") }
    }

    static func check(_ error: heif_error) throws(Failure) {
        guard error.code != heif_error_Ok else { return }
        throw Failure(code: error.code, message: error.message.map { String(cString: $0) } ?? "libheif error \(error.code.rawValue)")
    }

    /// A parsed file and its primary image. The bytes must stay valid for the reader's lifetime.
    final class Reader {
        private let context: OpaquePointer
        private let handle: OpaquePointer
        /// The size once the file's rotations and mirrors are applied (what `decode` gives).
        let width: Int
        let height: Int
        let hasAlpha: Bool
        let premultipliedAlpha: Bool
        /// Bits per luma sample as stored (8, 10, 12), or nil when the file does not say.
        let bitDepth: Int?
        let imageCount: Int

        init(_ bytes: UnsafeRawBufferPointer) throws(Failure) {
            guard let context = heif_context_alloc() else { throw Failure(code: heif_error_Memory_allocation_error, message: "no memory") }
            do throws(Failure) {
                try check(heif_context_read_from_memory_without_copy(context, bytes.baseAddress, bytes.count, nil))
                var primary: OpaquePointer? = nil
                try check(heif_context_get_primary_image_handle(context, &primary))
                guard let primary else { throw Failure(code: heif_error_Invalid_input, message: "the file has no primary image") }
                handle = primary
            } catch {
                heif_context_free(context)
                throw error
            }
            self.context = context
            width = Int(heif_image_handle_get_width(handle))
            height = Int(heif_image_handle_get_height(handle))
            hasAlpha = heif_image_handle_has_alpha_channel(handle) != 0
            premultipliedAlpha = heif_image_handle_is_premultiplied_alpha(handle) != 0
            let bits = Int(heif_image_handle_get_luma_bits_per_pixel(handle))
            bitDepth = bits > 0 ? bits : nil
            imageCount = Int(heif_context_get_number_of_top_level_images(context))
        }

        /// The `colr` box's ICC profile (`prof` or `rICC`), if any.
        var iccProfile: [UInt8]? {
            let size = heif_image_handle_get_raw_color_profile_size(handle)
            guard size > 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: size)
            guard (try? check(heif_image_handle_get_raw_color_profile(handle, &bytes))) != nil else { return nil }
            return bytes
        }

        /// The `colr` box's `nclx` code points (primaries, transfer), if any.
        var codePoints: (primaries: Int, transfer: Int)? {
            var nclx: UnsafeMutablePointer<heif_color_profile_nclx>? = nil
            guard (try? check(heif_image_handle_get_nclx_color_profile(handle, &nclx))) != nil, let nclx else { return nil }
            defer { heif_nclx_color_profile_free(nclx) }
            return (Int(nclx.pointee.color_primaries.rawValue), Int(nclx.pointee.transfer_characteristics.rawValue))
        }

        /// The first metadata item whose type is `type` ("Exif", "mime") and, when given,
        /// whose content type is `contentType`, as stored.
        func metadata(type: String, contentType: String? = nil) -> [UInt8]? {
            let count = Int(heif_image_handle_get_number_of_metadata_blocks(handle, type))
            guard count > 0, count < 1000 else { return nil }
            var ids = [heif_item_id](repeating: 0, count: count)
            let n = Int(heif_image_handle_get_list_of_metadata_block_IDs(handle, type, &ids, Int32(count)))
            for id in ids.prefix(n) {
                if let contentType {
                    guard let found = heif_image_handle_get_metadata_content_type(handle, id), String(cString: found) == contentType
                    else { continue }
                }
                let size = heif_image_handle_get_metadata_size(handle, id)
                guard size > 0, size <= 64 << 20 else { continue }
                var bytes = [UInt8](repeating: 0, count: size)
                guard (try? check(heif_image_handle_get_metadata(handle, id, &bytes))) != nil else { continue }
                return bytes
            }
            return nil
        }

        /// The EXIF item's TIFF structure (HEIF prefixes it with a 4-byte offset to it).
        var exif: [UInt8]? {
            guard let item = metadata(type: "Exif"), item.count > 4 else { return nil }
            let offset = Int(item[0]) << 24 | Int(item[1]) << 16 | Int(item[2]) << 8 | Int(item[3])
            guard offset < item.count - 4 else { return nil }
            return Array(item[(4 + offset)...])
        }

        var xmp: [UInt8]? { metadata(type: "mime", contentType: "application/rdf+xml") }

        deinit {
            heif_image_handle_release(handle)
            heif_context_free(context)
        }

        /// Decodes the primary image as 8-bit straight-or-premultiplied RGBA (as the file holds
        /// it; see ``premultipliedAlpha``) into `destination` (`width × height × 4` bytes, packed).
        func decode(into destination: UnsafeMutableRawBufferPointer) throws(Failure) {
            var image: OpaquePointer? = nil
            try check(heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, nil))
            guard let image else { throw Failure(code: heif_error_Decoder_plugin_error, message: "the decoder gave no image") }
            defer { heif_image_release(image) }
            var stride: Int32 = 0
            guard let plane = heif_image_get_plane_readonly(image, heif_channel_interleaved, &stride),
                Int(heif_image_get_width(image, heif_channel_interleaved)) == width,
                Int(heif_image_get_height(image, heif_channel_interleaved)) == height
            else {
                throw Failure(code: heif_error_Decoder_plugin_error, message: "the decoded image is not the size the file declares")
            }
            let row = width * 4
            for y in 0..<height {
                (destination.baseAddress! + y * row).copyMemory(from: plane + y * Int(stride), byteCount: row)
            }
        }
    }
}
