// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace noc {

// One channel's connection health, as data: what the health panel, the wall screen and
// `nocctl status` show.
struct ChannelHealth
{
    enum class State : quint8
    {
        Closed,
        Connecting,
        Open
    };

    QString name; // "dashboard", "presence"
    QString path; // "/ws/noc/dashboard/"
    State state = State::Closed;
    QDateTime stateSince;
    int rttLastMs = -1; // -1: not measured yet
    int rttP50Ms = -1;
    int rttP95Ms = -1;
    qint64 uptimeSeconds = 0; // of the current connection
    int reconnects = 0;
    qint64 framesIn = 0;
    qint64 framesOut = 0;
    int errors = 0;
    qint64 lastInboundAgeMs = -1; // -1: nothing received yet
    int score = 0; // 0-100
    bool stale = false;
};

// Nearest-rank percentile of the samples; -1 when there are none.
[[nodiscard]] int percentile(QList<int> samples, double fraction);
// Fills score and stale from the other fields: 100 is open, quick and chatty; 0 is closed.
void scoreHealth(ChannelHealth &health, qint64 heartbeatIntervalMs, int reconnectsLastHour);

} // namespace noc

Q_DECLARE_METATYPE(noc::ChannelHealth)
