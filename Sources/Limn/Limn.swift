@_exported import LimnAnnotate
@_exported import LimnCodecs
@_exported import LimnRaster
@_exported import LimnResults
@_exported import LimnText
