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
            let status = heif_image_handle_get_nclx_color_profile(handle, &nclx)
            // libheif may hand over the profile together with an error (code points it does not
            // know): it is ours to free either way.
            defer { if let nclx { heif_nclx_color_profile_free(nclx) } }
            guard (try? check(status)) != nil, let nclx else { return nil }
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
            let status = heif_decode_image(handle, &image, heif_colorspace_RGB, heif_chroma_interleaved_RGBA, nil)
            defer { if let image { heif_image_release(image) } }  // also when the decode failed part-way
            try check(status)
            guard let image else { throw Failure(code: heif_error_Decoder_plugin_error, message: "the decoder gave no image") }
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

extension LibHeif {
    /// Encodes 8-bit RGBA (`rowBytes` apart; `hasAlpha` false: the alpha bytes are skipped) as
    /// AVIF with libheif's AV1 encoder: an `nclx` box of sRGB (primaries 1, transfer 13),
    /// BT.601 matrix (identity for lossless), full range, as avifenc writes by default; the ICC
    /// profile, EXIF (TIFF structure) and XMP given. Returns the file's bytes.
    static func encodeAVIF(
        _ pixels: UnsafeRawBufferPointer, width: Int, height: Int, hasAlpha: Bool, quality: Int, speed: Int, lossless: Bool,
        chroma: String, iccProfile: [UInt8]?, exif: [UInt8]?, xmp: [UInt8]?
    ) throws(Failure) -> [UInt8] {
        guard let context = heif_context_alloc() else { throw Failure(code: heif_error_Memory_allocation_error, message: "no memory") }
        defer { heif_context_free(context) }
        var encoder: OpaquePointer? = nil
        try check(heif_context_get_encoder_for_format(context, heif_compression_AV1, &encoder))
        guard let encoder else { throw Failure(code: heif_error_Unsupported_feature, message: "libheif has no AV1 encoder") }
        defer { heif_encoder_release(encoder) }
        if lossless {
            try check(heif_encoder_set_lossless(encoder, 1))
            try check(heif_encoder_set_parameter_string(encoder, "chroma", "444"))
        } else {
            try check(heif_encoder_set_lossy_quality(encoder, Int32(quality)))
            try check(heif_encoder_set_parameter_string(encoder, "chroma", chroma))
        }
        try check(heif_encoder_set_parameter_integer(encoder, "speed", Int32(speed)))

        var image: OpaquePointer? = nil
        try check(
            heif_image_create(
                Int32(width), Int32(height), heif_colorspace_RGB, hasAlpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB,
                &image))
        guard let image else { throw Failure(code: heif_error_Memory_allocation_error, message: "no memory") }
        defer { heif_image_release(image) }
        try check(heif_image_add_plane(image, heif_channel_interleaved, Int32(width), Int32(height), 8))
        var stride: Int32 = 0
        guard let plane = heif_image_get_plane(image, heif_channel_interleaved, &stride) else {
            throw Failure(code: heif_error_Memory_allocation_error, message: "no plane")
        }
        let source = pixels.bindMemory(to: UInt8.self)
        for y in 0..<height {
            let row = plane + y * Int(stride)
            let from = y * width * 4
            if hasAlpha {
                row.update(from: source.baseAddress! + from, count: width * 4)
            } else {
                for x in 0..<width {
                    row[3 * x] = source[from + 4 * x]
                    row[3 * x + 1] = source[from + 4 * x + 1]
                    row[3 * x + 2] = source[from + 4 * x + 2]
                }
            }
        }
        if let iccProfile, !iccProfile.isEmpty {
            try check(iccProfile.withUnsafeBytes { heif_image_set_raw_color_profile(image, "prof", $0.baseAddress, $0.count) })
        }
        guard let nclx = heif_nclx_color_profile_alloc() else {
            throw Failure(code: heif_error_Memory_allocation_error, message: "no memory")
        }
        defer { heif_nclx_color_profile_free(nclx) }
        nclx.pointee.color_primaries = heif_color_primaries_ITU_R_BT_709_5
        nclx.pointee.transfer_characteristics = heif_transfer_characteristic_IEC_61966_2_1
        nclx.pointee.matrix_coefficients = lossless ? heif_matrix_coefficients_RGB_GBR : heif_matrix_coefficients_ITU_R_BT_601_6
        nclx.pointee.full_range_flag = 1
        // On the image (libheif 1.15 converts RGB to YCbCr by the image's nclx) and as the output's.
        try check(heif_image_set_nclx_color_profile(image, nclx))
        guard let options = heif_encoding_options_alloc() else {
            throw Failure(code: heif_error_Memory_allocation_error, message: "no memory")
        }
        defer { heif_encoding_options_free(options) }
        options.pointee.output_nclx_profile = nclx
        options.pointee.save_alpha_channel = hasAlpha ? 1 : 0
        var handle: OpaquePointer? = nil
        try check(heif_context_encode_image(context, image, encoder, options, &handle))
        guard let handle else { throw Failure(code: heif_error_Encoder_plugin_error, message: "the encoder gave no image") }
        defer { heif_image_handle_release(handle) }
        if let exif { try check(exif.withUnsafeBytes { heif_context_add_exif_metadata(context, handle, $0.baseAddress, Int32($0.count)) }) }
        if let xmp { try check(xmp.withUnsafeBytes { heif_context_add_XMP_metadata(context, handle, $0.baseAddress, Int32($0.count)) }) }

        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        var writer = heif_writer(
            writer_api_version: 1,
            write: { _, data, size, user in
                let sink = Unmanaged<Sink>.fromOpaque(user!).takeUnretainedValue()
                if let data, size > 0 { sink.bytes += UnsafeRawBufferPointer(start: data, count: size) }
                return heif_error(code: heif_error_Ok, subcode: heif_suberror_Unspecified, message: nil)
            })
        try check(heif_context_write(context, &writer, Unmanaged.passUnretained(sink).toOpaque()))
        return sink.bytes
    }
}
