// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace noc {

class Clock;
class Timer;

// How one period of a session went (by default the last hour, on a wall the journal's unit): what the
// Diagnostics tab shows and what the hourly health line says.
struct HealthFigures
{
    QDateTime periodStart;
    qint64 periodMs = 0;
    qint64 uptimeMs = 0;
    double cpuPercent = -1; // of one core, averaged over the period; -1 if unknown
    qint64 pssKib = -1; // now
    int reconnects = 0;
    int reconnectsTotal = 0;
    int tokenRenewals = 0; // sign-ins included
    int tokenRenewalsTotal = 0;
    int restCalls = 0;
    // The longest spell without fresh data in the period (one still going counts up to now), and what
    // the connection said when it began.
    qint64 longestStaleMs = 0;
    QString longestStaleCause;
    QDateTime longestStaleAt;
};

// Keeps the figures that answer "has this screen been fine this week?" and writes them as one line per
// period under nocdash.health (journald keeps it with the unit). The session's parts tell it what
// happens; counters that already exist elsewhere are read through Sources at the end of a period.
class HealthLedger : public QObject
{
    Q_OBJECT

public:
    struct Sources
    {
        std::function<int()> reconnects; // since the start, never going back
        std::function<int()> restCalls; // since the start, never going back
        std::function<double()> cpuSeconds; // the process's, since it started
        std::function<qint64()> pssKib;
    };

    HealthLedger(const Clock *clock, Sources sources, QObject *parent = nullptr);
    ~HealthLedger() override;

    // The data on screen went stale (cause: what the connection said then) or fresh again.
    void noteStale(bool stale, const QString &cause);
    // What the connection says now; names the cause of a spell that began while it still looked live.
    void noteStatus(const QString &status);
    void noteTokenRenewal();

    // 0: no line is written and the period never ends by itself.
    void setReportIntervalMs(qint64 milliseconds);
    [[nodiscard]] qint64 reportIntervalMs() const { return m_intervalMs; }

    // The current period so far.
    [[nodiscard]] HealthFigures figures() const;
    // Writes the period's line and starts the next period.
    HealthFigures closePeriod();
    [[nodiscard]] static QString logLine(const HealthFigures &figures);

Q_SIGNALS:
    void reported(const noc::HealthFigures &figures);

private:
    struct Mark
    {
        qint64 atMs = 0;
        QDateTime at;
        int reconnects = 0;
        int restCalls = 0;
        int renewals = 0;
        double cpuSeconds = -1;
    };
    [[nodiscard]] Mark markNow() const;

    const Clock *m_clock;
    Sources m_sources;
    std::unique_ptr<Timer> m_timer;
    qint64 m_intervalMs = 0;
    qint64 m_startedMs;
    Mark m_periodStart;
    int m_renewals = 0;

    bool m_stale = false;
    qint64 m_staleSinceMs = 0;
    QDateTime m_staleSince;
    QString m_staleCause;
    QString m_lastStatus;
    // The longest spell that ended in this period.
    qint64 m_longestMs = 0;
    QString m_longestCause;
    QDateTime m_longestAt;
};

} // namespace noc
