// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "RestJob.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QStringList>

class QNetworkAccessManager;

namespace noc {

class Clock;

// Reads the alert records page by page (GET /api/noc/alerts/, PROTOCOL.md section 6), for the list's
// upkeep (AlertHistory) and for the reads a person asks for (AlertLookup): one status after another (or
// unfiltered), newest first, within a page budget, one line per id (new alerts push older ones onto
// later pages, and an alert can change status between two statuses' reads: the later read wins). A page
// past the end ("Invalid page.": alerts closed while paging shortened the list) is the end.
class AlertPager : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPageSize = 100; // the server's most
    static constexpr const char *kPath = "/api/noc/alerts/";

    struct Read
    {
        QStringList statuses; // the server's words (NEW, RESOLVED...); empty: every status
        int pageBudget = 10; // pages read at most, over all statuses
        // Pages come newest first: stop after the one that reaches older than this (a back-fill stops at
        // what was known before the gap). Invalid: read to the end or the budget.
        QDateTime oldestWanted;
    };

    struct Result
    {
        AlertBatch alerts; // stamped with when their page was asked for (a record is no newer than that)
        int total = 0; // what the server counts for the statuses read
        bool complete = true; // no page left unread for the budget
        int unreadable = 0; // items skipped
    };

    AlertPager(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);

    // The job that asks for each page: its access, policy and token renewal are the owner's to set.
    [[nodiscard]] RestJob &job() { return *m_job; }
    [[nodiscard]] const RestJob &job() const { return *m_job; }

    // Starts a read (cancels one under way); its first page leaves now.
    void read(const Read &read);
    void cancel();
    [[nodiscard]] bool isBusy() const { return m_reading; }
    // What the read has so far; after failed(), what the pages before the failure held.
    [[nodiscard]] const Result &result() const { return m_result; }

Q_SIGNALS:
    void finished(const noc::AlertPager::Result &result);
    void failed(const noc::AlertApiError &error, noc::RestJob::Outcome outcome);

private:
    void requestPage();
    void onPage(const RestJob::Result &answer);
    void add(AlertBatch &&alerts);
    void fail(const AlertApiError &error, RestJob::Outcome outcome);

    RestJob *m_job;
    Read m_read;
    QStringList m_statuses; // still to read; one empty entry: no filter
    int m_page = 1;
    int m_pagesRead = 0;
    bool m_reading = false;
    Result m_result;
    QHash<QString, qsizetype> m_index; // id -> row in m_result.alerts
};

} // namespace noc
