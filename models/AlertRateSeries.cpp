// SPDX-License-Identifier: MIT
#include "AlertRateSeries.h"

namespace {
constexpr qint64 kMinuteMs = 60 * 1000;
}

AlertRateSeries::AlertRateSeries(QObject *parent) : SeriesFeed(parent)
{
    m_headMinute = currentMinute();
    m_slide.setSingleShot(true);
    connect(&m_slide, &QTimer::timeout, this, [this] {
        slideTo(currentMinute());
        markDirty();
        scheduleSlide();
    });
    connect(this, &SeriesFeed::activeChanged, this, &AlertRateSeries::scheduleSlide);
    scheduleSlide();
}

void AlertRateSeries::setAlerts(AlertModel *alerts)
{
    if (m_alerts == alerts)
        return;
    if (m_alerts)
        m_alerts->disconnect(this);
    m_alerts = alerts;
    if (alerts) {
        connect(alerts, &AlertModel::alertsAdded, this, [this, alerts](int added) {
            // One pass per batch: the clock read once, a bucket touched per run of one minute.
            const qint64 now = currentMinute();
            slideTo(now);
            std::array<int, noc::kSeverityCount> run {};
            qint64 runMinute = -1;
            const auto addRun = [&] {
                for (int s = 0; s < noc::kSeverityCount; ++s)
                    addToMinute(s, runMinute, run[static_cast<size_t>(s)]);
                run.fill(0);
            };
            for (int row = 0; row < added; ++row) {
                const noc::Alert &alert = alerts->alertAt(row);
                const qint64 minute
                    = alert.receivedAt.isValid() ? alert.receivedAt.toMSecsSinceEpoch() / kMinuteMs : now;
                if (minute != runMinute) {
                    addRun();
                    runMinute = minute;
                }
                ++run[static_cast<size_t>(alert.severity)];
            }
            addRun();
        });
    }
    Q_EMIT alertsChanged();
}

qint64 AlertRateSeries::currentMinute() const
{
    return QDateTime::currentMSecsSinceEpoch() / kMinuteMs;
}

void AlertRateSeries::scheduleSlide()
{
    // Only a visible chart needs to move with the clock; an idle, hidden one wakes nobody.
    if (!isActive()) {
        m_slide.stop();
        return;
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_slide.start(static_cast<int>(kMinuteMs - now % kMinuteMs) + 50);
}

void AlertRateSeries::slideTo(qint64 minute)
{
    if (minute <= m_headMinute)
        return;
    const qint64 steps = qMin<qint64>(minute - m_headMinute, kMinutes);
    for (qint64 i = 1; i <= steps; ++i)
        m_buckets[static_cast<size_t>((m_headMinute + i) % kMinutes)].fill(0);
    m_headMinute = minute;
}

void AlertRateSeries::count(int severity, const QDateTime &at, int howMany)
{
    if (severity < 0 || severity >= noc::kSeverityCount || howMany <= 0)
        return;
    const qint64 minute = at.toMSecsSinceEpoch() / kMinuteMs;
    slideTo(qMax(minute, currentMinute()));
    addToMinute(severity, minute, howMany);
}

void AlertRateSeries::addToMinute(int severity, qint64 minute, int howMany)
{
    if (howMany <= 0 || minute <= m_headMinute - kMinutes || minute > m_headMinute)
        return; // nothing, or outside the hour shown
    m_buckets[static_cast<size_t>(minute % kMinutes)][static_cast<size_t>(severity)] += howMany;
    markDirty();
}

int AlertRateSeries::countAt(int severity, const QDateTime &at) const
{
    if (severity < 0 || severity >= noc::kSeverityCount)
        return 0;
    const qint64 minute = at.toMSecsSinceEpoch() / kMinuteMs;
    if (minute <= m_headMinute - kMinutes || minute > m_headMinute)
        return 0;
    return m_buckets[static_cast<size_t>(minute % kMinutes)][static_cast<size_t>(severity)];
}

QDateTime AlertRateSeries::axisMin() const
{
    return QDateTime::fromMSecsSinceEpoch((m_headMinute - kMinutes + 1) * kMinuteMs, Qt::UTC);
}

QDateTime AlertRateSeries::axisMax() const
{
    return QDateTime::fromMSecsSinceEpoch(m_headMinute * kMinuteMs, Qt::UTC);
}

int AlertRateSeries::stackedAt(int fromSeverity, qint64 minute) const
{
    // Unknown counts with INFO: both are the least urgent band.
    const auto &bucket = m_buckets[static_cast<size_t>(minute % kMinutes)];
    int sum = 0;
    for (int s = qMax(fromSeverity, 1); s < noc::kSeverityCount; ++s)
        sum += bucket[static_cast<size_t>(s)];
    if (fromSeverity <= static_cast<int>(noc::Severity::Info))
        sum += bucket[0];
    return sum;
}

int AlertRateSeries::maxPerMinute() const
{
    int most = 0;
    for (qint64 m = m_headMinute - kMinutes + 1; m <= m_headMinute; ++m)
        most = qMax(most, stackedAt(0, m));
    return most;
}

void AlertRateSeries::attach(int severity, QXYSeries *upper, QXYSeries *lower)
{
    m_attached.append(Attached { severity, upper, lower });
    markDirty();
    refreshNow();
}

void AlertRateSeries::push()
{
    slideTo(currentMinute());
    for (const Attached &a : std::as_const(m_attached)) {
        QList<QPointF> top;
        QList<QPointF> bottom;
        top.reserve(kMinutes);
        bottom.reserve(kMinutes);
        for (qint64 m = m_headMinute - kMinutes + 1; m <= m_headMinute; ++m) {
            const double x = double(m * kMinuteMs);
            top.append(QPointF(x, stackedAt(a.severity, m)));
            // The band below this one starts at the next more urgent severity.
            bottom.append(
                QPointF(x, a.severity + 1 < noc::kSeverityCount ? stackedAt(a.severity + 1, m) : 0));
        }
        if (a.upper)
            a.upper->replace(top);
        if (a.lower)
            a.lower->replace(bottom);
    }
}
