// SPDX-License-Identifier: MIT
#include "SubscriptionSet.h"

#include "LoggingCategories.h"
#include "StateFiles.h"

#include <QJsonArray>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

SubscriptionSet::SubscriptionSet(QObject *parent) : QObject(parent) { }

void SubscriptionSet::setStateFile(const QString &path)
{
    m_path = path;
    load();
}

void SubscriptionSet::load()
{
    if (m_path.isEmpty())
        return;
    const auto document = state::readJson(m_path);
    if (!document || !document->isObject()) {
        save(); // the first run here: what the set holds (a preset's seed) becomes the operator's
        return;
    }
    // What the operator chose last time wins over a seed: removed clients stay removed.
    QStringList ids;
    for (const QJsonValue &value : document->object().value("clients"_L1).toArray())
        ids.append(value.toString());
    replace(ids);
}

void SubscriptionSet::save() const
{
    if (m_path.isEmpty())
        return;
    QString error;
    const QJsonDocument document(QJsonObject { { "clients"_L1, QJsonArray::fromStringList(ids()) } });
    if (!state::writeJsonAtomically(m_path, document, &error))
        qCWarning(lcCommands) << "cannot save the subscriptions:" << error;
}

void SubscriptionSet::replace(const QStringList &clientIds)
{
    QStringList unique;
    for (const QString &id : clientIds) {
        if (!id.isEmpty() && !unique.contains(id))
            unique.append(id);
    }
    if (unique == ids())
        return;
    QList<Entry> entries;
    for (const QString &id : std::as_const(unique)) {
        const qsizetype known = indexOf(id);
        entries.append(known >= 0 ? m_entries.at(known) : Entry { id, Status::Waiting, {} });
    }
    m_entries = entries;
    save();
    Q_EMIT changed();
}

bool SubscriptionSet::add(const QString &clientId)
{
    if (clientId.isEmpty() || indexOf(clientId) >= 0)
        return false;
    m_entries.append(Entry { clientId, Status::Waiting, {} });
    save();
    Q_EMIT changed();
    return true;
}

bool SubscriptionSet::remove(const QString &clientId)
{
    const qsizetype index = indexOf(clientId);
    if (index < 0)
        return false;
    m_entries.removeAt(index);
    m_sentOrder.removeAll(clientId);
    save();
    Q_EMIT changed();
    return true;
}

QStringList SubscriptionSet::ids() const
{
    QStringList result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.clientId);
    return result;
}

bool SubscriptionSet::contains(const QString &clientId) const
{
    return indexOf(clientId) >= 0;
}

SubscriptionSet::Status SubscriptionSet::status(const QString &clientId) const
{
    const qsizetype index = indexOf(clientId);
    return index < 0 ? Status::Waiting : m_entries.at(index).status;
}

QString SubscriptionSet::reason(const QString &clientId) const
{
    const qsizetype index = indexOf(clientId);
    return index < 0 ? QString() : m_entries.at(index).reason;
}

void SubscriptionSet::resetStatuses()
{
    m_sentOrder.clear();
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        setStatus(i, Status::Waiting);
}

void SubscriptionSet::noteSent(const QString &clientId)
{
    const qsizetype index = indexOf(clientId);
    if (index < 0)
        return;
    m_sentOrder.append(clientId);
    setStatus(index, Status::Sent);
}

void SubscriptionSet::noteConfirmed(const QString &clientId)
{
    m_sentOrder.removeOne(clientId);
    const qsizetype index = indexOf(clientId);
    if (index >= 0)
        setStatus(index, Status::Confirmed);
}

QString SubscriptionSet::noteRefusedOldest(const QString &reason)
{
    if (m_sentOrder.isEmpty())
        return {};
    const QString clientId = m_sentOrder.takeFirst();
    const qsizetype index = indexOf(clientId);
    if (index >= 0)
        setStatus(index, Status::Refused, reason);
    return clientId;
}

qsizetype SubscriptionSet::indexOf(const QString &clientId) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).clientId == clientId)
            return i;
    }
    return -1;
}

void SubscriptionSet::setStatus(qsizetype index, Status status, const QString &reason)
{
    Entry &entry = m_entries[index];
    if (entry.status == status && entry.reason == reason)
        return;
    entry.status = status;
    entry.reason = reason;
    Q_EMIT statusChanged(entry.clientId);
}

} // namespace noc
