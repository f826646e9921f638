// SPDX-License-Identifier: MIT
#pragma once

#include "Alert.h"
#include "Clock.h"
#include "EngineLink.h"
#include "NocClient.h"
#include "SeverityCounters.h"

#include <QAbstractListModel>
#include <QHash>
#include <QPointer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class ArrivalRate;

// One row per alert (keyed by kind and id), newest first. Arrivals are coalesced and inserted once
// per batch: a stream changes the model (and so the view, its counters and rate) at most once per
// coalescing interval, a storm at most ten times a second, while the first alert after a quiet spell
// and a CRITICAL one show at once. Retention is capped and evicts acknowledged alerts before
// unacknowledged ones, oldest first.
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
    Q_PROPERTY(int worstUnacknowledgedSeverity READ worstUnacknowledgedSeverity NOTIFY countsChanged)
    Q_PROPERTY(qint64 totalReceived READ totalReceived NOTIFY countChanged)
    // Arrivals over the last 60 s, and whether that is more than a person can read (a storm).
    Q_PROPERTY(int receivedLastMinute READ receivedLastMinute NOTIFY rateChanged)
    Q_PROPERTY(bool storm READ isStorm NOTIFY rateChanged)
    Q_PROPERTY(int stormThresholdPerMinute READ stormThresholdPerMinute WRITE setStormThresholdPerMinute
                   NOTIFY rateChanged)
    // Bumped whenever any row's content changes: lets a details pane re-read one alert cheaply.
    Q_PROPERTY(quint64 revision READ revision NOTIFY revisionChanged)

public:
    enum Role
    {
        KeyRole = Qt::UserRole + 1,
        KindRole, // int, noc::AlertKind
        AlertIdRole,
        SeverityRole, // int, noc::Severity
        SeverityNameRole,
        ClientRole,
        TypeRole,
        MessageRole,
        LocationRole,
        DetailRole,
        RawJsonRole,
        OccurredAtRole,
        ReceivedAtRole,
        AckStateRole,
        AckReasonRole,
        AckByRole,
        AckAtRole,
        AcknowledgeableRole, // the server can acknowledge it (alert_new, critical_alert of a known alert)
        SequenceRole, // arrival order; larger is newer
        StatusRole, // int, noc::AlertStatus: the record's status on the server (0: not known)
        StatusNameRole, // "new", "acknowledged", ...; empty when not known
        OpenRole, // not resolved or suppressed
        ActionNoteRole, // ActionStateRole's in words ("Resolving…", "Escalate refused: …"); empty for None
        AssignedToRole, // who the server says it is assigned to, where known
        RecordRole, // the alert has a server record to resolve, assign or escalate (noc::Alert::hasRecord)
        KindNameRole, // "alert", "critical", ...: the key's word for the kind (KindRole is the enum)
        ActionStateRole, // int, noc::AlertActionState: a resolve/assign/escalate under way, or refused
        ActionKindRole, // int, noc::AlertActionKind: which (meaningful unless ActionStateRole is None)
        ActionReasonRole, // why it was refused: the server's words, or this program's
        RepeatsRole, // int: repeats the server folded into the record (0: none, or no record read)
        LastSeenRole, // the record's last occurrence; invalid until a record is read
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

    // Why resolve, assign and escalate cannot apply to some keys (actionBlocker()).
    enum class ActionBlocker
    {
        ActionAllowed, // to some of them at least
        NothingSelected,
        NoRecord, // none of them has a server record (findings, anomalies, tickets)
        SignedOut, // they queue while offline, not while nobody is signed in
    };
    Q_ENUM(ActionBlocker)

    explicit AlertModel(QObject *parent = nullptr);
    ~AlertModel() override;

    // Coalescing and the arrival rate run on this clock (the system's unless a test says otherwise);
    // set it before the first alert arrives. Not owned.
    void setClock(const noc::Clock *clock);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int maxAlerts() const { return m_maxAlerts; }
    void setMaxAlerts(int maxAlerts);
    [[nodiscard]] int coalesceIntervalMs() const { return m_coalesceMs; }
    void setCoalesceIntervalMs(int milliseconds);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    // Index by noc::Severity: Unknown, Info, Low, Medium, High, Critical.
    [[nodiscard]] QList<int> unacknowledgedBySeverity() const;
    [[nodiscard]] int unacknowledgedCount() const;
    // Every row, acknowledged or not, by severity (same index).
    [[nodiscard]] QList<int> totalBySeverity() const;
    // noc::Severity as int; -1 when everything is acknowledged.
    [[nodiscard]] int worstUnacknowledgedSeverity() const;
    [[nodiscard]] qint64 totalReceived() const { return m_totalReceived; }
    [[nodiscard]] int receivedLastMinute() const;
    [[nodiscard]] bool isStorm() const { return receivedLastMinute() > m_stormThreshold; }
    [[nodiscard]] int stormThresholdPerMinute() const { return m_stormThreshold; }
    void setStormThresholdPerMinute(int perMinute);
    [[nodiscard]] quint64 revision() const { return m_revision; }
    // Bumped whenever a row already in the model may have changed (acknowledged, re-sent, merged,
    // evicted, cleared), not when rows are only added: who watches some rows (the ringing tone) can
    // skip its look-ups on a flush that only added rows, which is every flush of a storm.
    [[nodiscard]] quint64 existingRowChanges() const { return m_existingRowChanges; }

    // Severity, then unacknowledged before acknowledged, then newest: one integer per row, so the sorting
    // proxy compares without going through QVariant (that was a fifth of the time of a storm).
    [[nodiscard]] quint64 severitySortKey(int row) const;
    [[nodiscard]] quint64 sequenceAt(int row) const;
    [[nodiscard]] int severityAt(int row) const;
    [[nodiscard]] bool isAcknowledgedAt(int row) const;
    // The alert shown at a view row (0 is the newest); the row must exist.
    [[nodiscard]] const noc::Alert &alertAt(int row) const { return m_rows.at(viewRow(row)).alert; }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Queued and applied on the next coalescing tick (at once after a quiet spell or for a CRITICAL one).
    void addAlerts(const noc::AlertBatch &alerts);
    // Applies whatever is queued now (tests, shutdown).
    Q_INVOKABLE void flush();
    Q_INVOKABLE void acknowledge(int row);
    // Forgets every alert (a new session, a test).
    Q_INVOKABLE void clear();
    // Acknowledges every row named by key (AlertModel's KeyRole). Kinds the server cannot acknowledge
    // (findings, anomalies, tickets) are acknowledged locally: the operator has seen them.
    Q_INVOKABLE void acknowledgeKeys(const QStringList &keys);
    // Resolve, assign or escalate every row named by key that has a server record (alerts; findings,
    // anomalies and tickets have none). The rows say "under way" until the server answers.
    Q_INVOKABLE void resolveKeys(const QStringList &keys, const QString &notes);
    Q_INVOKABLE void assignKeys(const QStringList &keys, int userId, const QString &comment);
    Q_INVOKABLE void escalateKeys(const QStringList &keys, int userId, const QString &reason);
    // How many of the keyed rows have a server record (noc::Alert::hasRecord): what those act on.
    [[nodiscard]] Q_INVOKABLE int countWithRecord(const QStringList &keys) const;
    // ActionBlocker, as int for QML: whether resolve, assign and escalate can apply to these keys.
    [[nodiscard]] Q_INVOKABLE int actionBlocker(const QStringList &keys, bool signedIn) const;
    // Why not, in words for the operator (a tooltip, a notice); empty for ActionAllowed.
    [[nodiscard]] Q_INVOKABLE QString actionBlockerText(int blocker) const;
    // The longest text the server takes with an action (noc::AlertActionKind as int): the dialog's bound.
    [[nodiscard]] Q_INVOKABLE int actionTextLimit(int action) const;
    // Every field of one alert, by key; empty when it is gone (evicted).
    [[nodiscard]] Q_INVOKABLE QVariantMap get(const QString &key) const;
    [[nodiscard]] Q_INVOKABLE int rowOfKey(const QString &key) const;
    [[nodiscard]] bool isUnacknowledged(const QString &key) const;
    // The row that took this sequence number (sequenceAt) is still here and not acknowledged.
    [[nodiscard]] bool isUnacknowledgedSequence(quint64 sequence) const;

    // Applied by the client's signals; public so tests and other sources can drive them.
    void markPending(const QString &alertId);
    void markConfirmed(const QString &alertId, const QString &by, const QDateTime &at);
    void markFailed(const QString &alertId, const QString &reason);
    // The server's record changed status (a colleague's action, what a re-read found, or an open alert
    // the reads of the open alerts no longer list: NocClient::openAlertClosed).
    void applyStatus(const QString &alertId, noc::AlertStatus status, const QDateTime &at);
    // The client's outbox holds this action for the alert: its row says so until the server answers.
    void markActionPending(const QString &alertId, noc::AlertActionKind kind);
    void applyActionOutcome(const noc::AlertActionOutcome &outcome);
    // What the detail endpoint says about who the alert is assigned to.
    void setAssignee(const QString &alertId, const QString &name);
    // Records read outside the feed (a detail read): the server counts repeats without telling anyone,
    // so each read may bring a higher count and a later last occurrence for a row already shown. Rows
    // not in the list stay out of it.
    void refreshRecords(const noc::AlertBatch &records);

Q_SIGNALS:
    void clientChanged();
    void maxAlertsChanged();
    void coalesceIntervalMsChanged();
    void countChanged();
    void countsChanged();
    void rateChanged();
    void revisionChanged();
    // This flush made `count` new rows (not updates of rows already shown): view rows 0..count-1, read
    // with alertAt() from the slot itself (connect directly), before anything else changes the model.
    // A count rather than a copy of the alerts: a storm adds 100k rows, and most listeners look at a
    // field or two.
    void alertsAdded(int count);
    // The server refused an action (or an alert cannot have one): for a toast.
    void actionRefused(const QString &message);

public:
    // Storage of one row. Public only so that it can be declared relocatable below the class (a storm
    // grows the list by tens of thousands of rows: moving it is then one realloc, not a move per row).
    struct Row
    {
        quint64 seq = 0; // arrival order; rows are kept sorted by it, oldest first
        AckState ackState = AckState::New;
        noc::AlertActionState actionState = noc::AlertActionState::None;
        noc::AlertActionKind actionKind = noc::AlertActionKind::Resolve;
        noc::Alert alert;
        QString ackReason;
        QString ackBy;
        QDateTime ackAt;
        QDateTime statusAt; // when the last status change for this row was heard (alert_updated)
        QString actionReason;
        QString assignedTo;
    };

private:
    [[nodiscard]] int positionOf(const QString &key) const;
    [[nodiscard]] int positionOf(const noc::AlertIdentity &identity) const;
    [[nodiscard]] int positionOfSeq(quint64 seq) const;
    [[nodiscard]] static bool serverAcknowledgeable(const noc::Alert &alert);
    [[nodiscard]] int viewRow(int position) const { return static_cast<int>(m_rows.size()) - 1 - position; }
    // False when no row has the id.
    bool setAckState(const QString &alertId, AckState state, const QString &reason = {},
                     const QString &by = {}, const QDateTime &at = {});
    void applyAckState(int position, AckState state, const QString &reason, const QString &by,
                       const QDateTime &at);
    // Applies the row at `position` to the counters (-1 before a change, +1 after it).
    void countRow(qsizetype position, int delta);
    [[nodiscard]] static quint64 sortKeyOf(const Row &row);
    // A record the server says someone acknowledged, assigned or escalated is handled: it sinks and
    // leaves the counters like one acknowledged here.
    static void followStatus(Row &row);
    void evictOverCap();
    void makeRoomForCap();
    // alert_new and the critical_alert escalating it are one incident: one row, acknowledgeable.
    bool mergeIntoTwin(const noc::Alert &alert, QList<noc::Alert *> &fresh, quint64 firstFreshSeq,
                       QList<qsizetype> &changed);
    // `into` takes the repeat count and last occurrence of `from` when they are newer: a push carries
    // neither, and a record read earlier has an older last_seen. True when `into` changed.
    static bool takeRepeats(noc::Alert &into, const noc::Alert &from);
    // One dataChanged per run of adjacent rows (positions in m_rows, any order): a re-read of every
    // open alert is a change or two for the view, not one per row.
    void emitRowsChanged(QList<qsizetype> positions);
    [[nodiscard]] static bool containsUrgent(const noc::AlertBatch &alerts);
    void bumpRevision();
    // The alert ids of the keyed rows that have records; each such row shows `kind` pending until answered.
    QStringList recordIdsOf(const QStringList &keys, noc::AlertActionKind kind);
    void setActionState(const QString &alertId, noc::AlertActionState state, noc::AlertActionKind kind,
                        const QString &reason = {}, const QString &assignedTo = {});
    // ActionNoteRole: what a row says of its action.
    [[nodiscard]] static QString actionNote(noc::AlertActionState state, noc::AlertActionKind kind,
                                            const QString &reason);
    // What the client's outboxes hold when it is set: a previous run's acknowledgements and actions.
    void markWhatIsPending();
    // A new row of an alert that is waiting for the server's answer shows it.
    void applyWaitingMarks(Row &row) const;

    EngineLink m_client;
    QList<Row> m_rows;
    // severitySortKey() by position, beside m_rows: sorting a flush's rows into the view compares
    // these, eight bytes each, rather than loading a 320-byte row per comparison (a cache miss each).
    QList<quint64> m_sortKeys;
    QHash<noc::AlertIdentity, quint64> m_seqByKey;
    // Alert ids waiting for the server's answer (acknowledgement, action) that had no row when marked:
    // a previous run's outbox is read before the alerts are.
    QSet<QString> m_waitingAcks;
    QHash<QString, noc::AlertActionKind> m_waitingActions;
    // Batches as the client sent them: kept shared, not copied alert by alert into one list.
    QList<noc::AlertBatch> m_pending;
    const noc::Clock *m_clock = nullptr;
    std::unique_ptr<noc::Timer> m_coalesce; // the longest an arrival waits to be shown
    std::unique_ptr<noc::Timer> m_settle; // in a storm: shows what came once the feed pauses
    bool m_stormWait = false; // m_coalesce runs with the storm interval
    int m_coalesceMs = 100; // the base interval; storms use a longer one
    qint64 m_lastFlushMs = 0; // monotonic; the beat counts from the last change shown
    quint64 m_nextSeq = 1;
    int m_maxAlerts = 10000;
    qint64 m_totalReceived = 0;
    SeverityCounters m_counters;
    quint64 m_revision = 0;
    quint64 m_existingRowChanges = 0;
    std::unique_ptr<ArrivalRate> m_rate;
    int m_stormThreshold = 120;
};

Q_DECLARE_TYPEINFO(AlertModel::Row, Q_RELOCATABLE_TYPE);
