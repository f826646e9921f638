// SPDX-License-Identifier: MIT
#pragma once

#include "AlertApiParser.h"
#include "AlertModel.h"
#include "Clock.h"
#include "EngineLink.h"
#include "NocClient.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

// Who acknowledged, assigned, escalated and resolved the alert the operator looks at, and when: the
// detail endpoint, read lazily (only for the alert shown, at most once per alert a minute, never while
// the server refuses its records). What it learns about the assignee also reaches the alert's row.
class AlertRecordView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    // Optional: the rows that learn who an alert is assigned to.
    Q_PROPERTY(AlertModel *alerts READ alerts WRITE setAlerts NOTIFY alertsChanged)
    // The server's alert id (AlertModel's alertId of a row with a record); empty: nothing to read.
    Q_PROPERTY(QString alertId READ alertId WRITE setAlertId NOTIFY alertIdChanged)
    Q_PROPERTY(State state READ state NOTIFY changed)
    // Why the record could not be read (Failed, Unavailable).
    Q_PROPERTY(QString reason READ reason NOTIFY changed)
    Q_PROPERTY(QString acknowledgedBy READ acknowledgedBy NOTIFY changed)
    Q_PROPERTY(QDateTime acknowledgedAt READ acknowledgedAt NOTIFY changed)
    Q_PROPERTY(QString assignedTo READ assignedTo NOTIFY changed)
    Q_PROPERTY(QDateTime assignedAt READ assignedAt NOTIFY changed)
    Q_PROPERTY(QString escalatedTo READ escalatedTo NOTIFY changed)
    Q_PROPERTY(QDateTime escalatedAt READ escalatedAt NOTIFY changed)
    Q_PROPERTY(QString resolvedBy READ resolvedBy NOTIFY changed)
    Q_PROPERTY(QDateTime resolvedAt READ resolvedAt NOTIFY changed)
    Q_PROPERTY(QString resolutionNotes READ resolutionNotes NOTIFY changed)
    // When the shown record was read.
    Q_PROPERTY(QDateTime readAt READ readAt NOTIFY changed)

public:
    enum class State
    {
        Idle, // no alert, or nothing read yet
        Loading,
        Loaded,
        Failed, // this record could not be read (not found, offline, signed out)
        Unavailable // the server refuses its alert records
    };
    Q_ENUM(State)

    explicit AlertRecordView(QObject *parent = nullptr);
    ~AlertRecordView() override;

    // Whether a record read is less than a minute old runs on this clock (the system's unless a test
    // says otherwise). Not owned.
    void setClock(const noc::Clock *clock);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] AlertModel *alerts() const { return m_alerts; }
    void setAlerts(AlertModel *alerts);
    [[nodiscard]] QString alertId() const { return m_alertId; }
    void setAlertId(const QString &alertId);
    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] QString reason() const { return m_reason; }
    [[nodiscard]] QString acknowledgedBy() const { return m_shown.acknowledgedBy; }
    [[nodiscard]] QDateTime acknowledgedAt() const { return m_shown.acknowledgedAt; }
    [[nodiscard]] QString assignedTo() const { return m_shown.assignedTo; }
    [[nodiscard]] QDateTime assignedAt() const { return m_shown.assignedAt; }
    [[nodiscard]] QString escalatedTo() const { return m_shown.escalatedTo; }
    [[nodiscard]] QDateTime escalatedAt() const { return m_shown.escalatedAt; }
    [[nodiscard]] QString resolvedBy() const { return m_shown.resolvedBy; }
    [[nodiscard]] QDateTime resolvedAt() const { return m_shown.resolvedAt; }
    [[nodiscard]] QString resolutionNotes() const { return m_shown.resolutionNotes; }
    [[nodiscard]] QDateTime readAt() const { return m_readAt; }

Q_SIGNALS:
    void clientChanged();
    void alertsChanged();
    void alertIdChanged();
    void changed();

private:
    struct Known
    {
        noc::AlertRecordDetail detail;
        QDateTime readAt;
        QString failure; // the last read failed: why
        bool outdated = false; // its status changed since: read again (the client waits for the minute)
    };

    void update();
    void readIfDue();
    void show(State state, const QString &reason = {});
    void onDetail(const noc::AlertRecordDetail &detail);
    void onFailed(const QString &alertId, const QString &reason, bool historyRefused);
    void onStatusChanged(const QString &alertId);
    [[nodiscard]] bool refused() const;

    EngineLink m_client;
    QPointer<AlertModel> m_alerts;
    QString m_alertId;
    State m_state = State::Idle;
    QString m_reason;
    noc::AlertRecordDetail m_shown;
    QDateTime m_readAt;
    QHash<QString, Known> m_known; // the records read, by alert id
    const noc::Clock *m_clock = nullptr;
};
