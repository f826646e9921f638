// SPDX-License-Identifier: MIT
#include "PresenceModel.h"

using namespace Qt::StringLiterals;

namespace {
const QString kSelfId = u"self"_s;

QString selfState(noc::NocClient::ConnectionState state)
{
    using S = noc::NocClient::ConnectionState;
    switch (state) {
    case S::Connected:
        return u"online"_s;
    case S::LoggedOut:
    case S::Failed:
        return u"offline"_s;
    default:
        return u"connecting"_s;
    }
}
} // namespace

PresenceModel::PresenceModel(QObject *parent) : QAbstractListModel(parent) { }

void PresenceModel::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    beginResetModel();
    m_rows.clear();
    if (client) {
        m_rows.append(Row { kSelfId,
                            client->username(),
                            selfState(client->state()),
                            {},
                            QDateTime::currentDateTimeUtc(),
                            true });
        connect(client, &noc::NocClient::userStatusReceived, this, &PresenceModel::applyStatus);
        connect(client, &noc::NocClient::stateChanged, this, &PresenceModel::refreshSelf);
        connect(client, &noc::NocClient::profileChanged, this, &PresenceModel::refreshSelf);
    }
    endResetModel();
    Q_EMIT countChanged();
    Q_EMIT clientChanged();
}

int PresenceModel::onlineCount() const
{
    int online = 0;
    for (const Row &row : m_rows) {
        if (row.state.compare(u"offline"_s, Qt::CaseInsensitive) != 0)
            ++online;
    }
    return online;
}

int PresenceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant PresenceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case UsernameRole:
        return row.username.isEmpty() ? row.userId : row.username;
    case UserIdRole:
        return row.userId;
    case StateRole:
        return row.state;
    case LastSeenRole:
        return row.lastSeen;
    case UpdatedAtRole:
        return row.updatedAt;
    case IsSelfRole:
        return row.self;
    default:
        return {};
    }
}

QHash<int, QByteArray> PresenceModel::roleNames() const
{
    return {
        { UserIdRole, "userId" },     { UsernameRole, "username" },   { StateRole, "state" },
        { LastSeenRole, "lastSeen" }, { UpdatedAtRole, "updatedAt" }, { IsSelfRole, "isSelf" },
    };
}

int PresenceModel::rowOfUser(const QString &userId) const
{
    for (qsizetype i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).self && m_rows.at(i).userId == userId)
            return static_cast<int>(i);
    }
    return -1;
}

void PresenceModel::applyStatus(const noc::UserStatusEvent &status)
{
    if (status.userId.isEmpty())
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const int existing = rowOfUser(status.userId);
    if (existing >= 0) {
        Row &row = m_rows[existing];
        if (!status.username.isEmpty())
            row.username = status.username;
        row.state = status.state.isEmpty() ? row.state : status.state.toLower();
        if (status.lastSeen.isValid())
            row.lastSeen = status.lastSeen;
        row.updatedAt = now;
        const QModelIndex changed = index(existing);
        Q_EMIT dataChanged(changed, changed);
        Q_EMIT countChanged(); // the online count may have moved
        return;
    }
    const int at = static_cast<int>(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(
        Row { status.userId, status.username, status.state.toLower(), status.lastSeen, now, false });
    endInsertRows();
    Q_EMIT countChanged();
}

void PresenceModel::refreshSelf()
{
    if (!m_client || m_rows.isEmpty() || !m_rows.constFirst().self)
        return;
    Row &self = m_rows.first();
    const QString state = selfState(m_client->state());
    if (self.state == state && self.username == m_client->username())
        return;
    self.state = state;
    self.username = m_client->username();
    self.updatedAt = QDateTime::currentDateTimeUtc();
    if (state == u"online"_s)
        self.lastSeen = self.updatedAt;
    Q_EMIT dataChanged(index(0), index(0));
    Q_EMIT countChanged();
}
