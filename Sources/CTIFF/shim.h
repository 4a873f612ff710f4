// libtiff: decoding TIFF through its RGBA interface, through Sources/LimnCodecs/TIFF/LibTIFF.swift only.
#include <tiffio.h>
