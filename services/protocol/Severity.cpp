// SPDX-License-Identifier: MIT
#include "Severity.h"

namespace noc {

Severity severityFromString(QStringView text)
{
    const QStringView trimmed = text.trimmed();
    const auto is
        = [trimmed](QLatin1StringView name) { return trimmed.compare(name, Qt::CaseInsensitive) == 0; };
    if (is(QLatin1StringView("CRITICAL")))
        return Severity::Critical;
    if (is(QLatin1StringView("HIGH")))
        return Severity::High;
    if (is(QLatin1StringView("MEDIUM")))
        return Severity::Medium;
    if (is(QLatin1StringView("LOW")))
        return Severity::Low;
    if (is(QLatin1StringView("INFO")))
        return Severity::Info;
    return Severity::Unknown;
}

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Critical:
        return QStringLiteral("CRITICAL");
    case Severity::High:
        return QStringLiteral("HIGH");
    case Severity::Medium:
        return QStringLiteral("MEDIUM");
    case Severity::Low:
        return QStringLiteral("LOW");
    case Severity::Info:
        return QStringLiteral("INFO");
    case Severity::Unknown:
        break;
    }
    return QStringLiteral("UNKNOWN");
}

} // namespace noc
