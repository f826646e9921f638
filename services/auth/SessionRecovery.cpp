// SPDX-License-Identifier: MIT
#include "SessionRecovery.h"

#include "Clock.h"
#include "LoggingCategories.h"

#include <QPointer>

#include <utility>

namespace noc {

SessionRecovery::SessionRecovery(const Clock *clock, QObject *parent)
    : QObject(parent), m_timer(clock->createTimer())
{
    m_timer->onTimeout = [this] { check(); };
}

SessionRecovery::~SessionRecovery() = default;

void SessionRecovery::watch(Reader reader, const QString &refusedRefresh, const QString &refusedPassword)
{
    m_reader = std::move(reader);
    if (m_watching && refusedRefresh == m_refusedRefresh && refusedPassword == m_refusedPassword)
        return;
    ++m_generation;
    m_reading = false;
    m_refusedRefresh = refusedRefresh;
    m_refusedPassword = refusedPassword;
    if (!std::exchange(m_watching, true))
        qCInfo(lcAuth) << "signed out: watching the keychain for a new session every" << m_intervalMs << "ms";
    m_timer->start(m_intervalMs);
}

void SessionRecovery::stop()
{
    if (!m_watching)
        return;
    m_watching = false;
    m_reading = false;
    ++m_generation;
    m_timer->stop();
}

void SessionRecovery::check()
{
    if (!m_watching || m_reading || !m_reader)
        return;
    m_reading = true;
    ++m_checks;
    const quint64 generation = m_generation;
    m_reader([self = QPointer(this), generation](const QString &refresh, const QString &password) {
        if (self && generation == self->m_generation)
            self->onRead(refresh, password);
    });
}

void SessionRecovery::onRead(const QString &refresh, const QString &password)
{
    m_reading = false;
    if (refresh.isEmpty() || refresh == m_refusedRefresh) {
        m_timer->start(m_intervalMs);
        return;
    }
    qCInfo(lcAuth) << "a new session was stored in the keychain: resuming";
    stop();
    Q_EMIT provisioned(refresh, password == m_refusedPassword ? QString() : password);
}

} // namespace noc
