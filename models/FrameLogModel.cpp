// SPDX-License-Identifier: MIT
#include "FrameLogModel.h"

using namespace Qt::StringLiterals;

namespace {
constexpr int kFlushIntervalMs = 250;
}

FrameLogModel::FrameLogModel(QObject *parent) : QAbstractListModel(parent)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(kFlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &FrameLogModel::flush);
}

void FrameLogModel::setClient(noc::NocClient *client)
{
    if (m_client == client)
        return;
    listen(false);
    m_client = client;
    listen(m_active);
    Q_EMIT clientChanged();
}

void FrameLogModel::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    listen(active);
    if (active)
        flush();
    Q_EMIT activeChanged();
}

void FrameLogModel::listen(bool on)
{
    if (!on || !m_client) {
        // Disconnecting the last listener is what tells the engine to stop redacting frames.
        disconnect(m_listening);
        m_listening = {};
        return;
    }
    if (!m_listening)
        m_listening = connect(m_client, &noc::NocClient::frameLogged, this, &FrameLogModel::append);
}

void FrameLogModel::setCapacity(int capacity)
{
    capacity = qMax(1, capacity);
    if (m_capacity == capacity)
        return;
    m_capacity = capacity;
    if (m_rows.size() > m_capacity) {
        const qsizetype excess = m_rows.size() - m_capacity;
        beginRemoveRows({}, m_capacity, static_cast<int>(m_rows.size()) - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
        Q_EMIT countChanged();
    }
    Q_EMIT capacityChanged();
}

void FrameLogModel::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
    Q_EMIT pausedChanged();
}

int FrameLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant FrameLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const noc::FrameRecord &frame = m_rows.at(m_rows.size() - 1 - index.row());
    switch (role) {
    case DirectionRole:
        return static_cast<int>(frame.direction);
    case ChannelRole:
        return frame.channel;
    case AtRole:
        return frame.at;
    case Qt::DisplayRole:
    case TextRole:
        return frame.text;
    default:
        return {};
    }
}

QHash<int, QByteArray> FrameLogModel::roleNames() const
{
    return {
        { DirectionRole, "direction" }, { ChannelRole, "channel" }, { AtRole, "at" }, { TextRole, "text" }
    };
}

void FrameLogModel::append(const noc::FrameRecord &frame)
{
    ++m_total;
    m_pending.append(frame);
    // Only the newest `capacity` can ever be shown: never hold more than that.
    if (m_pending.size() > 2 * m_capacity)
        m_pending.remove(0, m_pending.size() - m_capacity);
    if (!m_paused && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void FrameLogModel::flush()
{
    m_flushTimer.stop();
    if (m_paused || m_pending.isEmpty())
        return;
    QList<noc::FrameRecord> batch;
    batch.swap(m_pending);
    if (batch.size() > m_capacity)
        batch.remove(0, batch.size() - m_capacity);
    const int added = static_cast<int>(batch.size());
    beginInsertRows({}, 0, added - 1);
    m_rows.append(batch);
    endInsertRows();
    if (m_rows.size() > m_capacity) {
        const qsizetype excess = m_rows.size() - m_capacity;
        beginRemoveRows({}, m_capacity, static_cast<int>(m_rows.size()) - 1);
        m_rows.remove(0, excess);
        endRemoveRows();
    }
    Q_EMIT countChanged();
}

void FrameLogModel::clear()
{
    m_pending.clear();
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    Q_EMIT countChanged();
}

QString FrameLogModel::toText() const
{
    QString text;
    for (const noc::FrameRecord &frame : m_rows) {
        text += frame.at.toString(Qt::ISODateWithMs) + u' '
            + (frame.direction == noc::FrameRecord::Direction::In ? u"<- "_s : u"-> "_s) + frame.channel
            + u' ' + frame.text + u'\n';
    }
    return text;
}
