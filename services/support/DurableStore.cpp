// SPDX-License-Identifier: MIT
#include "DurableStore.h"

#include "LoggingCategories.h"
#include "StateFiles.h"

#include <QFile>
#include <QJsonDocument>
#include <QLockFile>

namespace noc {

using namespace Qt::StringLiterals;

QString StoreError::message() const
{
    switch (kind) {
    case Kind::Unreadable:
        return asidePath.isEmpty()
            ? DurableStore::tr("%1 cannot be read (%2) nor moved aside: the next change replaces it")
                  .arg(filePath, detail)
            : DurableStore::tr("%1 cannot be read (%2): it was kept as %3, and nothing in it is sent")
                  .arg(filePath, detail, asidePath);
    case Kind::WriteFailed:
        return DurableStore::tr("%1 cannot be written (%2): the latest changes are kept in memory only")
            .arg(filePath, detail);
    }
    return {};
}

DurableStore::DurableStore(QString filePath, QString what)
    : m_filePath(std::move(filePath)), m_what(std::move(what))
{ }

DurableStore::~DurableStore() = default;

bool DurableStore::isPersistent() const
{
    return m_lock && m_lock->isLocked();
}

bool DurableStore::take()
{
    if (!m_lock) {
        state::ensureDirectoryFor(m_filePath);
        m_lock = std::make_unique<QLockFile>(m_filePath + u".lock"_s);
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
    // The lock file is named: a person may have to remove it (see the class comment).
    m_sharedNote = m_lock->error() == QLockFile::LockFailedError
        ? tr("%1 is in use by %2 (pid %3 on %4, lock %5): what is queued here is kept in memory only, and "
             "sent while this program runs")
              .arg(m_what, application.isEmpty() ? tr("another program") : application, QString::number(pid),
                   host.isEmpty() ? u"?"_s : host, m_lock->fileName())
        : tr("%1 (%2) cannot be locked: what is queued here is kept in memory only").arg(m_what, m_filePath);
    return false;
}

DurableStore::Contents DurableStore::open()
{
    if (m_filePath.isEmpty())
        return {};
    if (!take()) {
        qCWarning(lcStore).noquote() << m_sharedNote;
        return {};
    }
    return read();
}

std::optional<DurableStore::Contents> DurableStore::retake()
{
    if (m_filePath.isEmpty() || isPersistent() || !take())
        return std::nullopt;
    qCInfo(lcStore) << "took over" << m_filePath << "from a program that ended: it is kept on disk again";
    return read();
}

DurableStore::Contents DurableStore::read()
{
    QFile file(m_filePath);
    if (!file.exists())
        return {};
    QString detail;
    if (file.open(QIODevice::ReadOnly)) {
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (document.isObject())
            return { document.object(), std::nullopt };
        detail = parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                              : u"not a JSON object"_s;
        file.close();
    } else {
        detail = file.errorString();
    }
    // Keep the evidence for a person to look at, and start empty rather than refuse to run.
    StoreError error { StoreError::Kind::Unreadable, m_filePath, m_filePath + u".unreadable"_s, detail };
    QFile::remove(error.asidePath);
    if (!QFile::rename(m_filePath, error.asidePath))
        error.asidePath.clear();
    qCWarning(lcStore) << "state file" << m_filePath << "unreadable:" << detail << "- moved to"
                       << error.asidePath;
    return { {}, error };
}

std::optional<StoreError> DurableStore::save(const QJsonObject &document)
{
    if (!isPersistent())
        return std::nullopt;
    ++m_writes;
    QString detail;
    if (state::writeJsonAtomically(m_filePath, QJsonDocument(document), &detail))
        return std::nullopt;
    qCWarning(lcStore) << "cannot write" << m_filePath << detail;
    return StoreError { StoreError::Kind::WriteFailed, m_filePath, {}, detail };
}

} // namespace noc
