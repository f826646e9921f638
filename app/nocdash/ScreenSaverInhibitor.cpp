// SPDX-License-Identifier: MIT
#include "ScreenSaverInhibitor.h"

#include "WallLogging.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>

using namespace Qt::StringLiterals;

namespace {
const QString kService = u"org.freedesktop.ScreenSaver"_s;
const QString kInterface = u"org.freedesktop.ScreenSaver"_s;
const QString kPath = u"/org/freedesktop/ScreenSaver"_s;
// Older implementations (and KDE, besides the path above) serve the interface here.
const QString kLegacyPath = u"/ScreenSaver"_s;
// A session bus answers in milliseconds; this bounds the wait at exit.
constexpr int kCallTimeoutMs = 2000;

bool isMissingObject(const QDBusError &error)
{
    return error.type() == QDBusError::UnknownObject || error.type() == QDBusError::UnknownMethod
        || error.type() == QDBusError::UnknownInterface;
}
} // namespace

ScreenSaverInhibitor::ScreenSaverInhibitor(const QDBusConnection &bus, const QString &application,
                                           const QString &reason, QObject *parent)
    : DisplayInhibitor(parent)
    , m_bus(bus)
    , m_application(application)
    , m_reason(reason)
    , m_service(kService, bus, QDBusServiceWatcher::WatchForOwnerChange)
{
    connect(&m_service, &QDBusServiceWatcher::serviceOwnerChanged, this,
            [this](const QString &, const QString &, const QString &newOwner) {
                // Whatever cookie we had belonged to the old owner, which has gone.
                m_cookie.reset();
                if (newOwner.isEmpty() || !m_wanted || m_pending)
                    return;
                qCInfo(lcWall).noquote() << kService << "appeared on the session bus: keeping the display on";
                inhibit(kPath);
            });
}

ScreenSaverInhibitor::~ScreenSaverInhibitor()
{
    m_wanted = false;
    // No event loop runs after this: wait for an Inhibit still on its way, then hand its cookie back.
    if (m_pending) {
        delete m_pendingWatcher;
        QDBusPendingReply<uint> reply(*m_pending);
        reply.waitForFinished();
        if (reply.isValid()) {
            m_cookie = reply.value();
            m_cookiePath = m_pendingPath;
        }
        m_pending.reset();
    }
    unInhibit(true);
}

void ScreenSaverInhibitor::hold()
{
    m_wanted = true;
    if (m_cookie || m_pending)
        return;
    if (!m_bus.isConnected()) {
        reportUnavailable(u"no session bus"_s);
        return;
    }
    inhibit(kPath);
}

void ScreenSaverInhibitor::release()
{
    m_wanted = false;
    // An Inhibit on its way is answered with an UnInhibit when its cookie arrives.
    unInhibit(false);
}

void ScreenSaverInhibitor::inhibit(const QString &path)
{
    QDBusMessage call = QDBusMessage::createMethodCall(kService, path, kInterface, u"Inhibit"_s);
    call << m_application << m_reason;
    m_pending = m_bus.asyncCall(call, kCallTimeoutMs);
    m_pendingPath = path;
    auto *watcher = new QDBusPendingCallWatcher(*m_pending, this);
    m_pendingWatcher = watcher;
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, path](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        const QDBusPendingCall answered = *done;
        m_pending.reset();
        inhibited(answered, path);
    });
}

void ScreenSaverInhibitor::inhibited(const QDBusPendingCall &call, const QString &path)
{
    const QDBusPendingReply<uint> reply(call);
    if (reply.isError()) {
        if (path == kPath && isMissingObject(reply.error())) {
            inhibit(kLegacyPath);
            return;
        }
        if (m_wanted)
            reportUnavailable(reply.error().message());
        return;
    }
    m_cookie = reply.value();
    m_cookiePath = path;
    if (!m_wanted) {
        unInhibit(false); // released while the call was on its way
        return;
    }
    qCInfo(lcWall).noquote() << u"keeping the display on through %1 (cookie %2)"_s.arg(kService).arg(
        *m_cookie);
}

void ScreenSaverInhibitor::unInhibit(bool beforeExit)
{
    if (!m_cookie)
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(kService, m_cookiePath, kInterface, u"UnInhibit"_s);
    call << *m_cookie;
    qCInfo(lcWall).noquote() << u"letting the display sleep again (cookie %1)"_s.arg(*m_cookie);
    m_cookie.reset();
    if (beforeExit) {
        const QDBusMessage reply = m_bus.call(call, QDBus::Block, kCallTimeoutMs);
        if (reply.type() == QDBusMessage::ErrorMessage)
            qCWarning(lcWall).noquote() << "UnInhibit failed:" << reply.errorMessage();
        return;
    }
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kCallTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [](QDBusPendingCallWatcher *done) {
        done->deleteLater();
        if (done->isError())
            qCWarning(lcWall).noquote() << "UnInhibit failed:" << done->error().message();
    });
}

void ScreenSaverInhibitor::reportUnavailable(const QString &why)
{
    // Once per run: a wall without the service would otherwise say so at every wall-mode change.
    if (m_reported)
        return;
    m_reported = true;
    qCWarning(lcWall).noquote()
        << u"cannot keep the display on: %1 is not available on the session bus (%2); it may blank"_s.arg(
               kService, why);
}
