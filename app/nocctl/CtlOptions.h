// SPDX-License-Identifier: MIT
#pragma once

#include "ClientSettings.h"

#include <QStringList>

#include <optional>

class QCoreApplication;

// nocctl's command line merged over the settings nocdash uses (user file over the system preset).
struct CtlOptions
{
    QString command;
    QStringList arguments; // after the command
    noc::ClientSettings settings; // stored, with the command line over it
    noc::ClientSettings stored; // as stored: what login compares with before it saves
    QString password; // empty: from the keychain
    bool json = false;
    bool stateTable = false;
    int timeoutSeconds = 60;
    QString stateDirectory;
    bool serversFromCommandLine = false;
    bool clientsFromCommandLine = false;
    QString statusFilter = QStringLiteral("open"); // alerts --status
    int pageBudget = 10; // alerts --pages
    QString actionText; // resolve --notes, assign --comment, escalate --reason
    int userId = 0; // assign/escalate --to
};

struct ParsedCtlOptions
{
    std::optional<CtlOptions> options;
    int exitCode = 0;
};

[[nodiscard]] ParsedCtlOptions parseCtlOptions(const QCoreApplication &app);
