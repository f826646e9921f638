// SPDX-License-Identifier: MIT
#pragma once

#include <QNetworkReply>
#include <QPointer>

namespace noc {

// Gives up the request in flight: aborted, and none of its signals (not even the abort's finished())
// reaches `receiver`, which has already moved on. Leaves `reply` null.
inline void abandonReply(QPointer<QNetworkReply> &reply, QObject *receiver)
{
    QNetworkReply *abandoned = reply.data();
    if (!abandoned)
        return;
    reply.clear();
    abandoned->disconnect(receiver);
    abandoned->abort();
    abandoned->deleteLater();
}

} // namespace noc
