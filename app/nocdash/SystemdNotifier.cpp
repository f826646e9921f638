// SPDX-License-Identifier: MIT
#include "SystemdNotifier.h"

#include "WallLogging.h"

#include <QQuickWindow>

#ifdef NOCDASH_HAVE_LIBSYSTEMD
#include <systemd/sd-daemon.h>
#endif

SystemdNotifier::SystemdNotifier(QObject *parent) : QObject(parent)
{
    m_active = isAvailable() && qEnvironmentVariableIsSet("NOTIFY_SOCKET");
    if (!m_active)
        return;
#ifdef NOCDASH_HAVE_LIBSYSTEMD
    // WATCHDOG_USEC (and WATCHDOG_PID, when set, naming this process): systemd's WatchdogSec=.
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0) {
        // Half the interval, as systemd advises: one late ping is not yet a hang.
        m_ping.setInterval(std::chrono::milliseconds(qMax<uint64_t>(1, usec / 2000)));
        connect(&m_ping, &QTimer::timeout, this, [this] { send("WATCHDOG=1"); });
        m_ping.start();
        qCInfo(lcWall) << "systemd watchdog: a ping every" << m_ping.interval() << "ms";
    }
#endif
}

bool SystemdNotifier::isAvailable()
{
#ifdef NOCDASH_HAVE_LIBSYSTEMD
    return true;
#else
    return false;
#endif
}

std::chrono::milliseconds SystemdNotifier::pingInterval() const
{
    return m_ping.isActive() ? m_ping.intervalAsDuration() : std::chrono::milliseconds(0);
}

void SystemdNotifier::readyAfterFirstFrame(QQuickWindow *window)
{
    if (!m_active || !window)
        return;
    // frameSwapped comes from the render thread where there is one: queued, READY is sent from here.
    connect(
        window, &QQuickWindow::frameSwapped, this, [this] { send("READY=1"); },
        static_cast<Qt::ConnectionType>(Qt::QueuedConnection | Qt::SingleShotConnection));
}

void SystemdNotifier::stopping()
{
    m_ping.stop();
    send("STOPPING=1");
}

void SystemdNotifier::status(const QString &text)
{
    send("STATUS=" + text.toUtf8());
}

void SystemdNotifier::send(const QByteArray &state)
{
    if (!m_active)
        return;
#ifdef NOCDASH_HAVE_LIBSYSTEMD
    const int result = sd_notify(0, state.constData());
    // Once: a socket that has gone fails every ping after.
    if (result < 0 && !m_failed) {
        m_failed = true;
        qCWarning(lcWall) << "sd_notify" << state << "failed:" << qt_error_string(-result);
    }
#else
    Q_UNUSED(state)
#endif
}
