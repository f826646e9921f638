// SPDX-License-Identifier: MIT
#pragma once

#include "ChannelHealth.h"
#include "EngineLink.h"
#include "NocClient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// One row per channel (dashboard, presence) with the engine's health data. The engine signals
// healthChanged on every frame; the model re-reads at most twice a second and only touches rows whose
// numbers moved, so a storm does not repaint the health panel thousands of times. While not `active`
// (the panel is hidden) only connection state changes are read: uptime and ages ticking in a hidden
// panel would still cost a frame each.
class ConnectionHealthModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    // Bind to the panel's visibility; becoming active re-reads at once.
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    // The worst score of any channel (0-100); -1 with no channels.
    Q_PROPERTY(int worstScore READ worstScore NOTIFY countChanged)

public:
    enum Role
    {
        NameRole = Qt::UserRole + 1,
        PathRole,
        StateRole, // noc::ChannelHealth::State as int: 0 closed, 1 connecting, 2 open
        StateSinceRole,
        RttLastRole,
        RttP50Role,
        RttP95Role,
        UptimeSecondsRole,
        ReconnectsRole,
        FramesInRole,
        FramesOutRole,
        ErrorsRole,
        LastInboundAgeRole,
        ScoreRole,
        StaleRole,
    };
    Q_ENUM(Role)

    explicit ConnectionHealthModel(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int worstScore() const;
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    // Re-reads the client now.
    Q_INVOKABLE void refresh();
    // Replaces the rows with these, by channel name: unchanged rows stay untouched.
    void setHealth(const QList<noc::ChannelHealth> &channels);

Q_SIGNALS:
    void clientChanged();
    void countChanged();
    void activeChanged();

private:
    EngineLink m_client;
    QList<noc::ChannelHealth> m_rows;
    QTimer m_throttle;
    bool m_active = true;
};
