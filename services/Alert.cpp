// SPDX-License-Identifier: MIT
#include "Alert.h"

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

} // namespace noc
