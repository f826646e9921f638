// SPDX-License-Identifier: MIT
#include "AckOutbox.h"

#include "LoggingCategories.h"
#include "StateFileLock.h"
#include "StateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace noc {

using namespace Qt::StringLiterals;

AckOutbox::AckOutbox(QString filePath) : m_filePath(std::move(filePath)) { }

AckOutbox::~AckOutbox() = default;

bool AckOutbox::isPersistent() const
{
    return m_lock && m_lock->isHeld();
}

QString AckOutbox::sharedNote() const
{
    return m_lock ? m_lock->sharedNote() : QString();
}

bool AckOutbox::tryLock()
{
    if (!m_lock) {
        m_lock = std::make_unique<StateFileLock>(
            m_filePath, QCoreApplication::translate("AckOutbox", "the acknowledgement outbox"));
    }
    return m_lock->tryTake();
}

bool AckOutbox::load()
{
    m_entries.clear();
    if (m_filePath.isEmpty())
        return true;
    if (!tryLock()) {
        qCWarning(lcSession) << sharedNote();
        return true;
    }
    const auto document = state::readJson(m_filePath, &m_lastError);
    if (document && !document->isObject()) {
        // Keep the evidence for a person to look at, and start empty rather than refuse to run.
        const QString aside = m_filePath + u".unreadable"_s;
        QFile::remove(aside);
        QFile::rename(m_filePath, aside);
        m_lastError = u"outbox unreadable, moved to "_s + aside;
        qCWarning(lcSession) << m_lastError;
        return false;
    }
    if (document)
        adopt(*document);
    return true;
}

QStringList AckOutbox::retake()
{
    if (m_filePath.isEmpty() || isPersistent() || !tryLock())
        return {};
    qCInfo(lcSession) << "the acknowledgement outbox is free again: acknowledgements are kept on disk";
    const auto document = state::readJson(m_filePath, &m_lastError);
    const QStringList adopted = document ? adopt(*document) : QStringList();
    save();
    return adopted;
}

QStringList AckOutbox::adopt(const QJsonDocument &document)
{
    QStringList adopted;
    const QJsonArray items = document.object().value("acks"_L1).toArray();
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
    const QJsonDocument document(QJsonObject { { "version"_L1, 1 }, { "acks"_L1, items } });
    ++m_writes;
    if (!state::writeJsonAtomically(m_filePath, document, &m_lastError)) {
        qCWarning(lcSession) << "cannot write the acknowledgement outbox" << m_filePath << m_lastError;
        return false;
    }
    return true;
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
