// SPDX-License-Identifier: MIT
#pragma once

#include "AlertStore.h"
#include "HttpReply.h"
#include "SimulatorOptions.h"

#include <QJsonObject>
#include <QList>

namespace noc::sim {

// The alert actions of PROTOCOL.md section 6 (ack, assign, escalate, resolve, bulk-action) after
// authentication and throttling: rights, body validation, lookups and the status rules, with the
// current servers' quirks. Every path that changes an alert record over REST ends here.
class AlertActions
{
public:
    enum class Kind
    {
        Acknowledge,
        Assign,
        Escalate,
        Resolve,
        Bulk
    };
    struct Outcome
    {
        HttpReply reply;
        QList<qint64> changed; // alerts whose record changed: each one emits alert_updated
    };

    AlertActions(const SimulatorOptions &options, AlertStore &store);

    // body: the request body; `parsed` false when it was not JSON at all.
    [[nodiscard]] Outcome perform(Kind kind, qint64 alertId, const SimUser &actor, const QJsonValue &body,
                                  bool parsed, bool escalateBroken);

    // {"status":"success","data":...}, {"status":"error","message",["errors"]}
    [[nodiscard]] static HttpReply success(const QJsonObject &data);
    [[nodiscard]] static HttpReply error(int status, const QString &message, const QJsonObject &errors = {});

private:
    [[nodiscard]] Outcome acknowledge(qint64 id, const SimUser &actor, const QJsonObject &body);
    [[nodiscard]] Outcome assign(qint64 id, const SimUser &actor, const QJsonObject &body);
    [[nodiscard]] Outcome escalate(qint64 id, const SimUser &actor, const QJsonObject &body, bool broken);
    [[nodiscard]] Outcome resolve(qint64 id, const SimUser &actor, const QJsonObject &body);
    [[nodiscard]] Outcome bulk(const SimUser &actor, const QJsonObject &body);

    void stampAcknowledged(StoredAlert &alert, const SimUser &actor, const QString &comment, qint64 at);
    void stampResolved(StoredAlert &alert, const SimUser &actor, const QString &notes, qint64 at);

    const SimulatorOptions &m_options;
    AlertStore &m_store;
};

} // namespace noc::sim
