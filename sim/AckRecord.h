// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

namespace noc::sim {

struct AckRecord
{
    QString alertId;
    QString username;
    QDateTime at;
};

} // namespace noc::sim
