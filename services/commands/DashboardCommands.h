// SPDX-License-Identifier: MIT
#pragma once

#include "ServerEvent.h"
#include "WebSocketChannel.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

namespace noc {

class AckOutbox;
class Clock;
class CommandPacer;
class SubscriptionSet;

// Everything this client says on the dashboard socket, and what becomes of it: heartbeats, the
// subscription set, acknowledgements (durable outbox, a window in flight, poison after repeated 1011
// closes) and the odd request, all through one pacer that keeps the user below the server's budget.
// It never decides about the connection: the session tells it when the socket is live and how it ended.
class DashboardCommands : public QObject
{
    Q_OBJECT

public:
    DashboardCommands(WebSocketChannel *dashboard, SubscriptionSet *subscriptions, const Clock *clock,
                      QObject *parent = nullptr);
    ~DashboardCommands() override;

    // Where acknowledgements wait between runs (shared with nocctl). Empty: memory only.
    void setOutboxFile(const QString &path);
    void setFrameBudget(int maxFrames, qint64 windowMs);

    // The socket is live: take the outbox over if its owner left, subscribe, send what waits.
    void onLive();
    // The server ended the socket; serverError (1011) makes the acks in flight suspects. Returns
    // whether commands of ours were in flight (then a 1011 may be our own doing).
    bool onClosed(bool serverError);
    // This side closed it (stop, reconnect): nothing in flight, nothing queued.
    void onStopped();
    void onAcknowledged(const QString &alertId);
    void onSubscribed(const QString &clientId);
    void onServerError(const ServerErrorEvent &error);

    // Queued durably (one write for the whole list) and sent when live.
    void acknowledge(const QStringList &alertIds);
    // Sends a new member of the subscription set at once when live.
    void subscribe(const QString &clientId);
    void requestMetrics(const QString &clientId);
    // A frame the operator typed in Diagnostics; false when it is not a JSON object.
    bool sendRaw(const QByteArray &json);

    [[nodiscard]] int pendingCount() const;
    [[nodiscard]] QStringList pendingIds() const;
    [[nodiscard]] QString sharedNote() const;

Q_SIGNALS:
    void acknowledgementPending(const QString &alertId);
    void acknowledgementConfirmed(const QString &alertId, const QDateTime &at);
    void acknowledgementFailed(const QString &alertId, const QString &reason);
    // The outbox changed size, or its shared note changed.
    void pendingChanged();

private:
    void retakeOutbox();
    void sendSubscription(const QString &clientId);
    void sendSubscriptions();
    void pumpAcks();
    void releaseQueued();
    void failAck(const QString &alertId, const QString &reason);

    QPointer<WebSocketChannel> m_dashboard;
    SubscriptionSet *m_subscriptions;
    const Clock *m_clock;
    std::unique_ptr<CommandPacer> m_pacer;
    std::unique_ptr<AckOutbox> m_outbox;
    bool m_live = false;
    bool m_suspectMode = false; // after a 1011 with acks in flight: one at a time until one succeeds
};

} // namespace noc
