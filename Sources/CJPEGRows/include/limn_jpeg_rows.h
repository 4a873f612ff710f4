// Decoding a baseline JPEG row band by row band through libjpeg's own API, so that the rows
// already decoded can be worked on (converted to sRGB) while the rest are decoded. libjpeg
// reports errors by longjmp; the setjmp is in this C file, and no Swift frame is ever between
// it and the library: the band callback is called between jpeg_read_scanlines calls only.
#ifndef LIMN_JPEG_ROWS_H
#define LIMN_JPEG_ROWS_H

#include <stddef.h>

/// Called after each band of rows is decoded: rows [0, rows_done) are complete.
typedef void (*limn_jpeg_rows_done)(void *context, int rows_done);

/// Decodes `data` scaled by `scale_num / scale_denom` as 8-bit RGBA (JCS_EXT_RGBA: the same
/// pixels tjDecompress2 gives with TJPF_RGBA, default DCT and fancy upsampling) into `out`
/// (`width × height × 4` bytes, packed), calling `on_rows` after every `band` rows.
/// Returns 0 on success; 1 when the file is not one this path takes (progressive, not 8-bit,
/// not of `width × height` at that scale, CMYK/YCCK) or libjpeg warned about damage, nothing
/// being reported as damage here (the caller decodes again the usual way, for its errors);
/// -1 on a libjpeg error (its message in `message`, at least 200 bytes).
int limn_jpeg_decode_rows(const unsigned char *data, size_t size, int scale_num, int scale_denom,
                          unsigned char *out, int width, int height, int band,
                          limn_jpeg_rows_done on_rows, void *context, char *message, size_t message_size);

#endif
