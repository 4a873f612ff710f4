// libwebp: decoding, encoding, the demuxer (animated files: first frame) and the muxer.
#include <webp/decode.h>
#include <webp/encode.h>
#include <webp/demux.h>
#include <webp/mux.h>
