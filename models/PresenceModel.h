// SPDX-License-Identifier: MIT
#pragma once

#include "EngineLink.h"
#include "NocClient.h"
#include "ServerEvent.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

// Who else is on shift: one row per user the presence channel told us about (user_status_update),
// with our own session first so an operator sees how the others see him.
class PresenceModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(int onlineCount READ onlineCount NOTIFY countChanged)

public:
    enum Role
    {
        UserIdRole = Qt::UserRole + 1,
        UsernameRole,
        StateRole, // online, busy, away, offline, or the server's word
        LastSeenRole,
        UpdatedAtRole, // when we heard it
        IsSelfRole,
    };
    Q_ENUM(Role)

    explicit PresenceModel(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int onlineCount() const;

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    void applyStatus(const noc::UserStatusEvent &status);

Q_SIGNALS:
    void clientChanged();
    void countChanged();

private:
    struct Row
    {
        QString userId;
        QString username;
        QString state;
        QDateTime lastSeen;
        QDateTime updatedAt;
        bool self = false;
    };

    void refreshSelf();
    [[nodiscard]] int rowOfUser(const QString &userId) const;

    EngineLink m_client;
    QList<Row> m_rows; // row 0 is our own session while a client is set
};
