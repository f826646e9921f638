// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;

namespace noc {

// Why a state file could not be read or written. The store has logged it; the caller decides what the
// operator is told (message()).
struct StoreError
{
    enum class Kind
    {
        Unreadable, // not a JSON object, or not readable at all: moved aside, the store starts empty
        WriteFailed, // the new contents did not replace the file: the previous version is still there
    };
    Kind kind = Kind::WriteFailed;
    QString filePath;
    QString asidePath; // Unreadable: where the file went; empty when it could not be moved
    QString detail; // the system's or the parser's words
    [[nodiscard]] QString message() const;
};

// One JSON state file that a single process at a time may rewrite: the acknowledgement and action
// outboxes, shared by nocdash and nocctl. Two processes rewriting one file would drop each other's
// entries, so the file is locked for the life of the store; the lock is stale only when its process is
// gone, never by age (a machine that died keeps a lock on a shared home until a person removes it).
// While another process holds the file this store keeps nothing on disk and says why (sharedNote()).
// Writes replace the whole file atomically: a crash mid-write leaves the previous version.
class DurableStore
{
    Q_DECLARE_TR_FUNCTIONS(noc::DurableStore)

public:
    struct Contents
    {
        QJsonObject document; // empty: no file, someone else's file, or an unreadable one
        std::optional<StoreError> error;
    };

    // what: the file in the operator's words ("the acknowledgement outbox"), for the shared note.
    // An empty path keeps everything in memory.
    DurableStore(QString filePath, QString what);
    ~DurableStore();
    DurableStore(const DurableStore &) = delete;
    DurableStore &operator=(const DurableStore &) = delete;

    // Takes the file for this process when it is free and reads what a previous run left.
    [[nodiscard]] Contents open();
    // Takes over the file another process held at open(), once that process has ended: what it left.
    // Nothing while it still holds the file, or when this store holds it already.
    [[nodiscard]] std::optional<Contents> retake();
    // Replaces the file when this process holds it; in memory only, there is nothing to write.
    [[nodiscard]] std::optional<StoreError> save(const QJsonObject &document);

    [[nodiscard]] QString filePath() const { return m_filePath; }
    // Whether save() reaches the disk.
    [[nodiscard]] bool isPersistent() const;
    // Why not, when another process holds the file: for the operator, empty otherwise.
    [[nodiscard]] QString sharedNote() const { return m_sharedNote; }
    // Whole-file writes attempted (a bulk change must cost one).
    [[nodiscard]] int writes() const { return m_writes; }

private:
    bool take();
    Contents read();

    QString m_filePath;
    QString m_what;
    std::unique_ptr<QLockFile> m_lock;
    QString m_sharedNote;
    int m_writes = 0;
};

} // namespace noc
