// SPDX-License-Identifier: MIT
#pragma once

#include "DisplayInhibitor.h"

#include <QDBusConnection>
#include <QDBusPendingCall>
#include <QDBusServiceWatcher>
#include <QPointer>

#include <optional>

class QDBusPendingCallWatcher;

// Linux: the desktop's org.freedesktop.ScreenSaver on the session bus (KDE, Xfce, LXQt, ...), as media
// players do: Inhibit(application, reason) gives a cookie, UnInhibit(cookie) gives the display back.
// Asynchronous while running; the destructor waits (briefly) so the cookie is returned before exit.
// A service that appears later (nocdash started before the desktop's) or restarts (it forgets its
// cookies) is held again.
class ScreenSaverInhibitor final : public DisplayInhibitor
{
    Q_OBJECT
public:
    ScreenSaverInhibitor(const QDBusConnection &bus, const QString &application, const QString &reason,
                         QObject *parent = nullptr);
    ~ScreenSaverInhibitor() override;

    void hold() override;
    void release() override;

private:
    void inhibit(const QString &path);
    void inhibited(const QDBusPendingCall &call, const QString &path);
    void unInhibit(bool beforeExit);
    void reportUnavailable(const QString &why);

    QDBusConnection m_bus;
    QString m_application;
    QString m_reason;
    QDBusServiceWatcher m_service;
    bool m_wanted = false;
    std::optional<uint> m_cookie;
    QString m_cookiePath; // the object that gave the cookie takes it back
    std::optional<QDBusPendingCall> m_pending;
    QString m_pendingPath;
    QPointer<QDBusPendingCallWatcher> m_pendingWatcher;
    bool m_reported = false;
};
