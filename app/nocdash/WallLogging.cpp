// SPDX-License-Identifier: MIT
#include "WallLogging.h"

Q_LOGGING_CATEGORY(lcWall, "nocdash.wall", QtInfoMsg)
