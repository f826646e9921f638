// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>

#include <chrono>

class QQuickWindow;

// Tells systemd how the dashboard is (the wall unit is Type=notify with WatchdogSec=): READY=1 once the
// window has shown its first frame, WATCHDOG=1 every half watchdog interval from a timer on the GUI
// thread (so a hung GUI thread, not only a crash, stops the pings and gets the wall restarted), and
// STOPPING=1 at exit. Does nothing unless started by systemd (NOTIFY_SOCKET) and built with libsystemd.
class SystemdNotifier : public QObject
{
    Q_OBJECT
public:
    explicit SystemdNotifier(QObject *parent = nullptr);

    // Built with libsystemd.
    [[nodiscard]] static bool isAvailable();
    // 0 when systemd watches no watchdog.
    [[nodiscard]] std::chrono::milliseconds pingInterval() const;
    void readyAfterFirstFrame(QQuickWindow *window);
    void stopping();
    // A free-form STATUS= line (`systemctl status` shows it).
    void status(const QString &text);

private:
    void send(const QByteArray &state);

    bool m_active = false;
    bool m_failed = false;
    QTimer m_ping;
};
