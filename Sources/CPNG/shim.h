// libpng, simplified API only (png_image_*): errors come back as return values, never longjmp.
#include <png.h>
// zlib (which libpng itself uses, and libpng-dev brings): inflating iCCP and compressed iTXt.
#include <zlib.h>
