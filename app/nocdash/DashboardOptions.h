// SPDX-License-Identifier: MIT
#pragma once

#include "ClientSettings.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

// What the dashboard was asked to do on its command line.
struct DashboardOptions
{
    bool demo = false;
    // The stored settings with the shared connection options (noc::ConnectionOptions) over them.
    noc::ClientSettings connection;
    bool passwordFromStdin = false;
    QStringList clients;
    QString language; // empty: the system locale
    bool kiosk = false; // wall mode for this run, whatever the settings say
    int screen = -2; // -2: as the settings say; -1: the primary screen; else that screen
    // Self-check used by the end-to-end test and to take README screenshots: once this many alerts
    // are in the model and the view, save a screenshot (if asked) and exit 0; exit 1 on timeout.
    int quitAfterAlerts = 0;
    QString screenshotPath;
    int selfCheckTimeoutSeconds = 60;
    // The health line's period: an hour in the journal; the soak compresses it with the rest of time.
    int healthLogIntervalSeconds = 3600;
};

struct ParsedDashboardOptions
{
    std::optional<DashboardOptions> options; // empty: exit with exitCode (help, version, error)
    int exitCode = 0;
};

// stored: the connection settings as saved; the command line changes what it names, for this run.
[[nodiscard]] ParsedDashboardOptions parseDashboardOptions(const QCoreApplication &app,
                                                           const noc::ClientSettings &stored);
