// SPDX-License-Identifier: MIT
#pragma once

#include "EngineLink.h"
#include "HealthLedger.h"
#include "NocClient.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

// The session's health figures for the Diagnostics tab: the same period and numbers as the hourly
// nocdash.health line, read again every few seconds while the tab shows (not at all otherwise).
class HealthFiguresView : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(noc::NocClient *client READ client WRITE setClient NOTIFY clientChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QDateTime periodStart READ periodStart NOTIFY changed)
    Q_PROPERTY(qint64 uptimeSeconds READ uptimeSeconds NOTIFY changed)
    Q_PROPERTY(double pssMiB READ pssMiB NOTIFY changed) // -1: not known on this system
    Q_PROPERTY(double cpuPercent READ cpuPercent NOTIFY changed) // of one core; -1: not known
    Q_PROPERTY(int reconnects READ reconnects NOTIFY changed)
    Q_PROPERTY(int reconnectsTotal READ reconnectsTotal NOTIFY changed)
    Q_PROPERTY(int tokenRenewals READ tokenRenewals NOTIFY changed)
    Q_PROPERTY(int tokenRenewalsTotal READ tokenRenewalsTotal NOTIFY changed)
    Q_PROPERTY(int restCalls READ restCalls NOTIFY changed)
    Q_PROPERTY(qint64 longestStaleSeconds READ longestStaleSeconds NOTIFY changed)
    Q_PROPERTY(QString longestStaleCause READ longestStaleCause NOTIFY changed)
    Q_PROPERTY(QDateTime longestStaleAt READ longestStaleAt NOTIFY changed)

public:
    explicit HealthFiguresView(QObject *parent = nullptr);

    [[nodiscard]] noc::NocClient *client() const { return m_client; }
    void setClient(noc::NocClient *client);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);

    [[nodiscard]] QDateTime periodStart() const { return m_figures.periodStart; }
    [[nodiscard]] qint64 uptimeSeconds() const { return m_figures.uptimeMs / 1000; }
    [[nodiscard]] double pssMiB() const;
    [[nodiscard]] double cpuPercent() const { return m_figures.cpuPercent; }
    [[nodiscard]] int reconnects() const { return m_figures.reconnects; }
    [[nodiscard]] int reconnectsTotal() const { return m_figures.reconnectsTotal; }
    [[nodiscard]] int tokenRenewals() const { return m_figures.tokenRenewals; }
    [[nodiscard]] int tokenRenewalsTotal() const { return m_figures.tokenRenewalsTotal; }
    [[nodiscard]] int restCalls() const { return m_figures.restCalls; }
    [[nodiscard]] qint64 longestStaleSeconds() const { return m_figures.longestStaleMs / 1000; }
    [[nodiscard]] QString longestStaleCause() const { return m_figures.longestStaleCause; }
    [[nodiscard]] QDateTime longestStaleAt() const { return m_figures.longestStaleAt; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void clientChanged();
    void activeChanged();
    void changed();

private:
    EngineLink m_client;
    bool m_active = false;
    QTimer m_refresh;
    QMetaObject::Connection m_reported;
    noc::HealthFigures m_figures;
};
