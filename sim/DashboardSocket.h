// SPDX-License-Identifier: MIT
#pragma once

#include "SimSocket.h"

#include <QJsonObject>
#include <QSet>

namespace noc::sim {

// /ws/noc/dashboard/: subscriptions (they belong to this socket), acknowledgements, metrics,
// heartbeats, the per-user rate limit, and the consumer's habit of closing 1011 when a handler raises.
class DashboardSocket : public SimSocket
{
    Q_OBJECT
public:
    using SimSocket::SimSocket;

    [[nodiscard]] bool isSubscribed(const QString &clientId) const
    {
        return m_subscriptions.contains(clientId);
    }
    [[nodiscard]] QStringList subscriptions() const { return m_subscriptions.values(); }

protected:
    void greet() override;
    void onText(const QString &text) override;

private:
    void handle(const QString &type, const QJsonObject &frame);
    void subscribe(const QJsonObject &frame);
    void acknowledge(const QJsonObject &frame);
    void metrics(const QJsonObject &frame);
    void error(const QString &message);

    QSet<QString> m_subscriptions;
};

} // namespace noc::sim
