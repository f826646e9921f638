// SPDX-License-Identifier: MIT
#include "HealthLedger.h"

#include "Clock.h"
#include "LoggingCategories.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace noc {

HealthLedger::HealthLedger(const Clock *clock, Sources sources, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_sources(std::move(sources))
    , m_timer(clock->createTimer())
    , m_startedMs(clock->monotonicMs())
{
    m_periodStart = markNow();
    m_timer->onTimeout = [this] {
        closePeriod();
        m_timer->start(m_intervalMs);
    };
}

HealthLedger::~HealthLedger() = default;

void HealthLedger::noteStale(bool stale, const QString &cause)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    const qint64 now = m_clock->monotonicMs();
    if (stale) {
        m_staleSinceMs = now;
        m_staleSince = m_clock->nowUtc();
        m_staleCause = cause;
        return;
    }
    const qint64 length = now - m_staleSinceMs;
    if (length > m_longestMs) {
        m_longestMs = length;
        m_longestCause = m_staleCause;
        m_longestAt = m_staleSince;
    }
}

void HealthLedger::noteStatus(const QString &status)
{
    m_lastStatus = status;
    if (m_stale && m_staleCause.isEmpty())
        m_staleCause = status;
}

void HealthLedger::noteTokenRenewal()
{
    ++m_renewals;
}

void HealthLedger::setReportIntervalMs(qint64 milliseconds)
{
    m_intervalMs = qMax<qint64>(0, milliseconds);
    if (m_intervalMs > 0)
        m_timer->start(m_intervalMs);
    else
        m_timer->stop();
}

HealthLedger::Mark HealthLedger::markNow() const
{
    return { m_clock->monotonicMs(),
             m_clock->nowUtc(),
             m_sources.reconnects ? m_sources.reconnects() : 0,
             m_sources.restCalls ? m_sources.restCalls() : 0,
             m_renewals,
             m_sources.cpuSeconds ? m_sources.cpuSeconds() : -1 };
}

HealthFigures HealthLedger::figures() const
{
    const Mark now = markNow();
    HealthFigures f;
    f.periodStart = m_periodStart.at;
    f.periodMs = now.atMs - m_periodStart.atMs;
    f.uptimeMs = now.atMs - m_startedMs;
    if (now.cpuSeconds >= 0 && m_periodStart.cpuSeconds >= 0 && f.periodMs > 0)
        f.cpuPercent = 100.0 * (now.cpuSeconds - m_periodStart.cpuSeconds) * 1000.0 / double(f.periodMs);
    f.pssKib = m_sources.pssKib ? m_sources.pssKib() : -1;
    // Counters that went back (a restarted part) count from zero rather than negative.
    f.reconnects = qMax(0, now.reconnects - m_periodStart.reconnects);
    f.reconnectsTotal = now.reconnects;
    f.tokenRenewals = now.renewals - m_periodStart.renewals;
    f.tokenRenewalsTotal = now.renewals;
    f.restCalls = qMax(0, now.restCalls - m_periodStart.restCalls);
    f.longestStaleMs = m_longestMs;
    f.longestStaleCause = m_longestCause;
    f.longestStaleAt = m_longestAt;
    if (m_stale && now.atMs - m_staleSinceMs > f.longestStaleMs) {
        f.longestStaleMs = now.atMs - m_staleSinceMs;
        f.longestStaleCause = m_staleCause.isEmpty() ? m_lastStatus : m_staleCause;
        f.longestStaleAt = m_staleSince;
    }
    return f;
}

HealthFigures HealthLedger::closePeriod()
{
    const HealthFigures figures = this->figures();
    qCInfo(lcHealth).noquote() << logLine(figures);
    m_periodStart = markNow();
    // A spell still going carries over whole: the next line counts it from its start again.
    m_longestMs = 0;
    m_longestCause.clear();
    m_longestAt = {};
    Q_EMIT reported(figures);
    return figures;
}

namespace {

QString duration(qint64 milliseconds)
{
    const qint64 seconds = milliseconds / 1000;
    const qint64 days = seconds / 86400;
    const QString clock = u"%1:%2:%3"_s.arg((seconds / 3600) % 24, 2, 10, QChar(u'0'))
                              .arg((seconds / 60) % 60, 2, 10, QChar(u'0'))
                              .arg(seconds % 60, 2, 10, QChar(u'0'));
    return days > 0 ? u"%1d%2"_s.arg(days).arg(clock) : clock;
}

} // namespace

QString HealthLedger::logLine(const HealthFigures &f)
{
    // key=value pairs: one grep finds a figure over a week of journal, and a person still reads it.
    const QLocale c = QLocale::c();
    QString line = u"health period=%1 uptime=%2 pss_mib=%3 cpu_pct=%4 reconnects=%5 reconnects_total=%6 "
                   u"token_renewals=%7 token_renewals_total=%8 rest_calls=%9"_s.arg(duration(f.periodMs))
                       .arg(duration(f.uptimeMs))
                       .arg(f.pssKib >= 0 ? c.toString(double(f.pssKib) / 1024.0, 'f', 1) : u"?"_s)
                       .arg(f.cpuPercent >= 0 ? c.toString(f.cpuPercent, 'f', 2) : u"?"_s)
                       .arg(f.reconnects)
                       .arg(f.reconnectsTotal)
                       .arg(f.tokenRenewals)
                       .arg(f.tokenRenewalsTotal)
                       .arg(f.restCalls);
    line += u" longest_stale_s=%1"_s.arg(f.longestStaleMs / 1000);
    if (f.longestStaleMs > 0) {
        QString cause = f.longestStaleCause;
        cause.replace(u'"', u'\'');
        line += u" stale_at=%1 stale_cause=\"%2\""_s.arg(f.longestStaleAt.toString(Qt::ISODate), cause);
    }
    return line;
}

} // namespace noc
