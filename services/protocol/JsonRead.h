// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

// Tolerant readers shared by the two edge parsers (frames and REST bodies). Servers differ between
// versions: an id may be a number or a string, a field may be null or missing. These never throw and
// never guess beyond what a value plainly says.
namespace noc::json {

// String as is, numbers without a fraction as integers, anything else empty.
[[nodiscard]] QString text(const QJsonObject &object, QLatin1StringView key);
[[nodiscard]] std::optional<qint64> integer(const QJsonObject &object, QLatin1StringView key);
[[nodiscard]] std::optional<double> number(const QJsonObject &object, QLatin1StringView key);
// ISO 8601 with or without offset (naive means UTC), or seconds since the epoch.
[[nodiscard]] QDateTime timestamp(const QJsonObject &object, QLatin1StringView key);
[[nodiscard]] QDateTime parseTimestamp(QStringView text);

} // namespace noc::json
