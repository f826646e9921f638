// SPDX-License-Identifier: MIT
#pragma once

#include "AlertModel.h"

#include <QPointer>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

#include <array>

// What the operator asked to see, in the order that matters: by severity (most urgent first), then
// newest first, with acknowledged rows sinking below the unacknowledged ones of the same severity.
// Also keeps the selection, by alert key, so it survives inserts, evictions and re-sorting.
class AlertFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AlertModel *alerts READ alerts WRITE setAlerts NOTIFY alertsChanged)
    // noc::Severity values to show; empty shows every severity.
    Q_PROPERTY(QList<int> severities READ severities WRITE setSeverities NOTIFY filterChanged)
    // Client ids to show; empty shows every client.
    Q_PROPERTY(QStringList clients READ clients WRITE setClients NOTIFY filterChanged)
    Q_PROPERTY(AckFilter ackFilter READ ackFilter WRITE setAckFilter NOTIFY filterChanged)
    // Case-insensitive; matched against message, type, client, site, id, kind and details.
    Q_PROPERTY(QString searchText READ searchText WRITE setSearchText NOTIFY filterChanged)
    // Resolved and suppressed alerts leave the open list; this shows them again.
    Q_PROPERTY(bool showClosed READ showClosed WRITE setShowClosed NOTIFY filterChanged)
    // noc::AlertStatus values to show (a row without a record read counts as new, or acknowledged once
    // acknowledged here); empty shows the open ones (and with showClosed every one). A closed status
    // named here is shown whatever showClosed says.
    Q_PROPERTY(QList<int> statuses READ statuses WRITE setStatuses NOTIFY filterChanged)
    Q_PROPERTY(SortOrder sortOrder READ sortOrder WRITE setSortOrder NOTIFY sortOrderChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Rows shown, per noc::Severity (Unknown..Critical).
    Q_PROPERTY(QList<int> countsBySeverity READ countsBySeverity NOTIFY countsChanged)
    Q_PROPERTY(QStringList selectedKeys READ selectedKeys NOTIFY selectionChanged)
    Q_PROPERTY(int selectedCount READ selectedCount NOTIFY selectionChanged)
    // The distinct clients seen so far, for the filter bar.
    Q_PROPERTY(QStringList knownClients READ knownClients NOTIFY knownClientsChanged)

public:
    enum class AckFilter
    {
        All,
        Unacknowledged, // new, pending and failed: what still needs someone
        Acknowledged
    };
    Q_ENUM(AckFilter)

    enum class SortOrder
    {
        SeverityThenTime,
        Time,
        Client,
        Type,
        AckState,
        Status, // new, acknowledged, assigned, escalated, resolved, suppressed; then as AckState
        Repeats // most repeats the server folded into the record first, then newest
    };
    Q_ENUM(SortOrder)

    enum Role
    {
        SelectedRole = AlertModel::SequenceRole + 100
    };

    explicit AlertFilterModel(QObject *parent = nullptr);

    [[nodiscard]] AlertModel *alerts() const { return m_alerts; }
    void setAlerts(AlertModel *alerts);
    [[nodiscard]] QList<int> severities() const { return m_severities; }
    void setSeverities(const QList<int> &severities);
    [[nodiscard]] QStringList clients() const { return m_clients; }
    void setClients(const QStringList &clients);
    [[nodiscard]] AckFilter ackFilter() const { return m_ackFilter; }
    void setAckFilter(AckFilter filter);
    [[nodiscard]] QString searchText() const { return m_searchText; }
    void setSearchText(const QString &text);
    [[nodiscard]] bool showClosed() const { return m_showClosed; }
    void setShowClosed(bool show);
    [[nodiscard]] QList<int> statuses() const { return m_statuses; }
    void setStatuses(const QList<int> &statuses);
    [[nodiscard]] SortOrder sortOrder() const { return m_sortOrder; }
    void setSortOrder(SortOrder order);
    [[nodiscard]] int count() const { return rowCount(); }
    [[nodiscard]] QList<int> countsBySeverity() const { return m_counts; }
    [[nodiscard]] QStringList selectedKeys() const;
    [[nodiscard]] int selectedCount() const { return static_cast<int>(m_selected.size()); }
    [[nodiscard]] QStringList knownClients() const { return m_knownClients; }

    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void toggleSeverity(int severity);
    Q_INVOKABLE void clearFilters();
    [[nodiscard]] Q_INVOKABLE QString keyAt(int row) const;
    [[nodiscard]] Q_INVOKABLE int rowOfKey(const QString &key) const;
    Q_INVOKABLE void select(int row, bool selected);
    Q_INVOKABLE void toggleSelected(int row);
    // Selects rows from..to (either order), as Shift+click and Shift+arrows do.
    Q_INVOKABLE void selectRange(int from, int to);
    Q_INVOKABLE void selectAll();
    Q_INVOKABLE void clearSelection();
    // The selection, or the given row when nothing is selected; returns how many were asked for.
    Q_INVOKABLE int acknowledgeSelectedOr(int row);
    // What an action applies to: the selection, or the given row when nothing is selected.
    [[nodiscard]] Q_INVOKABLE QStringList selectedKeysOr(int row) const;
    // How many of these keys name alerts with a server record (those can be resolved, assigned,
    // escalated; findings, anomalies and tickets cannot).
    [[nodiscard]] Q_INVOKABLE int countWithRecord(const QStringList &keys) const;
    // The status a row stands for in the filter and the sort (noc::AlertStatus as int): the record's,
    // or for a row without one read, new or acknowledged by what happened here.
    [[nodiscard]] int effectiveStatusAt(int sourceRow) const;

Q_SIGNALS:
    void alertsChanged();
    void filterChanged();
    void sortOrderChanged();
    void countChanged();
    void countsChanged();
    void selectionChanged();
    void knownClientsChanged();

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    [[nodiscard]] bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The source is always the alerts (setAlerts): filtering and sorting read its rows directly.
    using QSortFilterProxyModel::setSourceModel;
    // Every filter setter: a new value re-filters once, drops selected rows it hides and is announced.
    template<typename T> void changeFilter(T &member, const T &value)
    {
        if (member == value)
            return;
        member = value;
        invalidateRowsFilter();
        dropVanishedSelection();
        Q_EMIT filterChanged();
        Q_EMIT countChanged();
    }
    void scheduleCounts();
    void recount();
    void noteClients(int count);
    [[nodiscard]] bool isRecentClient(const QString &clientId) const;
    void dropVanishedSelection();
    void emitSelectedChanged(const QString &key);

    QPointer<AlertModel> m_alerts;
    QList<int> m_severities;
    QStringList m_clients;
    AckFilter m_ackFilter = AckFilter::All;
    QList<int> m_statuses;
    QString m_searchText;
    bool m_showClosed = false;
    SortOrder m_sortOrder = SortOrder::SeverityThenTime;
    QList<int> m_counts;
    QTimer m_countTimer;
    QSet<QString> m_selected;
    QStringList m_knownClients;
    QSet<QString> m_knownClientSet;
    std::array<QString, 8> m_recentClients; // the last clients met, for isRecentClient()
    size_t m_nextRecentClient = 0;
};
