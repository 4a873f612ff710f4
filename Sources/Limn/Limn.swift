@_exported import LimnCodecs
@_exported import LimnRaster
@_exported import LimnResults
