// SPDX-License-Identifier: MIT
#include "EventPrinter.h"

#include "NocClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaEnum>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace {
QString iso(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString stateName(noc::NocClient::ConnectionState state)
{
    return QString::fromLatin1(QMetaEnum::fromType<noc::NocClient::ConnectionState>().valueToKey(int(state)));
}
} // namespace

EventPrinter::EventPrinter(noc::NocClient *client, bool json, QObject *parent)
    : QObject(parent), m_client(client), m_json(json)
{
    connect(client, &noc::NocClient::stateChanged, this, [this] {
        const QJsonObject o { { "event"_L1, u"state"_s },
                              { "state"_L1, stateName(m_client->state()) },
                              { "message"_L1, m_client->statusMessage() },
                              { "since"_L1, iso(m_client->stateSince()) },
                              { "next_retry_at"_L1, iso(m_client->nextRetryAt()) },
                              { "server"_L1, m_client->serverName() } };
        emitLine(o, u"[%1] %2"_s.arg(stateName(m_client->state()), m_client->statusMessage()));
    });
    connect(client, &noc::NocClient::alertsReceived, this, [this](const noc::AlertBatch &alerts) {
        for (const noc::Alert &a : alerts) {
            // The records are read again now and then (colleagues' actions, back-fills overlapping what
            // was pushed): an alert already printed is printed again only as a status change.
            if (a.kind == noc::AlertKind::Alert) {
                // Pushed alerts are NEW on the server until someone acts on them.
                const noc::AlertStatus status
                    = a.status == noc::AlertStatus::Unknown ? noc::AlertStatus::New : a.status;
                const auto printed = m_printedStatus.constFind(a.id);
                if (printed != m_printedStatus.constEnd()) {
                    if (*printed != status && a.backfilled)
                        printStatus(a.id, status, a.receivedAt, false);
                    continue;
                }
                remember(a.id, status);
            }
            QJsonObject o { { "event"_L1, u"alert"_s },
                            { "kind"_L1, noc::alertKindName(a.kind) },
                            { "id"_L1, a.id },
                            { "client"_L1, a.clientId },
                            { "severity"_L1, noc::severityName(a.severity) },
                            { "type"_L1, a.type },
                            { "message"_L1, a.message },
                            { "location"_L1, a.location },
                            { "detail"_L1, a.detail },
                            { "occurred_at"_L1, iso(a.occurredAt) },
                            { "received_at"_L1, iso(a.receivedAt) } };
            // Read from the server's records (start-up load, back-fill after a gap), not pushed.
            if (a.backfilled)
                o.insert("backfilled"_L1, true);
            if (a.suppressedCount > 0)
                o.insert("repeats"_L1, a.suppressedCount);
            if (a.lastSeen.isValid())
                o.insert("last_seen"_L1, iso(a.lastSeen));
            if (a.status != noc::AlertStatus::Unknown)
                o.insert("status"_L1, noc::alertStatusName(a.status));
            emitLine(
                o,
                u"%1 %2 %3 %4 %5"_s.arg(noc::severityName(a.severity), a.clientId, a.type, a.id, a.message));
        }
    });
    connect(client, &noc::NocClient::acknowledgementConfirmed, this,
            [this](const QString &id, const QString &by, const QDateTime &at) {
                emitLine({ { "event"_L1, u"ack_confirmed"_s },
                           { "id"_L1, id },
                           { "by"_L1, by },
                           { "at"_L1, iso(at) } },
                         u"acknowledged %1"_s.arg(id));
            });
    connect(client, &noc::NocClient::acknowledgementFailed, this,
            [this](const QString &id, const QString &reason) {
                emitLine({ { "event"_L1, u"ack_failed"_s }, { "id"_L1, id }, { "reason"_L1, reason } },
                         u"acknowledgement of %1 failed: %2"_s.arg(id, reason));
            });
    connect(client, &noc::NocClient::subscriptionConfirmed, this, [this](const QString &id) {
        emitLine({ { "event"_L1, u"subscribed"_s }, { "client"_L1, id } }, u"subscribed to %1"_s.arg(id));
    });
    connect(
        client, &noc::NocClient::subscriptionFailed, this, [this](const QString &id, const QString &reason) {
            emitLine(
                { { "event"_L1, u"subscription_failed"_s }, { "client"_L1, id }, { "reason"_L1, reason } },
                u"subscription to %1 failed: %2"_s.arg(id, reason));
        });
    connect(client, &noc::NocClient::userStatusReceived, this, [this](const noc::UserStatusEvent &s) {
        emitLine({ { "event"_L1, u"user_status"_s },
                   { "user_id"_L1, s.userId },
                   { "username"_L1, s.username },
                   { "state"_L1, s.state },
                   { "last_seen"_L1, iso(s.lastSeen) } },
                 u"user %1 is %2"_s.arg(s.username.isEmpty() ? s.userId : s.username, s.state));
    });
    connect(client, &noc::NocClient::serverErrorReceived, this, [this](const QString &message) {
        emitLine({ { "event"_L1, u"server_error"_s }, { "message"_L1, message } },
                 u"server error: %1"_s.arg(message));
    });
    connect(client, &noc::NocClient::metricsReceived, this,
            [this](const QString &id, const QVariantMap &metrics) {
                emitLine({ { "event"_L1, u"metrics"_s },
                           { "client"_L1, id },
                           { "metrics"_L1, QJsonObject::fromVariantMap(metrics) } },
                         u"metrics for %1"_s.arg(id));
            });
    connect(client, &noc::NocClient::feedGapChanged, this, [this] {
        const QDateTime from = m_client->lastGapFrom();
        const QDateTime to = m_client->lastGapTo();
        const double seconds = double(from.msecsTo(to)) / 1000.0;
        emitLine({ { "event"_L1, u"gap"_s },
                   { "from"_L1, iso(from) },
                   { "to"_L1, iso(to) },
                   { "seconds"_L1, seconds } },
                 u"no feed from %1 to %2 (%3 s): the server does not replay what it sent meanwhile"_s.arg(
                     from.toLocalTime().toString(u"HH:mm:ss"_s), to.toLocalTime().toString(u"HH:mm:ss"_s),
                     QString::number(seconds, 'f', 1)));
    });
    connect(client, &noc::NocClient::alertStatusChanged, this,
            [this](const QString &id, noc::AlertStatus status, const QDateTime &at) {
                if (m_printedStatus.value(id) == status)
                    return;
                printStatus(id, status, at, false);
            });
    // Gone from the open alerts (the records' reads say so): resolved or suppressed, the list does not
    // say which.
    connect(client, &noc::NocClient::openAlertClosed, this, [this](const noc::AlertUpdatedEvent &update) {
        printStatus(update.alertId, update.status, update.timestamp, true);
    });
    connect(client, &noc::NocClient::historyChanged, this, [this] {
        const auto state = m_client->historyState();
        if (state == m_lastHistoryState && m_client->lastBackfillCount() == m_lastBackfillCount)
            return;
        const bool sameReason = m_client->historyReason() == m_lastHistoryReason;
        m_lastHistoryState = state;
        if (state == noc::NocClient::HistoryState::Unavailable) {
            if (sameReason)
                return; // said once: retries that fail alike are not news
            m_lastHistoryReason = m_client->historyReason();
            emitLine({ { "event"_L1, u"history_unavailable"_s }, { "reason"_L1, m_client->historyReason() } },
                     u"live feed only: the server's alert history is unavailable (%1)"_s.arg(
                         m_client->historyReason()));
        } else if (state == noc::NocClient::HistoryState::Loaded && m_client->lastBackfillCount() >= 0
                   && m_client->lastBackfillCount() != m_lastBackfillCount) {
            const bool complete = m_client->lastBackfillComplete();
            emitLine({ { "event"_L1, u"backfill"_s },
                       { "alerts"_L1, m_client->lastBackfillCount() },
                       { "complete"_L1, complete } },
                     complete
                         ? u"%1 alerts raised during the gap were loaded"_s.arg(m_client->lastBackfillCount())
                         : u"the newest %1 alerts raised during the gap were loaded; more were raised than "
                           "one back-fill reads: the oldest of the gap are missing"_s.arg(
                               m_client->lastBackfillCount()));
        } else if (state == noc::NocClient::HistoryState::Loaded
                   && (m_client->openOnServer() != m_lastOpenOnServer || !m_lastHistoryReason.isEmpty())) {
            m_lastOpenOnServer = m_client->openOnServer();
            emitLine({ { "event"_L1, u"history_loaded"_s },
                       { "open_on_server"_L1, m_client->openOnServer() },
                       { "loaded"_L1, m_client->loadedOpen() } },
                     u"%1 of %2 open alerts loaded from the server"_s.arg(m_client->loadedOpen())
                         .arg(m_client->openOnServer()));
        }
        if (state == noc::NocClient::HistoryState::Loaded)
            m_lastHistoryReason.clear();
        m_lastBackfillCount = m_client->lastBackfillCount();
    });
    connect(client, &noc::NocClient::staleChanged, this, [this] {
        emitLine({ { "event"_L1, u"freshness"_s }, { "stale"_L1, m_client->isStale() } },
                 m_client->isStale() ? u"data is stale"_s : u"data is live"_s);
    });
}

void EventPrinter::emitLine(const QJsonObject &object, const QString &text)
{
    QTextStream out(stdout);
    if (m_json)
        out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    else
        out << QDateTime::currentDateTime().toString(u"HH:mm:ss"_s) << ' ' << text << '\n';
    out.flush();
}

void EventPrinter::remember(const QString &id, noc::AlertStatus status)
{
    constexpr qsizetype kRemembered = 50000;
    if (!m_printedStatus.contains(id))
        m_printedOrder.append(id);
    m_printedStatus.insert(id, status);
    if (m_printedOrder.size() > kRemembered + kRemembered / 5) {
        for (qsizetype i = 0; i < kRemembered / 5; ++i)
            m_printedStatus.remove(m_printedOrder.at(i));
        m_printedOrder.remove(0, kRemembered / 5);
    }
}

void EventPrinter::printStatus(const QString &id, noc::AlertStatus status, const QDateTime &at, bool inferred)
{
    remember(id, status);
    // "by" is in neither alert_updated nor the list; the record's detail has it.
    QJsonObject line { { "event"_L1, u"status"_s },
                       { "id"_L1, id },
                       { "status"_L1, noc::alertStatusName(status) },
                       { "by"_L1, QJsonValue::Null },
                       { "at"_L1, iso(at) } };
    if (inferred)
        line.insert("inferred"_L1, true); // gone from the open list: resolved or suppressed
    emitLine(line,
             inferred ? u"alert %1 left the open alerts (resolved or suppressed)"_s.arg(id)
                      : u"alert %1 is now %2"_s.arg(id, noc::alertStatusName(status)));
}
