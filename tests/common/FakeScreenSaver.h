// SPDX-License-Identifier: MIT
#pragma once

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QThread>

// The desktop's org.freedesktop.ScreenSaver, faked on the test's session bus (the suite runs inside
// dbus-run-session): it records every Inhibit and UnInhibit. List this header in the test's SOURCES (moc).
namespace noc::test {

inline const QString kScreenSaverService = QStringLiteral("org.freedesktop.ScreenSaver");

// Why this bus cannot host the fake (empty when it can): the tests need their own session bus, never
// the desktop's, whose real screensaver would answer instead.
inline QString privateBusProblem()
{
    if (!QDBusConnection::sessionBus().isConnected())
        return QStringLiteral(
            "needs a D-Bus session bus: run the suite as tools/test.sh does, inside dbus-run-session");
    if (QDBusConnection::sessionBus().interface()->isServiceRegistered(kScreenSaverService).value())
        return QStringLiteral(
            "a real org.freedesktop.ScreenSaver is on this bus: run inside dbus-run-session");
    return {};
}
inline const QString kScreenSaverPath = QStringLiteral("/org/freedesktop/ScreenSaver");

struct ScreenSaverCall
{
    QString method;
    QString path;
    QString application;
    QString reason;
    uint cookie = 0;
};

// The desktop's side. It answers on a thread of its own, so that the inhibitor's blocking UnInhibit at
// exit is answered while the test's thread waits in it.
class FakeScreenSaver : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.ScreenSaver")
public:
    explicit FakeScreenSaver(QString path) : m_path(std::move(path)) { }

    [[nodiscard]] QList<ScreenSaverCall> calls() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_calls;
    }
    [[nodiscard]] QList<ScreenSaverCall> callsOf(const QString &method) const
    {
        QList<ScreenSaverCall> matching;
        for (const ScreenSaverCall &call : calls()) {
            if (call.method == method)
                matching.append(call);
        }
        return matching;
    }

public Q_SLOTS:
    uint Inhibit(const QString &application, const QString &reason)
    {
        const QMutexLocker lock(&m_mutex);
        m_calls.append({ QStringLiteral("Inhibit"), m_path, application, reason, ++m_lastCookie });
        return m_lastCookie;
    }
    void UnInhibit(uint cookie)
    {
        const QMutexLocker lock(&m_mutex);
        m_calls.append({ QStringLiteral("UnInhibit"), m_path, {}, {}, cookie });
    }
    // Not the desktop's: answered after everything sent before it on the same connection.
    void Barrier() { }

private:
    QString m_path;
    mutable QMutex m_mutex;
    QList<ScreenSaverCall> m_calls;
    uint m_lastCookie = 40;
};

class FakeScreenSaverService
{
public:
    explicit FakeScreenSaverService(const QString &path = kScreenSaverPath)
        : m_bus(
            QDBusConnection::connectToBus(QDBusConnection::SessionBus, QStringLiteral("fake-screensaver")))
        , m_fake(path)
        , m_path(path)
    {
        m_thread.start();
        m_fake.moveToThread(&m_thread);
        m_registered = m_bus.registerObject(path, &m_fake, QDBusConnection::ExportAllSlots)
            && m_bus.registerService(kScreenSaverService);
    }
    ~FakeScreenSaverService()
    {
        m_bus.unregisterService(kScreenSaverService);
        m_bus.unregisterObject(m_path);
        QDBusConnection::disconnectFromBus(QStringLiteral("fake-screensaver"));
        m_thread.quit();
        m_thread.wait();
    }
    [[nodiscard]] bool isRegistered() const { return m_registered; }
    [[nodiscard]] const FakeScreenSaver &fake() const { return m_fake; }
    // Everything the inhibitor sent on the session bus before this has reached the fake.
    [[nodiscard]] bool barrier() const
    {
        const QDBusMessage call = QDBusMessage::createMethodCall(
            kScreenSaverService, m_path, kScreenSaverService, QStringLiteral("Barrier"));
        return QDBusConnection::sessionBus().call(call, QDBus::Block, 5000).type()
            == QDBusMessage::ReplyMessage;
    }

private:
    QDBusConnection m_bus;
    QThread m_thread;
    FakeScreenSaver m_fake;
    QString m_path;
    bool m_registered = false;
};

} // namespace noc::test
