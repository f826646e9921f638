// SPDX-License-Identifier: MIT
#pragma once

struct CtlOptions;

// Each runs the event loop until its work is done and returns the process exit code (ExitCodes.h).
int runLogin(const CtlOptions &options);
int runLogout(const CtlOptions &options);
int runWatch(const CtlOptions &options);
int runAck(const CtlOptions &options);
int runSubscribe(const CtlOptions &options);
int runStatus(const CtlOptions &options);
