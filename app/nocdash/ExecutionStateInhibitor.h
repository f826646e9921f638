// SPDX-License-Identifier: MIT
#pragma once

#include "DisplayInhibitor.h"

// Windows: SetThreadExecutionState with ES_DISPLAY_REQUIRED. The state belongs to the calling thread and
// lasts while it lives, so this is made and used on the GUI thread only.
class ExecutionStateInhibitor final : public DisplayInhibitor
{
    Q_OBJECT
public:
    using DisplayInhibitor::DisplayInhibitor;
    ~ExecutionStateInhibitor() override;

    void hold() override;
    void release() override;

private:
    bool m_held = false;
    bool m_reported = false;
};
