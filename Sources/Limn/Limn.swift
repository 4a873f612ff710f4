// Limn: one import for the whole library.
@_exported import LimnCodecs
@_exported import LimnRaster
