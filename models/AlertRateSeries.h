// SPDX-License-Identifier: MIT
#pragma once

#include "AlertModel.h"
#include "SeriesFeed.h"

#include <QDateTime>
#include <QPointer>
#include <QXYSeries>

#include <array>

// Alerts per minute by severity over the last hour, for a stacked area chart: the series for a
// severity holds the sum of it and every more urgent severity, so CRITICAL sits at the bottom where
// the eye lands first.
class AlertRateSeries : public SeriesFeed
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AlertModel *alerts READ alerts WRITE setAlerts NOTIFY alertsChanged)
    Q_PROPERTY(QDateTime axisMin READ axisMin NOTIFY pushed)
    Q_PROPERTY(QDateTime axisMax READ axisMax NOTIFY pushed)
    // The busiest minute in the window (all severities), for the value axis.
    Q_PROPERTY(int maxPerMinute READ maxPerMinute NOTIFY pushed)

public:
    static constexpr int kMinutes = 60;

    explicit AlertRateSeries(QObject *parent = nullptr);

    [[nodiscard]] AlertModel *alerts() const { return m_alerts; }
    void setAlerts(AlertModel *alerts);
    [[nodiscard]] QDateTime axisMin() const;
    [[nodiscard]] QDateTime axisMax() const;
    [[nodiscard]] int maxPerMinute() const;

    // upper: the top edge of this severity's band; lower (optional): its bottom edge.
    Q_INVOKABLE void attach(int severity, QXYSeries *upper, QXYSeries *lower = nullptr);
    // Arrivals of one severity at a time (tests feed this directly).
    void count(int severity, const QDateTime &at, int howMany = 1);
    // How many of this severity arrived in the minute containing `at`; 0 outside the window.
    [[nodiscard]] Q_INVOKABLE int countAt(int severity, const QDateTime &at) const;

Q_SIGNALS:
    void alertsChanged();

protected:
    void push() override;

private:
    struct Attached
    {
        int severity;
        QPointer<QXYSeries> upper;
        QPointer<QXYSeries> lower;
    };
    [[nodiscard]] qint64 currentMinute() const;
    void slideTo(qint64 minute);
    void addToMinute(int severity, qint64 minute, int howMany);
    void scheduleSlide();
    [[nodiscard]] int stackedAt(int fromSeverity, qint64 minute) const;

    QPointer<AlertModel> m_alerts;
    // [minute % kMinutes][severity]; m_headMinute is the newest minute held.
    std::array<std::array<int, noc::kSeverityCount>, kMinutes> m_buckets {};
    qint64 m_headMinute = 0;
    QList<Attached> m_attached;
    QTimer m_slide; // once a minute the window moves on, even with no new alerts
};
