// Little CMS 2: colour management, through Sources/LimnCodecs/Color/LittleCMS.swift only.
#include <lcms2.h>
