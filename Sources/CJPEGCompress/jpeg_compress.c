#include "limn_jpeg_compress.h"

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

struct limn_error {
    struct jpeg_error_mgr manager;
    jmp_buf escape;
};

static void limn_error_exit(j_common_ptr cinfo) {
    struct limn_error *error = (struct limn_error *)cinfo->err;
    longjmp(error->escape, 1);
}

// No warning is printed: libjpeg's default writes to stderr.
static void limn_output_message(j_common_ptr cinfo) { (void)cinfo; }

int limn_jpeg_compress(const unsigned char *pixels, int width, int height, int pitch, int components, int quality,
                       int subsampling, int optimize, int progressive, unsigned char **out, unsigned long *out_size,
                       char *message, size_t message_size) {
    struct jpeg_compress_struct cinfo;
    struct limn_error error;
    // Volatile: read after a longjmp.
    unsigned char *volatile buffer = NULL;
    volatile unsigned long size = 0;
    *out = NULL;
    *out_size = 0;
    cinfo.err = jpeg_std_error(&error.manager);
    error.manager.error_exit = limn_error_exit;
    error.manager.output_message = limn_output_message;
    if (setjmp(error.escape)) {
        char text[JMSG_LENGTH_MAX];
        (*cinfo.err->format_message)((j_common_ptr)&cinfo, text);
        snprintf(message, message_size, "%s", text);
        jpeg_destroy_compress(&cinfo);
        free(buffer);
        return -1;
    }
    jpeg_create_compress(&cinfo);
    jpeg_mem_dest(&cinfo, (unsigned char **)&buffer, (unsigned long *)&size);
    cinfo.image_width = (JDIMENSION)width;
    cinfo.image_height = (JDIMENSION)height;
    cinfo.input_components = components;
    cinfo.in_color_space = components == 4 ? JCS_EXT_RGBX : JCS_GRAYSCALE;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_set_colorspace(&cinfo, subsampling == 3 || components == 1 ? JCS_GRAYSCALE : JCS_YCbCr);
    if (cinfo.num_components == 3) {
        cinfo.comp_info[0].h_samp_factor = subsampling == 0 ? 1 : 2;
        cinfo.comp_info[0].v_samp_factor = subsampling == 2 ? 2 : 1;
        for (int c = 1; c < 3; c++) cinfo.comp_info[c].h_samp_factor = cinfo.comp_info[c].v_samp_factor = 1;
    } else {
        cinfo.comp_info[0].h_samp_factor = cinfo.comp_info[0].v_samp_factor = 1;
    }
    cinfo.optimize_coding = optimize ? TRUE : FALSE;
    if (progressive) jpeg_simple_progression(&cinfo);
    jpeg_start_compress(&cinfo, TRUE);
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = (JSAMPROW)(pixels + (size_t)cinfo.next_scanline * (size_t)pitch);
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    *out = buffer;
    *out_size = size;
    return 0;
}

void limn_jpeg_free(unsigned char *buffer) { free(buffer); }
