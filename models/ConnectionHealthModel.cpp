// SPDX-License-Identifier: MIT
#include "ConnectionHealthModel.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int kRefreshIntervalMs = 500;

bool sameHealth(const noc::ChannelHealth &a, const noc::ChannelHealth &b)
{
    return a.name == b.name && a.path == b.path && a.state == b.state && a.stateSince == b.stateSince
        && a.rttLastMs == b.rttLastMs && a.rttP50Ms == b.rttP50Ms && a.rttP95Ms == b.rttP95Ms
        && a.uptimeSeconds == b.uptimeSeconds && a.reconnects == b.reconnects && a.framesIn == b.framesIn
        && a.framesOut == b.framesOut && a.errors == b.errors && a.lastInboundAgeMs == b.lastInboundAgeMs
        && a.score == b.score && a.stale == b.stale;
}
} // namespace

ConnectionHealthModel::ConnectionHealthModel(QObject *parent) : QAbstractListModel(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kRefreshIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, &ConnectionHealthModel::refresh);
}

void ConnectionHealthModel::setClient(noc::NocClient *client)
{
    if (!m_client.follow(client, this))
        return;
    if (client) {
        const auto later = [this] {
            if (m_active && !m_throttle.isActive())
                m_throttle.start();
        };
        connect(client, &noc::NocClient::healthChanged, this, later);
        // A state change is rare and is what the operator looks for: no throttle (a card said
        // "closed" for a second after the pill already said "Live").
        connect(client, &noc::NocClient::stateChanged, this, &ConnectionHealthModel::refresh);
    }
    refresh();
    Q_EMIT clientChanged();
}

void ConnectionHealthModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    if (active)
        refresh();
    else
        m_throttle.stop();
    Q_EMIT activeChanged();
}

int ConnectionHealthModel::worstScore() const
{
    int worst = -1;
    for (const noc::ChannelHealth &row : m_rows)
        worst = worst < 0 ? row.score : qMin(worst, row.score);
    return worst;
}

int ConnectionHealthModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant ConnectionHealthModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const noc::ChannelHealth &h = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return h.name;
    case PathRole:
        return h.path;
    case StateRole:
        return static_cast<int>(h.state);
    case StateSinceRole:
        return h.stateSince;
    case RttLastRole:
        return h.rttLastMs;
    case RttP50Role:
        return h.rttP50Ms;
    case RttP95Role:
        return h.rttP95Ms;
    case UptimeSecondsRole:
        return h.uptimeSeconds;
    case ReconnectsRole:
        return h.reconnects;
    case FramesInRole:
        return h.framesIn;
    case FramesOutRole:
        return h.framesOut;
    case ErrorsRole:
        return h.errors;
    case LastInboundAgeRole:
        return h.lastInboundAgeMs;
    case ScoreRole:
        return h.score;
    case StaleRole:
        return h.stale;
    default:
        return {};
    }
}

QHash<int, QByteArray> ConnectionHealthModel::roleNames() const
{
    return {
        { NameRole, "name" },
        { PathRole, "path" },
        { StateRole, "channelState" },
        { StateSinceRole, "stateSince" },
        { RttLastRole, "rttLastMs" },
        { RttP50Role, "rttP50Ms" },
        { RttP95Role, "rttP95Ms" },
        { UptimeSecondsRole, "uptimeSeconds" },
        { ReconnectsRole, "reconnects" },
        { FramesInRole, "framesIn" },
        { FramesOutRole, "framesOut" },
        { ErrorsRole, "errors" },
        { LastInboundAgeRole, "lastInboundAgeMs" },
        { ScoreRole, "score" },
        { StaleRole, "stale" },
    };
}

void ConnectionHealthModel::refresh()
{
    m_throttle.stop();
    if (!m_client) {
        setHealth({});
        return;
    }
    setHealth(m_client->channelHealth());
}

void ConnectionHealthModel::setHealth(const QList<noc::ChannelHealth> &channels)
{
    bool countMoved = false;
    // Drop channels that went away.
    for (qsizetype i = m_rows.size() - 1; i >= 0; --i) {
        const QString &name = m_rows.at(i).name;
        const bool kept = std::any_of(channels.cbegin(), channels.cend(),
                                      [&](const noc::ChannelHealth &c) { return c.name == name; });
        if (!kept) {
            beginRemoveRows({}, static_cast<int>(i), static_cast<int>(i));
            m_rows.removeAt(i);
            endRemoveRows();
            countMoved = true;
        }
    }
    for (const noc::ChannelHealth &channel : channels) {
        const auto it = std::find_if(m_rows.begin(), m_rows.end(),
                                     [&](const noc::ChannelHealth &row) { return row.name == channel.name; });
        if (it == m_rows.end()) {
            const int at = static_cast<int>(m_rows.size());
            beginInsertRows({}, at, at);
            m_rows.append(channel);
            endInsertRows();
            countMoved = true;
            continue;
        }
        if (sameHealth(*it, channel))
            continue;
        const int scoreBefore = it->score;
        *it = channel;
        const QModelIndex changed = index(static_cast<int>(it - m_rows.begin()));
        Q_EMIT dataChanged(changed, changed);
        countMoved = countMoved || scoreBefore != channel.score;
    }
    if (countMoved)
        Q_EMIT countChanged();
}
