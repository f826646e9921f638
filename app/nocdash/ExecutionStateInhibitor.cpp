// SPDX-License-Identifier: MIT
#include "ExecutionStateInhibitor.h"

#include "WallLogging.h"

#include <QtCore/qt_windows.h>

ExecutionStateInhibitor::~ExecutionStateInhibitor()
{
    release();
}

void ExecutionStateInhibitor::hold()
{
    if (m_held)
        return;
    // ES_CONTINUOUS: until told otherwise, not just a reset of the idle timers.
    if (SetThreadExecutionState(ES_CONTINUOUS | ES_DISPLAY_REQUIRED | ES_SYSTEM_REQUIRED) == 0) {
        if (!m_reported)
            qCWarning(lcWall) << "cannot keep the display on: SetThreadExecutionState failed with error"
                              << GetLastError() << "; it may blank";
        m_reported = true;
        return;
    }
    m_held = true;
    qCInfo(lcWall) << "keeping the display on (SetThreadExecutionState)";
}

void ExecutionStateInhibitor::release()
{
    if (!m_held)
        return;
    SetThreadExecutionState(ES_CONTINUOUS);
    m_held = false;
    qCInfo(lcWall) << "letting the display sleep again";
}
