// SPDX-License-Identifier: MIT
#include "StateFileLock.h"

#include "StateFiles.h"

#include <QCoreApplication>
#include <QLockFile>

namespace noc {

using namespace Qt::StringLiterals;

StateFileLock::StateFileLock(QString filePath, QString what)
    : m_filePath(std::move(filePath)), m_what(std::move(what))
{ }

StateFileLock::~StateFileLock() = default;

bool StateFileLock::isHeld() const
{
    return m_lock && m_lock->isLocked();
}

bool StateFileLock::tryTake()
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
    // The lock file is named: a lock left on a shared home directory by a machine that died is
    // never stale to this one, and a person has to remove it.
    m_sharedNote = m_lock->error() == QLockFile::LockFailedError
        ? QCoreApplication::translate("AckOutbox",
                                      "%1 is in use by %2 (pid %3 on %4, lock %5): what is queued here is "
                                      "kept in memory only, and sent while this program runs")
              .arg(m_what,
                   application.isEmpty() ? QCoreApplication::translate("AckOutbox", "another program")
                                         : application,
                   QString::number(pid), host.isEmpty() ? u"?"_s : host, m_lock->fileName())
        : QCoreApplication::translate("AckOutbox",
                                      "%1 (%2) cannot be locked: what is queued here is kept in memory only")
              .arg(m_what, m_filePath);
    return false;
}

} // namespace noc
