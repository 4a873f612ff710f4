// The codecs speak LimnRaster's types (Image, Mask, Size, Orientation): importing LimnCodecs
// alone is enough to use them.
@_exported import LimnRaster
