import LimnRaster
