// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
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

} // namespace noc

Q_DECLARE_METATYPE(noc::ChannelHealth)
