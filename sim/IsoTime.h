// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace noc::sim {

// ISO 8601 as Python's datetime.isoformat() writes it for an aware UTC time, and a parser that
// tells an offset-less ("naive") timestamp apart: the server crashes on those.
class IsoTime
{
public:
    enum class Parse
    {
        Aware,
        Naive,
        Invalid
    };
    struct Parsed
    {
        Parse kind = Parse::Invalid;
        QDateTime time;
    };

    [[nodiscard]] static QString format(const QDateTime &time);
    [[nodiscard]] static QString now();
    [[nodiscard]] static Parsed parse(const QString &text);
};

} // namespace noc::sim
