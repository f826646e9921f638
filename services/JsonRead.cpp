// SPDX-License-Identifier: MIT
#include "JsonRead.h"

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

QDateTime parseTimestamp(const QString &text)
{
    const QString trimmed = text.trimmed();
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
