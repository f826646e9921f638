// SPDX-License-Identifier: MIT
#include "JsonRead.h"

#include <QDate>
#include <QJsonValue>

#include <cmath>
#include <limits>

namespace noc::json {

namespace {
std::optional<qint64> exactInteger(double value)
{
    // 2^53: beyond it doubles skip integers, so the value is no longer an exact id.
    constexpr double kExactLimit = 9007199254740992.0;
    if (!std::isfinite(value) || std::trunc(value) != value || std::fabs(value) > kExactLimit)
        return std::nullopt;
    return static_cast<qint64>(value);
}
} // namespace

QString text(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return value.toString();
    if (value.isDouble()) {
        if (const auto whole = exactInteger(value.toDouble()))
            return QString::number(*whole);
        return QString::number(value.toDouble());
    }
    return {};
}

std::optional<qint64> integer(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble())
        return exactInteger(value.toDouble());
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().trimmed().toLongLong(&ok);
        if (ok)
            return parsed;
    }
    return std::nullopt;
}

std::optional<double> number(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isDouble() && std::isfinite(value.toDouble()))
        return value.toDouble();
    if (value.isString()) {
        bool ok = false;
        const double parsed = value.toString().trimmed().toDouble(&ok);
        if (ok && std::isfinite(parsed))
            return parsed;
    }
    return std::nullopt;
}

namespace {

// Digits [at, at + count) of text as a number; -1 when any of them is not an ASCII digit.
int digits(QStringView text, qsizetype at, qsizetype count)
{
    int value = 0;
    for (qsizetype i = at; i < at + count; ++i) {
        const char16_t c = text[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(int year, int month, int day)
{
    year -= month <= 2 ? 1 : 0;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int yearOfEra = year - era * 400;
    const int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return qint64(era) * 146097 + dayOfEra - 719468;
}

// The form every frame of a storm carries, "2026-11-30T07:58:14.123456+00:00" (or "Z", or no
// fraction), read without QDateTime::fromString: that was a large share of the CPU an alert costs.
// Anything else (a space for the T, no seconds, hour 24, no offset...) returns nullopt and takes
// Qt's parser. The fraction rounds to milliseconds half up, carrying into the second, as Qt's does.
std::optional<qint64> fixedIsoMsecs(QStringView text)
{
    constexpr qsizetype kSecondsEnd = 19; // "YYYY-MM-DDTHH:MM:SS"
    if (text.size() < kSecondsEnd + 1 || text[4] != u'-' || text[7] != u'-' || text[10] != u'T'
        || text[13] != u':' || text[16] != u':')
        return std::nullopt;
    const int year = digits(text, 0, 4);
    const int month = digits(text, 5, 2);
    const int day = digits(text, 8, 2);
    const int hour = digits(text, 11, 2);
    const int minute = digits(text, 14, 2);
    const int second = digits(text, 17, 2);
    if (year < 1 || !QDate::isValid(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59)
        return std::nullopt;
    qsizetype at = kSecondsEnd;
    qint64 msec = 0;
    if (text[at] == u'.') {
        const qsizetype first = ++at;
        qint64 fraction = 0;
        qint64 scale = 1;
        while (at < text.size() && text[at] >= u'0' && text[at] <= u'9' && at - first < 9) {
            fraction = fraction * 10 + (text[at].unicode() - u'0');
            scale *= 10;
            ++at;
        }
        if (at == first)
            return std::nullopt;
        msec = (fraction * 2000 + scale) / (2 * scale); // half up
    }
    int offsetMinutes = 0;
    if (text.size() == at + 1 && text[at] == u'Z') {
        // UTC
    } else if (text.size() == at + 6 && (text[at] == u'+' || text[at] == u'-') && text[at + 3] == u':') {
        const int offsetHours = digits(text, at + 1, 2);
        const int offsetMins = digits(text, at + 4, 2);
        if (offsetHours < 0 || offsetHours > 14 || offsetMins < 0 || offsetMins > 59)
            return std::nullopt;
        offsetMinutes = (offsetHours * 60 + offsetMins) * (text[at] == u'-' ? -1 : 1);
    } else {
        return std::nullopt;
    }
    const qint64 seconds
        = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - offsetMinutes * 60;
    return seconds * 1000 + msec;
}

} // namespace

QDateTime parseTimestamp(QStringView text)
{
    if (const auto msecs = fixedIsoMsecs(text))
        return QDateTime::fromMSecsSinceEpoch(*msecs, Qt::UTC);
    const QString trimmed = text.trimmed().toString();
    if (trimmed.isEmpty())
        return {};
    QDateTime parsed = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (!parsed.isValid())
        parsed = QDateTime::fromString(trimmed, Qt::ISODate);
    if (!parsed.isValid())
        return {};
    if (parsed.timeSpec() == Qt::LocalTime)
        parsed.setTimeSpec(Qt::UTC); // a server that omits the offset means UTC
    return parsed.toUTC();
}

QDateTime timestamp(const QJsonObject &object, QLatin1StringView key)
{
    const QJsonValue value = object.value(key);
    if (value.isString())
        return parseTimestamp(value.toString());
    if (value.isDouble() && std::isfinite(value.toDouble())) {
        const double seconds = value.toDouble();
        constexpr double kMaxSeconds = 253402300799.0; // 9999-12-31
        if (seconds < 0 || seconds > kMaxSeconds)
            return {};
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(seconds * 1000.0), Qt::UTC);
    }
    return {};
}

} // namespace noc::json
