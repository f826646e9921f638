// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "AlertPager.h"
#include "RestJob.h"
#include "SessionAccess.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace noc {

class Clock;
class Timer;

// Reads asked for by a person, apart from the list's own upkeep (AlertHistory): the alerts in some
// statuses (`nocctl alerts`), and one record's who and when (the details pane). One read at a time;
// what is asked for meanwhile waits its turn. One record is read at most once a minute (the REST budget
// is shared by every program of the user, and who/when changes rarely): asked again sooner, it is read
// when the minute is over. A person looks at one record at a time: a record waiting for its turn is
// replaced by the next one asked for. A 429 is reported and holds every read until its Retry-After.
class AlertLookup : public QObject
{
    Q_OBJECT

public:
    // The least time between two reads of one record.
    static constexpr qint64 kDetailIntervalMs = 60 * 1000;

    AlertLookup(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~AlertLookup() override;

    // Server, TLS and token, asked for at each read.
    void setAccess(const std::function<SessionAccess()> &access);
    // The session renewed its token: a read waiting for one goes on.
    void tokenRenewed();

    // The alerts in these statuses (the server's words: NEW, RESOLVED...; empty: every status), newest
    // first per status, at most `pageBudget` pages of 100 in all. Answers with listed() or failed().
    void list(const QStringList &statuses, int pageBudget = 10);
    // One record with who acted on it and when. Answers with detailRead() or failed().
    void detail(const QString &alertId);
    // A read under way, or one waiting for its turn.
    [[nodiscard]] bool isBusy() const;
    [[nodiscard]] int calls() const { return m_pager->job().calls() + m_detailJob->calls(); }

Q_SIGNALS:
    // complete: every page was read (the budget did not cut it short); total: what the server counts.
    void listed(const noc::AlertBatch &alerts, int total, bool complete);
    void detailRead(const noc::AlertRecordDetail &detail);
    void failed(const QString &alertId, const noc::AlertApiError &error);
    // The server refused the access token (401): the session should renew it.
    void tokenRejected();

private:
    struct ListRead
    {
        QStringList statuses;
        int pageBudget = 10;
    };

    void startNext();
    void onDetail(const RestJob::Result &answer);
    [[nodiscard]] qint64 detailDueMs(const QString &alertId) const;
    [[nodiscard]] qint64 heldOffUntilMs() const;

    const Clock *m_clock;
    AlertPager *m_pager;
    RestJob *m_detailJob;
    std::unique_ptr<Timer> m_wake; // the waiting record's minute is over, or a 429's wait
    QList<ListRead> m_lists; // waiting, in order
    QString m_waitingDetail; // the record asked for last, not yet read
    QString m_readingDetail; // the record being read
    QHash<QString, qint64> m_detailSentMs; // monotonic: when each record was last asked of the server
};

} // namespace noc
