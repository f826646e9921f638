// SPDX-License-Identifier: MIT
#include "DashboardCommands.h"

#include "AckOutbox.h"
#include "ClientCommands.h"
#include "Clock.h"
#include "CommandPacer.h"
#include "LoggingCategories.h"
#include "SubscriptionSet.h"
#include "WebSocketChannel.h"

#include <QJsonDocument>

namespace noc {

namespace {
constexpr int kAckWindow = 10; // acks in flight at once in normal operation
constexpr int kPoisonStrikes = 3; // 1011 closes before an ack is declared poison
} // namespace

DashboardCommands::DashboardCommands(WebSocketChannel *dashboard, SubscriptionSet *subscriptions,
                                     const Clock *clock, QObject *parent)
    : QObject(parent)
    , m_dashboard(dashboard)
    , m_subscriptions(subscriptions)
    , m_clock(clock)
    , m_pacer(std::make_unique<CommandPacer>(clock))
    , m_outbox(std::make_unique<AckOutbox>())
{
    // Heartbeats count against the user's frame budget like any other frame.
    m_dashboard->setHeartbeatScheduler([this] {
        m_pacer->enqueue(CommandPacer::Priority::Heartbeat,
                         [this] { return m_dashboard->sendHeartbeatNow(); });
    });
}

DashboardCommands::~DashboardCommands()
{
    // The channel may be gone already (siblings under one parent die in creation order); if it is
    // not, it must not call back into this object.
    if (m_dashboard)
        m_dashboard->setHeartbeatScheduler({});
}

void DashboardCommands::setOutboxFile(const QString &path)
{
    m_outbox = std::make_unique<AckOutbox>(path);
    if (!path.isEmpty())
        m_outbox->load();
    if (m_outbox->size() > 0) {
        qCInfo(lcCommands) << m_outbox->size() << "acknowledgements waiting from an earlier run";
        for (const QString &id : m_outbox->ids())
            Q_EMIT acknowledgementPending(id);
    }
    Q_EMIT pendingChanged();
}

void DashboardCommands::setFrameBudget(int maxFrames, qint64 windowMs)
{
    m_pacer->setBudget(maxFrames, windowMs);
}

void DashboardCommands::onLive()
{
    m_live = true;
    retakeOutbox();
    sendSubscriptions();
    pumpAcks();
}

void DashboardCommands::onStopped()
{
    m_live = false;
    m_pacer->clear();
    m_outbox->dropInFlight();
    m_subscriptions->resetStatuses();
}

void DashboardCommands::releaseQueued()
{
    // Scheduled but never sent: not in flight after all.
    for (const QString &tag : m_pacer->queuedTags())
        m_outbox->release(tag);
    m_pacer->clear();
}

bool DashboardCommands::onClosed(bool serverError)
{
    m_live = false;
    releaseQueued();
    m_subscriptions->resetStatuses();
    if (!serverError)
        return !m_outbox->dropInFlight().isEmpty();
    // The server closes with 1011 when a handler raises, e.g. on an unknown alert id. A command in
    // flight at such a close is a suspect; one that keeps causing it is poison and must not be sent
    // forever. Until the next success, send acks one at a time to tell the guilty from the innocent.
    const int inFlight = m_outbox->inFlightCount();
    const QStringList poisoned = m_outbox->strikeInFlight(kPoisonStrikes);
    if (inFlight > 0)
        m_suspectMode = true;
    for (const QString &id : poisoned) {
        qCWarning(lcCommands) << "acknowledgement of" << id
                              << "makes the server close the connection; giving up";
        Q_EMIT acknowledgementFailed(
            id, tr("The server closes the connection whenever this alert is acknowledged (unknown alert?)"));
    }
    if (!poisoned.isEmpty())
        Q_EMIT pendingChanged();
    return inFlight > 0;
}

void DashboardCommands::onAcknowledged(const QString &alertId)
{
    if (m_outbox->remove(alertId)) {
        m_suspectMode = false;
        Q_EMIT acknowledgementConfirmed(alertId, m_clock->nowUtc());
        Q_EMIT pendingChanged();
    }
    pumpAcks();
}

void DashboardCommands::onSubscribed(const QString &clientId)
{
    m_subscriptions->noteConfirmed(clientId);
}

void DashboardCommands::onServerError(const ServerErrorEvent &error)
{
    switch (error.topic) {
    case ServerErrorTopic::Acknowledgement: {
        // The server answers in order: an error about an ack is about the oldest one in flight.
        const QStringList inFlight = m_outbox->inFlightIds();
        if (!inFlight.isEmpty())
            failAck(inFlight.constFirst(), error.message);
        pumpAcks();
        return;
    }
    case ServerErrorTopic::Subscription:
        m_subscriptions->noteRefusedOldest(error.message);
        return;
    case ServerErrorTopic::None:
        break;
    }
    if (error.kind == ServerErrorKind::RateLimited) {
        // Someone else spends this user's budget too (another client). We cannot know which frame was
        // dropped: pause for a window and send every unanswered ack again (acks are idempotent).
        m_pacer->backOffForWindow();
        releaseQueued();
        m_outbox->dropInFlight();
        sendSubscriptions();
        pumpAcks();
    }
}

void DashboardCommands::failAck(const QString &alertId, const QString &reason)
{
    if (!m_outbox->remove(alertId))
        return;
    qCWarning(lcCommands) << "acknowledgement of" << alertId << "failed:" << reason;
    Q_EMIT acknowledgementFailed(alertId, reason);
    Q_EMIT pendingChanged();
}

void DashboardCommands::sendSubscription(const QString &clientId)
{
    m_pacer->enqueue(CommandPacer::Priority::Subscription, [this, clientId] {
        if (!m_subscriptions->contains(clientId)
            || !m_dashboard->sendFrame(commands::subscribeClient(clientId)))
            return false;
        m_subscriptions->noteSent(clientId);
        return true;
    });
}

void DashboardCommands::sendSubscriptions()
{
    m_subscriptions->resetStatuses();
    for (const QString &clientId : m_subscriptions->ids())
        sendSubscription(clientId);
}

void DashboardCommands::subscribe(const QString &clientId)
{
    if (m_live && m_subscriptions->contains(clientId))
        sendSubscription(clientId);
}

void DashboardCommands::pumpAcks()
{
    if (!m_live)
        return;
    const int window = m_suspectMode ? 1 : kAckWindow;
    for (const QString &id : m_outbox->takeSendable(window)) {
        m_pacer->enqueue(
            CommandPacer::Priority::Command,
            [this, id] {
                if (m_dashboard->sendFrame(commands::acknowledgeAlert(id)))
                    return true;
                m_outbox->release(id);
                return false;
            },
            id);
    }
}

void DashboardCommands::retakeOutbox()
{
    if (m_outbox->isPersistent())
        return; // the common case: nothing to take over
    const QStringList adopted = m_outbox->retake();
    if (!m_outbox->isPersistent())
        return;
    for (const QString &id : adopted)
        Q_EMIT acknowledgementPending(id);
    Q_EMIT pendingChanged(); // the shared note is gone too
}

void DashboardCommands::acknowledge(const QStringList &alertIds)
{
    retakeOutbox();
    const QStringList added = m_outbox->addMany(alertIds, m_clock->nowUtc());
    for (const QString &id : added)
        Q_EMIT acknowledgementPending(id);
    if (!added.isEmpty())
        Q_EMIT pendingChanged();
    pumpAcks();
}

void DashboardCommands::requestMetrics(const QString &clientId)
{
    if (clientId.isEmpty())
        return;
    m_pacer->enqueue(CommandPacer::Priority::Command,
                     [this, clientId] { return m_dashboard->sendFrame(commands::requestMetrics(clientId)); });
}

bool DashboardCommands::sendRaw(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return false;
    const QByteArray compact = document.toJson(QJsonDocument::Compact);
    m_pacer->enqueue(CommandPacer::Priority::Command,
                     [this, compact] { return m_dashboard->sendFrame(compact); });
    return true;
}

int DashboardCommands::pendingCount() const
{
    return m_outbox->size();
}

QStringList DashboardCommands::pendingIds() const
{
    return m_outbox->ids();
}

QString DashboardCommands::sharedNote() const
{
    return m_outbox->sharedNote();
}

} // namespace noc
