// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <memory>

// Keeps the display from blanking while held: one backend per platform (the desktop's
// org.freedesktop.ScreenSaver on Linux, SetThreadExecutionState on Windows, an IOKit power assertion on
// macOS). hold() and release() may be called any number of times; destroying a backend releases what it
// holds before it returns, because that is what happens at exit. A platform without a way to hold the
// display says so once in the log (nocdash.wall) and carries on.
class DisplayInhibitor : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    virtual void hold() = 0;
    virtual void release() = 0;

    // `application` and `reason` are what the desktop shows of the hold (KDE's battery applet, macOS's
    // `pmset -g assertions`).
    [[nodiscard]] static std::unique_ptr<DisplayInhibitor> forPlatform(const QString &application,
                                                                       const QString &reason);
};
