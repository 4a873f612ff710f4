// The `limn` executable: everything it does is in LimnCommands, so that the fuzz targets
// (Fuzz/) can reach the manifest parser the command uses.
import LimnCommands

LimnCommand.main()
