// SPDX-License-Identifier: MIT
#include "SimLogging.h"

namespace noc::sim {
Q_LOGGING_CATEGORY(lcSim, "nocdash.sim", QtInfoMsg)
} // namespace noc::sim
