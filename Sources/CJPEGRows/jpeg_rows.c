#include "limn_jpeg_rows.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <jpeglib.h>

struct limn_error {
    struct jpeg_error_mgr pub;
    jmp_buf jump;
    int warnings;
};

static void limn_error_exit(j_common_ptr cinfo) {
    struct limn_error *error = (struct limn_error *)cinfo->err;
    longjmp(error->jump, 1);
}

static void limn_emit_message(j_common_ptr cinfo, int level) {
    // Level -1 is a warning (corrupt data libjpeg decodes around); higher levels are traces.
    if (level < 0) ((struct limn_error *)cinfo->err)->warnings += 1;
}

int limn_jpeg_decode_rows(const unsigned char *data, size_t size, int scale_num, int scale_denom,
                          unsigned char *out, int width, int height, int band,
                          limn_jpeg_rows_done on_rows, void *context, char *message, size_t message_size) {
    struct jpeg_decompress_struct cinfo;
    struct limn_error error;
    memset(&cinfo, 0, sizeof cinfo);
    cinfo.err = jpeg_std_error(&error.pub);
    error.pub.error_exit = limn_error_exit;
    error.pub.emit_message = limn_emit_message;
    error.warnings = 0;
    if (setjmp(error.jump)) {
        if (message && message_size >= JMSG_LENGTH_MAX) (*cinfo.err->format_message)((j_common_ptr)&cinfo, message);
        jpeg_destroy_decompress(&cinfo);
        return -1;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (cinfo.progressive_mode || cinfo.data_precision != 8 || cinfo.jpeg_color_space == JCS_CMYK ||
        cinfo.jpeg_color_space == JCS_YCCK || error.warnings) {
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    cinfo.scale_num = (unsigned int)scale_num;
    cinfo.scale_denom = (unsigned int)scale_denom;
    cinfo.out_color_space = JCS_EXT_RGBA;
    jpeg_calc_output_dimensions(&cinfo);
    if ((int)cinfo.output_width != width || (int)cinfo.output_height != height || band < 1) {
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    jpeg_start_decompress(&cinfo);
    size_t stride = (size_t)width * 4;
    int next = band;
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW rows[16];
        int wanted = (int)(cinfo.output_height - cinfo.output_scanline);
        if (wanted > 16) wanted = 16;
        for (int k = 0; k < wanted; k++) rows[k] = out + (size_t)(cinfo.output_scanline + k) * stride;
        JDIMENSION got = jpeg_read_scanlines(&cinfo, rows, (JDIMENSION)wanted);
        if (error.warnings) break;
        if (got == 0) break;
        int done = (int)cinfo.output_scanline;
        if (done >= next && done < height) {
            on_rows(context, done);
            next = done + band;
        }
    }
    if (error.warnings || cinfo.output_scanline < cinfo.output_height) {
        jpeg_destroy_decompress(&cinfo);
        return 1;
    }
    jpeg_finish_decompress(&cinfo);
    int warned = error.warnings;
    jpeg_destroy_decompress(&cinfo);
    if (warned) return 1;
    on_rows(context, height);
    return 0;
}
