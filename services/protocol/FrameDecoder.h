// SPDX-License-Identifier: MIT
#pragma once

#include "RecurringStrings.h"
#include "ServerEvent.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace noc {

// The one place where a server frame becomes a typed value. Never throws, never blocks: anything a
// server sends decodes to some ServerEvent, MalformedFrame and UnknownEvent included.
class FrameDecoder
{
public:
    // Frames longer than this are refused unread: a runaway server must not make us parse megabytes.
    static constexpr qsizetype kMaxFrameBytes = 1024 * 1024;

    [[nodiscard]] static ServerEvent decode(const QByteArray &utf8, const QDateTime &receivedAt);
    // The same for a frame the socket has already decoded to text: the storm's plain alert_new frames
    // are read from it directly (PlainAlertFrame.h), everything else as UTF-8 by the overload above.
    // `recurring` (the channel's) shares the values its frames repeat.
    [[nodiscard]] static ServerEvent decode(const QString &text, const QDateTime &receivedAt,
                                            RecurringStrings *recurring = nullptr);
};

} // namespace noc
