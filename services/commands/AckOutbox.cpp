// SPDX-License-Identifier: MIT
#include "AckOutbox.h"

#include <QJsonArray>

namespace noc {

using namespace Qt::StringLiterals;

AckOutbox::AckOutbox(QString filePath) : m_store(std::move(filePath), tr("the acknowledgement outbox")) { }

bool AckOutbox::load()
{
    m_entries.clear();
    const DurableStore::Contents contents = m_store.open();
    m_lastError = contents.error;
    adopt(contents.document);
    return !m_lastError;
}

QStringList AckOutbox::retake()
{
    const std::optional<DurableStore::Contents> contents = m_store.retake();
    if (!contents)
        return {};
    const QStringList adopted = adopt(contents->document);
    if (save())
        m_lastError = contents->error;
    return adopted;
}

QStringList AckOutbox::adopt(const QJsonObject &document)
{
    QStringList adopted;
    const QJsonArray items = document.value("acks"_L1).toArray();
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        const QString id = o.value("alert_id"_L1).toString();
        if (id.isEmpty() || contains(id))
            continue;
        Entry entry;
        entry.alertId = id;
        entry.queuedAt = QDateTime::fromString(o.value("queued_at"_L1).toString(), Qt::ISODateWithMs);
        entry.strikes = o.value("strikes"_L1).toInt();
        m_entries.append(entry);
        adopted.append(id);
    }
    return adopted;
}

bool AckOutbox::save()
{
    if (!isPersistent())
        return true;
    QJsonArray items;
    for (const Entry &entry : std::as_const(m_entries)) {
        items.append(QJsonObject { { "alert_id"_L1, entry.alertId },
                                   { "queued_at"_L1, entry.queuedAt.toString(Qt::ISODateWithMs) },
                                   { "strikes"_L1, entry.strikes } });
    }
    m_lastError = m_store.save(QJsonObject { { "version"_L1, 1 }, { "acks"_L1, items } });
    return !m_lastError;
}

void AckOutbox::release(const QString &alertId)
{
    for (Entry &entry : m_entries) {
        if (entry.alertId == alertId)
            entry.inFlight = false;
    }
}

bool AckOutbox::add(const QString &alertId, const QDateTime &now)
{
    return !addMany({ alertId }, now).isEmpty();
}

QStringList AckOutbox::addMany(const QStringList &alertIds, const QDateTime &now)
{
    QStringList added;
    for (const QString &id : alertIds) {
        if (id.isEmpty() || contains(id))
            continue;
        m_entries.append(Entry { id, now, 0, false });
        added.append(id);
    }
    if (!added.isEmpty())
        save(); // once for a bulk acknowledgement of hundreds, not once per id
    return added;
}

QStringList AckOutbox::takeSendable(int limit)
{
    QStringList out;
    int inFlight = inFlightCount();
    for (Entry &entry : m_entries) {
        if (inFlight >= limit)
            break;
        if (entry.inFlight)
            continue;
        entry.inFlight = true;
        ++inFlight;
        out.append(entry.alertId);
    }
    return out;
}

bool AckOutbox::remove(const QString &alertId)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).alertId == alertId) {
            m_entries.removeAt(i);
            save();
            return true;
        }
    }
    return false;
}

QStringList AckOutbox::dropInFlight()
{
    QStringList ids;
    for (Entry &entry : m_entries) {
        if (entry.inFlight) {
            ids.append(entry.alertId);
            entry.inFlight = false;
        }
    }
    return ids;
}

QStringList AckOutbox::strikeInFlight(int maxStrikes)
{
    QStringList poisoned;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        Entry &entry = m_entries[i];
        if (!entry.inFlight)
            continue;
        entry.inFlight = false;
        if (++entry.strikes >= maxStrikes) {
            poisoned.prepend(entry.alertId);
            m_entries.removeAt(i);
        }
    }
    save();
    return poisoned;
}

bool AckOutbox::contains(const QString &alertId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(),
                       [&alertId](const Entry &entry) { return entry.alertId == alertId; });
}

int AckOutbox::inFlightCount() const
{
    return static_cast<int>(std::count_if(m_entries.cbegin(), m_entries.cend(),
                                          [](const Entry &entry) { return entry.inFlight; }));
}

QStringList AckOutbox::inFlightIds() const
{
    QStringList ids;
    for (const Entry &entry : m_entries) {
        if (entry.inFlight)
            ids.append(entry.alertId);
    }
    return ids;
}

QStringList AckOutbox::ids() const
{
    QStringList ids;
    for (const Entry &entry : m_entries)
        ids.append(entry.alertId);
    return ids;
}

} // namespace noc
