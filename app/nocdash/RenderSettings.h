// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSettings;

// How the dashboard draws: read once at start from the same nocdash.conf (and system preset) as the
// rest, before the first window exists. Not edited in the settings dialog: IT sets them per fleet.
struct RenderSettings
{
    static constexpr int kDefaultDesktopUpdatesPerSecond = 10;
    static constexpr int kDefaultWallUpdatesPerSecond = 3;

    QString renderer = QStringLiteral("auto"); // [ui] renderer: auto, opengl, software
    // How often a stream of alerts may change the view (an urgent alert shows at once regardless).
    int desktopUpdatesPerSecond = kDefaultDesktopUpdatesPerSecond; // [ui] updatesPerSecond
    int wallUpdatesPerSecond = kDefaultWallUpdatesPerSecond; // [wall] updatesPerSecond

    // Clamped to 1..60 updates a second.
    [[nodiscard]] static RenderSettings load(const QSettings &store);
    // fileName empty: the user's nocdash.conf with the system preset below it.
    [[nodiscard]] static RenderSettings load(const QString &fileName);
};
