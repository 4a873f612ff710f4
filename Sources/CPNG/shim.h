// libpng, simplified API only (png_image_*): errors come back as return values, never longjmp.
#include <png.h>
