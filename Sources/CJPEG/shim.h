// libjpeg-turbo through its TurboJPEG API (tj*): errors come back as return values.
#include <stddef.h>
#include <turbojpeg.h>
