// SPDX-License-Identifier: MIT
#pragma once

#include "NocClient.h"

#include <QHash>
#include <QObject>
#include <QStringList>

namespace noc {
class NocClient;
}

// Writes every event and state change of a client to stdout: one JSON object per line (for scripts and
// log shippers), or one readable line each. Flushes per line, so a pipe sees events as they happen.
class EventPrinter : public QObject
{
    Q_OBJECT
public:
    EventPrinter(noc::NocClient *client, bool json, QObject *parent = nullptr);

private:
    void emitLine(const QJsonObject &object, const QString &text);
    void printStatus(const QString &id, noc::AlertStatus status, const QDateTime &at, bool inferred);
    // Bounded: a watch runs for weeks; the oldest alerts are forgotten first.
    void remember(const QString &id, noc::AlertStatus status);

    noc::NocClient *m_client;
    bool m_json;
    noc::NocClient::HistoryState m_lastHistoryState = noc::NocClient::HistoryState::Unknown;
    int m_lastBackfillCount = -1;
    QString m_lastHistoryReason;
    int m_lastOpenOnServer = -1;

    QHash<QString, noc::AlertStatus> m_printedStatus; // alerts printed, with the status last printed
    QStringList m_printedOrder; // the same ids, oldest first
};
