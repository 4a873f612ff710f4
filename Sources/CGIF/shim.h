// giflib (DGif*): decoding GIF, through Sources/LimnCodecs/GIF/Giflib.swift only.
#include <gif_lib.h>
