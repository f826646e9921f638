// SPDX-License-Identifier: MIT
#include "BlankHours.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

std::optional<BlankHours> BlankHours::parse(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s*$"_s);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QTime start(match.captured(1).toInt(), match.captured(2).toInt());
    const QTime end(match.captured(3).toInt(), match.captured(4).toInt());
    if (!start.isValid() || !end.isValid() || start == end)
        return std::nullopt;
    return BlankHours { start, end };
}

bool BlankHours::contains(QTime time) const
{
    if (start < end)
        return time >= start && time < end;
    return time >= start || time < end;
}

QDateTime BlankHours::nextChangeAfter(const QDateTime &now) const
{
    // Today's and tomorrow's start and end, each built in local time so that a DST change moves it.
    QDateTime next;
    for (int day = 0; day <= 1; ++day) {
        for (const QTime &boundary : { start, end }) {
            const QDateTime candidate(now.date().addDays(day), boundary, now.timeSpec());
            if (candidate.isValid() && candidate > now && (!next.isValid() || candidate < next))
                next = candidate;
        }
    }
    return next;
}

QString BlankHours::toString() const
{
    return start.toString(u"HH:mm"_s) + u'-' + end.toString(u"HH:mm"_s);
}
