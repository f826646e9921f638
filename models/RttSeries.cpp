// SPDX-License-Identifier: MIT
#include "RttSeries.h"

using namespace Qt::StringLiterals;

RttSeries::RttSeries(QObject *parent) : SeriesFeed(parent) { }

void RttSeries::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    if (client) {
        connect(client, &noc::NocClient::rttSampled, this,
                [this](const QString &channel, int ms, const QDateTime &at) {
                    m_sawEngineSamples = true;
                    addSample(channel, ms, at);
                });
        // Engines that only publish the latest RTT: take a sample whenever it moves. Stops as soon as
        // the engine reports samples itself.
        connect(client, &noc::NocClient::healthChanged, this, [this] {
            if (m_sawEngineSamples || !m_client)
                return;
            const int rtt = m_client->rttMs();
            if (rtt >= 0 && rtt != m_lastPolledRtt) {
                m_lastPolledRtt = rtt;
                addSample(u"dashboard"_s, rtt, QDateTime::currentDateTimeUtc());
            }
        });
    }
    Q_EMIT clientChanged();
}

void RttSeries::setMaxSamples(int samples)
{
    samples = qMax(2, samples);
    if (m_maxSamples == samples)
        return;
    m_maxSamples = samples;
    for (auto &points : m_samples) {
        if (points.size() > m_maxSamples)
            points.remove(0, points.size() - m_maxSamples);
    }
    markDirty();
    Q_EMIT maxSamplesChanged();
}

void RttSeries::setWindowSeconds(int seconds)
{
    seconds = qMax(10, seconds);
    if (m_windowSeconds == seconds)
        return;
    m_windowSeconds = seconds;
    markDirty();
    Q_EMIT maxSamplesChanged();
}

int RttSeries::sampleCount(const QString &channel) const
{
    return static_cast<int>(m_samples.value(channel).size());
}

void RttSeries::trim(QList<QPointF> &points, qint64 nowMs) const
{
    const double oldest = double(nowMs - qint64(m_windowSeconds) * 1000);
    qsizetype drop = 0;
    while (drop < points.size() && points.at(drop).x() < oldest)
        ++drop;
    drop = qMax(drop, points.size() - m_maxSamples);
    if (drop > 0)
        points.remove(0, drop);
}

void RttSeries::addSample(const QString &channel, int milliseconds, const QDateTime &at)
{
    if (milliseconds < 0)
        return;
    QList<QPointF> &points = m_samples[channel];
    points.append(QPointF(double(at.toMSecsSinceEpoch()), milliseconds));
    trim(points, QDateTime::currentMSecsSinceEpoch());
    m_lastMs = milliseconds;
    markDirty();
}

QDateTime RttSeries::axisMin() const
{
    double oldest = -1;
    for (const auto &points : m_samples) {
        if (!points.isEmpty() && (oldest < 0 || points.constFirst().x() < oldest))
            oldest = points.constFirst().x();
    }
    // At least a minute wide: with one sample, a zero-width axis piles every label on one spot.
    const qint64 minuteBeforeNewest = axisMax().toMSecsSinceEpoch() - 60 * 1000;
    return QDateTime::fromMSecsSinceEpoch(
        oldest < 0 ? minuteBeforeNewest : qMin(qint64(oldest), minuteBeforeNewest), Qt::UTC);
}

QDateTime RttSeries::axisMax() const
{
    double newest = -1;
    for (const auto &points : m_samples) {
        if (!points.isEmpty())
            newest = qMax(newest, points.constLast().x());
    }
    return newest < 0 ? QDateTime::currentDateTimeUtc()
                      : QDateTime::fromMSecsSinceEpoch(qint64(newest), Qt::UTC);
}

int RttSeries::maxMs() const
{
    double most = 0;
    for (const auto &points : m_samples) {
        for (const QPointF &p : points)
            most = qMax(most, p.y());
    }
    return int(most);
}

void RttSeries::attach(const QString &channel, QXYSeries *series)
{
    m_attached.append({ channel, series });
    markDirty();
    refreshNow();
}

void RttSeries::push()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (auto &points : m_samples)
        trim(points, now);
    for (const auto &[channel, series] : std::as_const(m_attached)) {
        if (series)
            series->replace(m_samples.value(channel));
    }
}
