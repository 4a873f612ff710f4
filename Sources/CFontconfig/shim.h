// fontconfig: fonts by family name, and which fonts cover which characters.
#include <fontconfig/fontconfig.h>
