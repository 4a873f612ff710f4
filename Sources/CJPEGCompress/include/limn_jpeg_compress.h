// Encoding a JPEG through libjpeg's own API, for what TurboJPEG 2.1 cannot be asked for without
// an environment variable: optimized Huffman tables. libjpeg reports errors by longjmp; the
// setjmp is in this C file and no Swift frame is ever between it and the library.
#ifndef LIMN_JPEG_COMPRESS_H
#define LIMN_JPEG_COMPRESS_H

#include <stddef.h>

/// Encodes `height` rows of `width` pixels, `pitch` bytes apart: 4 bytes each (RGBA, alpha
/// ignored) when `components` is 4, 1 (gray) when it is 1. `subsampling`: 0 4:4:4, 1 4:2:2,
/// 2 4:2:0, 3 grayscale. The settings TurboJPEG's tjCompress2 makes (libjpeg defaults, the
/// quality's tables, JFIF, the accurate integer DCT), plus `optimize` (optimized Huffman tables)
/// and `progressive` (libjpeg's simple progression, which optimizes its tables itself).
/// On success returns 0 and a malloc'd buffer in `*out` (free it with `limn_jpeg_free`); on a
/// libjpeg error returns -1 with its message in `message`.
int limn_jpeg_compress(const unsigned char *pixels, int width, int height, int pitch, int components, int quality,
                       int subsampling, int optimize, int progressive, unsigned char **out, unsigned long *out_size,
                       char *message, size_t message_size);

void limn_jpeg_free(unsigned char *buffer);

#endif
