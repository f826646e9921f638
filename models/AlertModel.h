// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "NocClient.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <array>

// One row per alert (keyed by kind and id), newest first. Arrivals are coalesced and inserted once
// per batch, so a storm costs one insert per frame, not one per alert; retention is capped and evicts
// acknowledged alerts before unacknowledged ones, oldest first.
class AlertModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int maxAlerts READ maxAlerts WRITE setMaxAlerts NOTIFY maxAlertsChanged)
    Q_PROPERTY(int coalesceIntervalMs READ coalesceIntervalMs WRITE setCoalesceIntervalMs NOTIFY
                   coalesceIntervalMsChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(QList<int> unacknowledgedBySeverity READ unacknowledgedBySeverity NOTIFY countsChanged)
    Q_PROPERTY(int unacknowledgedCount READ unacknowledgedCount NOTIFY countsChanged)
    Q_PROPERTY(qint64 totalReceived READ totalReceived NOTIFY countChanged)

public:
    enum Role
    {
        KeyRole = Qt::UserRole + 1,
        KindRole,
        AlertIdRole,
        SeverityRole, // int, noc::Severity
        SeverityNameRole,
        ClientRole,
        TypeRole,
        MessageRole,
        LocationRole,
        DetailRole,
        OccurredAtRole,
        ReceivedAtRole,
        AckStateRole,
        AckReasonRole,
    };
    Q_ENUM(Role)

    enum class AckState
    {
        New,
        Acknowledging,
        Acknowledged,
        Failed
    };
    Q_ENUM(AckState)

    explicit AlertModel(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int maxAlerts() const { return m_maxAlerts; }
    void setMaxAlerts(int maxAlerts);
    [[nodiscard]] int coalesceIntervalMs() const { return m_coalesce.interval(); }
    void setCoalesceIntervalMs(int milliseconds);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    // Index by noc::Severity: Unknown, Info, Low, Medium, High, Critical.
    [[nodiscard]] QList<int> unacknowledgedBySeverity() const;
    [[nodiscard]] int unacknowledgedCount() const;
    [[nodiscard]] qint64 totalReceived() const { return m_totalReceived; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Queued and applied on the next coalescing tick.
    void addAlerts(const noc::AlertBatch &alerts);
    // Applies whatever is queued now (tests, shutdown).
    Q_INVOKABLE void flush();
    Q_INVOKABLE void acknowledge(int row);

Q_SIGNALS:
    void clientChanged();
    void maxAlertsChanged();
    void coalesceIntervalMsChanged();
    void countChanged();
    void countsChanged();

private:
    struct Row
    {
        quint64 seq = 0; // arrival order; rows are kept sorted by it, oldest first
        noc::Alert alert;
        AckState ackState = AckState::New;
        QString ackReason;
    };

    [[nodiscard]] int positionOf(const QString &key) const;
    [[nodiscard]] int viewRow(int position) const { return static_cast<int>(m_rows.size()) - 1 - position; }
    void setAckState(const QString &alertId, AckState state, const QString &reason = {});
    void countRow(const Row &row, int delta);
    void evictOverCap();

    QPointer<noc::NocClient> m_client;
    QList<Row> m_rows;
    QHash<QString, quint64> m_seqByKey;
    noc::AlertBatch m_pending;
    QTimer m_coalesce;
    quint64 m_nextSeq = 1;
    int m_maxAlerts = 10000;
    qint64 m_totalReceived = 0;
    std::array<int, noc::kSeverityCount> m_unacknowledged {};
};
