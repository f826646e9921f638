// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

namespace noc::sim {
// QT_LOGGING_RULES="nocdash.sim.debug=true" shows every frame the simulator handles.
Q_DECLARE_LOGGING_CATEGORY(lcSim)
} // namespace noc::sim
