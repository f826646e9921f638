// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace noc {

// One frame in or out, for the diagnostics view: redacted and cut short, never a token.
struct FrameRecord
{
    enum class Direction : quint8
    {
        In,
        Out
    };

    Direction direction = Direction::In;
    QString channel; // "dashboard", "presence"
    QDateTime at;
    QString text;

    static constexpr qsizetype kMaxText = 2048;
};

} // namespace noc

Q_DECLARE_METATYPE(noc::FrameRecord)
