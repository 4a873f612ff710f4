// The geometry (`Size`, `Point`, `Rect`, `PixelRect`, `AffineTransform`, `Orientation`, `Anchor`)
// is part of every raster signature: importing LimnRaster brings it.
@_exported import LimnGeometry
