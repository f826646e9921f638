// SPDX-License-Identifier: MIT
#pragma once

#include "AlertAction.h"
#include "DurableStore.h"

#include <QList>

namespace noc {

// Resolve, assign and escalate requests the server has not answered yet. Written atomically on every
// change, like the acknowledgement outbox: a crash, a restart or a sign-out loses none. An action whose
// call was under way when the process died is sent again at the next start (the server's end state is
// the same: resolving or assigning twice changes nothing more).
class ActionOutbox
{
    Q_DECLARE_TR_FUNCTIONS(noc::ActionOutbox)

public:
    // An empty path keeps the outbox in memory only.
    explicit ActionOutbox(QString filePath = {});

    // Takes the file for this process and reads what a previous run left. An unreadable file is kept
    // aside (false, lastError() says where). When another running program holds it, this outbox stays
    // in memory only (sharedNote() says why).
    bool load();
    [[nodiscard]] bool isPersistent() const { return m_store.isPersistent(); }
    // Tries again to take the file another program held at load(): on success what it left joins this
    // outbox (returned) and everything is written from now on.
    QList<AlertActionRequest> retake();
    [[nodiscard]] QString sharedNote() const { return m_store.sharedNote(); }

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
    [[nodiscard]] int writes() const { return m_store.writes(); }
    // What went wrong with the file at the latest load, retake or write; none when that went well.
    [[nodiscard]] const std::optional<StoreError> &lastError() const { return m_lastError; }

private:
    bool save();
    QList<AlertActionRequest> adopt(const QJsonObject &document);
    AlertActionRequest *find(const QString &key);

    DurableStore m_store;
    QList<AlertActionRequest> m_requests;
    std::optional<StoreError> m_lastError;
};

} // namespace noc
