// SPDX-License-Identifier: MIT
#include "Alert.h"

#include <array>

namespace noc {

QString alertKindName(AlertKind kind)
{
    switch (kind) {
    case AlertKind::Alert:
        return QStringLiteral("alert");
    case AlertKind::CriticalAlert:
        return QStringLiteral("critical");
    case AlertKind::Finding:
        return QStringLiteral("finding");
    case AlertKind::Anomaly:
        return QStringLiteral("anomaly");
    case AlertKind::Ticket:
        return QStringLiteral("ticket");
    case AlertKind::Other:
        return QStringLiteral("event");
    }
    return QStringLiteral("alert");
}

std::optional<qint64> alertRecordId(QStringView alertId)
{
    bool ok = false;
    const qint64 id = alertId.trimmed().toLongLong(&ok);
    return ok && id > 0 ? std::optional<qint64>(id) : std::nullopt;
}

namespace {
constexpr std::array kStatusNames { "UNKNOWN",   "NEW",      "ACKNOWLEDGED", "ASSIGNED",
                                    "ESCALATED", "RESOLVED", "SUPPRESSED" };
} // namespace

QString alertStatusName(AlertStatus status)
{
    return QString::fromLatin1(kStatusNames.at(static_cast<size_t>(status)));
}

AlertStatus alertStatusFromString(QStringView text)
{
    for (size_t i = 1; i < kStatusNames.size(); ++i) {
        if (text.compare(QLatin1StringView(kStatusNames.at(i)), Qt::CaseInsensitive) == 0)
            return static_cast<AlertStatus>(i);
    }
    return AlertStatus::Unknown;
}

std::optional<AlertIdentity> AlertIdentity::parse(const QString &key)
{
    const qsizetype colon = key.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return std::nullopt;
    const QStringView name = QStringView(key).left(colon);
    for (AlertKind kind : { AlertKind::Alert, AlertKind::CriticalAlert, AlertKind::Finding,
                            AlertKind::Anomaly, AlertKind::Ticket, AlertKind::Other }) {
        if (name == alertKindName(kind))
            return AlertIdentity { kind, key.mid(colon + 1) };
    }
    return std::nullopt;
}

} // namespace noc
