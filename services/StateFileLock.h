// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

#include <memory>

class QLockFile;

namespace noc {

// Who may rewrite a shared state file (the acknowledgement and action outboxes): nocdash and nocctl
// share the state folder, and two processes rewriting one file would drop each other's entries. The
// lock is held for the life of the owner and is stale only when its process is gone, never by age.
class StateFileLock
{
public:
    // what: the file in the operator's words ("the acknowledgement outbox"), for the note.
    StateFileLock(QString filePath, QString what);
    ~StateFileLock();
    StateFileLock(const StateFileLock &) = delete;
    StateFileLock &operator=(const StateFileLock &) = delete;

    // True when this process holds the file now (taking it if free).
    bool tryTake();
    [[nodiscard]] bool isHeld() const;
    // Why not, when another process holds the file: for the operator, empty otherwise.
    [[nodiscard]] QString sharedNote() const { return m_sharedNote; }

private:
    QString m_filePath;
    QString m_what;
    std::unique_ptr<QLockFile> m_lock;
    QString m_sharedNote;
};

} // namespace noc
