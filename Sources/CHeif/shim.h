// libheif: decoding HEIC and AVIF, through Sources/LimnCodecs/HEIF/LibHeif.swift only.
#include <libheif/heif.h>
