// SPDX-License-Identifier: MIT
#pragma once

#include "AlertAction.h"

#include <QList>

#include <memory>

class QJsonDocument;

namespace noc {

class StateFileLock;

// Resolve, assign and escalate requests the server has not answered yet. Written atomically on every
// change, like the acknowledgement outbox: a crash, a restart or a sign-out loses none. An action whose
// call was under way when the process died is sent again at the next start (the server's end state is
// the same: resolving or assigning twice changes nothing more).
class ActionOutbox
{
public:
    // An empty path keeps the outbox in memory only.
    explicit ActionOutbox(QString filePath = {});
    ~ActionOutbox();
    ActionOutbox(const ActionOutbox &) = delete;
    ActionOutbox &operator=(const ActionOutbox &) = delete;

    // Takes the file for this process and reads what a previous run left. When another running program
    // holds it, this outbox stays in memory only (sharedNote() says why).
    bool load();
    [[nodiscard]] bool isPersistent() const;
    // Tries again to take the file another program held at load(): on success what it left joins this
    // outbox (returns how many requests) and everything is written from now on.
    int retake();
    [[nodiscard]] QString sharedNote() const;

    void add(const AlertActionRequest &request);
    // The server answered for these ids of the request `key`; a request with none left goes.
    void settle(const QString &key, const QStringList &alertIds);
    // A bulk call counted fewer than these: ask them again in two halves (one id: on its own).
    void splitForRetry(const QString &key, const QStringList &alertIds);

    [[nodiscard]] bool isEmpty() const { return m_requests.isEmpty(); }
    // The oldest request this user may send (theirs, or one asked while nobody was signed in): actions
    // go out in the order they were asked for. Null when there is none.
    [[nodiscard]] const AlertActionRequest *firstFor(const QString &username) const;
    // Alerts waiting for an answer, across all requests.
    [[nodiscard]] int pendingAlerts() const;
    [[nodiscard]] QList<AlertActionRequest> requests() const { return m_requests; }
    [[nodiscard]] int writes() const { return m_writes; }

private:
    bool save();
    int adopt(const QJsonDocument &document);
    AlertActionRequest *find(const QString &key);

    QString m_filePath;
    std::unique_ptr<StateFileLock> m_lock;
    QList<AlertActionRequest> m_requests;
    int m_writes = 0;
};

} // namespace noc
