// SPDX-License-Identifier: MIT
#include "AlertRecordView.h"

#include "AlertLookup.h"

using namespace Qt::StringLiterals;

AlertRecordView::AlertRecordView(QObject *parent) : QObject(parent)
{
    static const noc::SystemClock systemClock;
    setClock(&systemClock);
}

AlertRecordView::~AlertRecordView() = default;

void AlertRecordView::setClock(const noc::Clock *clock)
{
    m_clock = clock;
}

void AlertRecordView::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    if (client) {
        connect(client, &noc::NocClient::alertDetailRead, this, &AlertRecordView::onDetail);
        connect(client, &noc::NocClient::alertLookupFailed, this, &AlertRecordView::onFailed);
        connect(client, &noc::NocClient::alertStatusChanged, this,
                [this](const QString &alertId) { onStatusChanged(alertId); });
        connect(client, &noc::NocClient::historyChanged, this, &AlertRecordView::update);
        connect(client, &noc::NocClient::stateChanged, this, &AlertRecordView::update);
    }
    Q_EMIT clientChanged();
    update();
}

void AlertRecordView::setAlerts(AlertModel *alerts)
{
    if (m_alerts == alerts)
        return;
    m_alerts = alerts;
    Q_EMIT alertsChanged();
}

void AlertRecordView::setAlertId(const QString &alertId)
{
    if (m_alertId == alertId)
        return;
    m_alertId = alertId;
    Q_EMIT alertIdChanged();
    update();
}

bool AlertRecordView::refused() const
{
    return m_client && m_client->historyState() == noc::NocClient::HistoryState::Unavailable;
}

void AlertRecordView::show(State state, const QString &reason)
{
    m_state = state;
    m_reason = reason;
    const auto known = m_known.constFind(m_alertId);
    const bool loaded = state == State::Loaded && known != m_known.constEnd();
    m_shown = loaded ? known->detail : noc::AlertRecordDetail {};
    m_readAt = loaded ? known->readAt : QDateTime();
    Q_EMIT changed();
}

void AlertRecordView::update()
{
    if (m_alertId.isEmpty() || !m_client) {
        show(State::Idle);
        return;
    }
    if (refused()) {
        show(State::Unavailable, m_client->historyReason());
        return;
    }
    const auto known = m_known.constFind(m_alertId);
    if (known == m_known.constEnd())
        show(State::Loading);
    else if (known->failure.isEmpty())
        show(State::Loaded);
    else
        show(State::Failed, known->failure);
    readIfDue();
}

void AlertRecordView::readIfDue()
{
    if (m_client->state() == noc::NocClient::ConnectionState::LoggedOut) {
        if (m_state == State::Loading)
            show(State::Failed, tr("Not signed in"));
        return; // signing in changes the state, and that asks again
    }
    // Nothing new to learn: read less than a minute ago, and its status has not changed since. Else
    // the client reads it, once a minute at most, after the read under way.
    const auto known = m_known.constFind(m_alertId);
    if (known != m_known.constEnd() && !known->outdated && known->failure.isEmpty()
        && m_clock->nowUtc() < known->readAt.addMSecs(noc::AlertLookup::kDetailIntervalMs))
        return;
    m_client->readAlertDetail(m_alertId);
}

void AlertRecordView::onDetail(const noc::AlertRecordDetail &detail)
{
    const QString id = detail.alert.id;
    m_known.insert(id, Known { detail, m_clock->nowUtc(), {}, false });
    if (m_alerts)
        m_alerts->setAssignee(id, detail.assignedTo);
    if (id == m_alertId)
        show(State::Loaded);
}

void AlertRecordView::onFailed(const QString &alertId, const QString &reason, bool historyRefused)
{
    if (alertId.isEmpty())
        return; // a list, not a record
    Known &known = m_known[alertId];
    known.failure = reason;
    known.readAt = m_clock->nowUtc();
    if (alertId != m_alertId)
        return;
    if (historyRefused)
        show(State::Unavailable, reason);
    else
        show(State::Failed, reason);
}

void AlertRecordView::onStatusChanged(const QString &alertId)
{
    const auto known = m_known.find(alertId);
    if (known == m_known.end())
        return;
    known->outdated = true;
    if (alertId == m_alertId && !refused())
        readIfDue();
}
