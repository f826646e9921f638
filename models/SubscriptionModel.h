// SPDX-License-Identifier: MIT
#pragma once

#include "NocClient.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace noc {
class SubscriptionSet;
} // namespace noc

// The engine's subscription set as a list: each client id with what the server said of it on the
// current socket. The set itself lives in the engine (noc::SubscriptionSet); this only shows it.
class SubscriptionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    // Mirrors noc::SubscriptionSet::Status for QML.
    enum Status
    {
        Waiting,
        Sent,
        Confirmed,
        Refused
    };
    Q_ENUM(Status)

    enum Role
    {
        ClientIdRole = Qt::UserRole + 1,
        StatusRole,
        ReasonRole,
    };
    Q_ENUM(Role)

    explicit SubscriptionModel(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] int count() const { return static_cast<int>(m_ids.size()); }

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE void subscribe(const QString &clientId);
    Q_INVOKABLE void unsubscribe(const QString &clientId);

Q_SIGNALS:
    void clientChanged();
    void countChanged();

private:
    void reload();
    void onStatusChanged(const QString &clientId);
    [[nodiscard]] noc::SubscriptionSet *set() const;

    QPointer<noc::NocClient> m_client;
    QStringList m_ids;
};
