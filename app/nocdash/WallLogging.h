// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// nocdash.wall: what keeps an unattended wall alive: the display kept on (or let sleep in its blank
// hours), the systemd readiness and watchdog.
Q_DECLARE_LOGGING_CATEGORY(lcWall)
