// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <optional>

struct CtlOptions;

// Each runs the event loop until its work is done and returns the process exit code (ExitCodes.h).
int runLogin(const CtlOptions &options);
int runLogout(const CtlOptions &options);
int runWatch(const CtlOptions &options);
int runAck(const CtlOptions &options);
int runSubscribe(const CtlOptions &options);
int runStatus(const CtlOptions &options);
int runAlerts(const CtlOptions &options);
// resolve, assign, escalate
int runAlertAction(const CtlOptions &options);
// --status: "open", "all" or STATUS[,STATUS...] as the server's statuses (empty list: all); nullopt: invalid.
std::optional<QStringList> statusesFor(const QString &option);
