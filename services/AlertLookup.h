// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "SessionAccess.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class QNetworkAccessManager;
class QNetworkReply;

namespace noc {

class Clock;

// Reads asked for by a person, one at a time, apart from the list's own upkeep (AlertHistory): the
// alerts in some statuses (`nocctl alerts`), and one record's who and when (the details pane).
class AlertLookup : public QObject
{
    Q_OBJECT

public:
    AlertLookup(QNetworkAccessManager *network, const Clock *clock, QObject *parent = nullptr);
    ~AlertLookup() override;

    void setEndpoint(const SessionAccess &endpoint) { m_endpoint = endpoint; }

    // The alerts in these statuses (the server's words: NEW, RESOLVED...; empty: every status), newest
    // first per status, at most `pageBudget` pages of 100 in all. Answers with listed() or failed().
    void list(const QStringList &statuses, int pageBudget = 10);
    // One record with who acted on it and when. Answers with detailRead() or failed().
    void detail(const QString &alertId);
    [[nodiscard]] bool isBusy() const { return !m_reply.isNull(); }
    [[nodiscard]] int calls() const { return m_calls; }

Q_SIGNALS:
    // complete: every page was read (the budget did not cut it short); total: what the server counts.
    void listed(const noc::AlertBatch &alerts, int total, bool complete);
    void detailRead(const noc::AlertRecordDetail &detail);
    void failed(const QString &alertId, const noc::AlertApiError &error);

private:
    void requestPage();
    void onPage(QNetworkReply *reply);
    void onDetail(QNetworkReply *reply, const QString &alertId);

    QNetworkAccessManager *m_network;
    const Clock *m_clock;
    SessionAccess m_endpoint;
    QPointer<QNetworkReply> m_reply;
    QStringList m_statuses; // still to read; one empty entry: no filter
    int m_page = 1;
    int m_pagesLeft = 0;
    int m_total = 0;
    bool m_complete = true;
    AlertBatch m_read;
    QHash<QString, bool> m_seen;
    int m_calls = 0;
};

} // namespace noc
