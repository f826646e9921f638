// SPDX-License-Identifier: MIT
#pragma once

#include "AlertStore.h"

#include <QJsonObject>
#include <QString>

namespace noc::sim {

// The REST alert API's record shapes (PROTOCOL.md section 6): list items, the detail, and the
// datetime and duration texts Django REST framework writes.
class AlertJson
{
public:
    [[nodiscard]] static QJsonObject item(const StoredAlert &alert);
    [[nodiscard]] static QJsonObject detail(const StoredAlert &alert, const AlertDetails *details);
    // What the control API shows: the detail plus the client id and the history of actions.
    [[nodiscard]] static QJsonObject record(const StoredAlert &alert, const AlertDetails *details);

    // "2025-11-14T09:30:05.123000Z": UTC, six fraction digits, Z.
    [[nodiscard]] static QString dateTime(qint64 ms);
    // Python's str(timedelta): "0:03:07.120000", "1 day, 2:00:00".
    [[nodiscard]] static QString duration(qint64 ms);
    [[nodiscard]] static QString severityDisplay(const QString &severity);
};

} // namespace noc::sim
