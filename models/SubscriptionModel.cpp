// SPDX-License-Identifier: MIT
#include "SubscriptionModel.h"

#include "SubscriptionSet.h"

static_assert(int(SubscriptionModel::Refused) == int(noc::SubscriptionSet::Status::Refused));

SubscriptionModel::SubscriptionModel(QObject *parent) : QAbstractListModel(parent) { }

noc::SubscriptionSet *SubscriptionModel::set() const
{
    return m_client ? m_client->subscriptionSet() : nullptr;
}

void SubscriptionModel::setClient(noc::NocClient *client)
{
    if (m_client == client)
        return;
    if (noc::SubscriptionSet *old = set())
        old->disconnect(this);
    m_client = client;
    if (noc::SubscriptionSet *subscriptions = set()) {
        connect(subscriptions, &noc::SubscriptionSet::changed, this, &SubscriptionModel::reload);
        connect(subscriptions, &noc::SubscriptionSet::statusChanged, this,
                &SubscriptionModel::onStatusChanged);
    }
    reload();
    Q_EMIT clientChanged();
}

void SubscriptionModel::reload()
{
    const noc::SubscriptionSet *subscriptions = set();
    const QStringList ids = subscriptions ? subscriptions->ids() : QStringList();
    if (ids == m_ids)
        return;
    beginResetModel();
    m_ids = ids;
    endResetModel();
    Q_EMIT countChanged();
}

void SubscriptionModel::onStatusChanged(const QString &clientId)
{
    const qsizetype row = m_ids.indexOf(clientId);
    if (row < 0)
        return;
    const QModelIndex changed = index(static_cast<int>(row));
    Q_EMIT dataChanged(changed, changed, { StatusRole, ReasonRole });
}

int SubscriptionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant SubscriptionModel::data(const QModelIndex &index, int role) const
{
    const noc::SubscriptionSet *subscriptions = set();
    if (!subscriptions
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QString &id = m_ids.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ClientIdRole:
        return id;
    case StatusRole:
        return static_cast<int>(subscriptions->status(id));
    case ReasonRole:
        return subscriptions->reason(id);
    default:
        return {};
    }
}

QHash<int, QByteArray> SubscriptionModel::roleNames() const
{
    return { { ClientIdRole, "clientId" }, { StatusRole, "status" }, { ReasonRole, "reason" } };
}

void SubscriptionModel::subscribe(const QString &clientId)
{
    if (m_client)
        m_client->subscribe(clientId.trimmed());
}

void SubscriptionModel::unsubscribe(const QString &clientId)
{
    if (m_client)
        m_client->unsubscribe(clientId);
}
