// libdeflate: whole-buffer DEFLATE/zlib compression and CRC-32 for the PNG writer.
#include <stddef.h>
#include <libdeflate.h>
