// SPDX-License-Identifier: MIT
#include "AckOutbox.h"

#include "LoggingCategories.h"
#include "StateFiles.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>

namespace noc {

using namespace Qt::StringLiterals;

AckOutbox::AckOutbox(QString filePath) : m_filePath(std::move(filePath)) { }

AckOutbox::~AckOutbox() = default;

bool AckOutbox::isPersistent() const
{
    return m_lock && m_lock->isLocked();
}

bool AckOutbox::tryLock()
{
    if (!m_lock) {
        state::ensureDirectoryFor(m_filePath);
        m_lock = std::make_unique<QLockFile>(m_filePath + u".lock"_s);
        // Held for the life of the process: stale only when its owner is gone, never by age.
        m_lock->setStaleLockTime(0);
    }
    if (m_lock->isLocked() || m_lock->tryLock(0)) {
        m_sharedNote.clear();
        return true;
    }
    qint64 pid = 0;
    QString host;
    QString application;
    m_lock->getLockInfo(&pid, &host, &application);
    // The lock file is named: a lock left on a shared home directory by a machine that died is
    // never stale to this one, and a person has to remove it.
    m_sharedNote = m_lock->error() == QLockFile::LockFailedError
        ? QCoreApplication::translate("AckOutbox",
                                      "the acknowledgement outbox is in use by %1 (pid %2 on %3, lock %4): "
                                      "acknowledgements queued here are kept in memory only, and sent "
                                      "while this program runs")
              .arg(application.isEmpty() ? QCoreApplication::translate("AckOutbox", "another program")
                                         : application,
                   QString::number(pid), host.isEmpty() ? u"?"_s : host, m_lock->fileName())
        : QCoreApplication::translate("AckOutbox",
                                      "the acknowledgement outbox %1 cannot be locked: acknowledgements "
                                      "queued here are kept in memory only")
              .arg(m_filePath);
    return false;
}

bool AckOutbox::load()
{
    m_entries.clear();
    if (m_filePath.isEmpty())
        return true;
    if (!tryLock()) {
        qCWarning(lcSession) << m_sharedNote;
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
