// SPDX-License-Identifier: MIT
#include "IsoTime.h"

#include <QRegularExpression>

namespace noc::sim {

QString IsoTime::format(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    // Microseconds, like Django's timezone.now().isoformat(); Qt only has milliseconds.
    return utc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QStringLiteral("000+00:00");
}

QString IsoTime::now()
{
    return format(QDateTime::currentDateTimeUtc());
}

IsoTime::Parsed IsoTime::parse(const QString &text)
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)"
                       R"((Z|z|[+-]\d{2}(?::?\d{2})?)?$)"));
    const QRegularExpressionMatch match = pattern.match(text.trimmed());
    if (!match.hasMatch()) {
        return {};
    }
    const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
    QString fraction = match.captured(7);
    const int msec = fraction.isEmpty() ? 0 : (fraction + QStringLiteral("00")).left(3).toInt();
    const QTime time(match.captured(4).toInt(), match.captured(5).toInt(), match.captured(6).toInt(), msec);
    if (!date.isValid() || !time.isValid()) {
        return {};
    }
    const QString zone = match.captured(8);
    if (zone.isEmpty()) {
        return { Parse::Naive, QDateTime(date, time, Qt::UTC) };
    }
    int offsetSeconds = 0;
    if (zone != QLatin1String("Z") && zone != QLatin1String("z")) {
        const int sign = zone.startsWith(QLatin1Char('-')) ? -1 : 1;
        QString digits = zone.mid(1);
        digits.remove(QLatin1Char(':'));
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() >= 4 ? digits.mid(2, 2).toInt() : 0;
        if (hours > 23 || minutes > 59) {
            return {};
        }
        offsetSeconds = sign * (hours * 3600 + minutes * 60);
    }
    return { Parse::Aware, QDateTime(date, time, Qt::OffsetFromUTC, offsetSeconds).toUTC() };
}

} // namespace noc::sim
