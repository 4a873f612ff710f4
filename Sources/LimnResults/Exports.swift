// Results are in the geometry every other Limn module uses: importing LimnResults brings it.
@_exported import LimnGeometry
