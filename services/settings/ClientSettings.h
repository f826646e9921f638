// SPDX-License-Identifier: MIT
#pragma once

#include "ServerProfile.h"

#include <QList>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <utility>

class QSettings;

namespace noc {

struct BackoffPolicy
{
    int baseMs = 1000;
    double factor = 2.0;
    int capMs = 30000;
    double jitter
        = 0.2; // +/- this share of each delay, so a fleet of wall screens does not reconnect in step
    int maxAttempts = 8; // desktop: then Failed with a retry action; wall mode never gives up

    friend bool operator==(const BackoffPolicy &, const BackoffPolicy &) = default;
};

// Connection settings shared by nocdash and nocctl. Stored with QSettings (organisation and application
// "nocdash"): the user's file first, then the system-wide preset IT deploys (Linux:
// /etc/xdg/nocdash/nocdash.conf). Never a secret here: tokens and passwords live in the keychain.
struct ClientSettings
{
    QList<QUrl> servers; // in failover order
    AuthGeneration authGeneration = AuthGeneration::Auto;
    TokenLocation tokenLocation = TokenLocation::Query;
    QString origin;
    QString caBundlePath; // PEM file with the company CA, added to the system CAs
    bool insecureTls = false; // only by explicit operator choice
    QString username;
    bool rememberPassword = false;
    QStringList subscriptions;
    int heartbeatSeconds = 30;
    BackoffPolicy backoff;
    bool wallMode = false; // never give up reconnecting
    // How often the open alerts' statuses are read again from the server (colleagues' actions on
    // servers that do not push alert_updated). 4 calls each: 600 s spends 24 of the 600 an hour.
    int reconcileSeconds = 600;

    friend bool operator==(const ClientSettings &, const ClientSettings &) = default;

    [[nodiscard]] static ClientSettings load(const QSettings &settings);
    // Where nocdash and nocctl keep state between runs (the ack outbox, the subscription set):
    // shared, so an ack queued by one is delivered by the other.
    [[nodiscard]] static QString defaultStateDirectory();
    void save(QSettings &settings) const;
    // Writes only the keys whose values differ from `before` (what was loaded), so a system-wide preset
    // keeps governing every key the user did not change.
    void saveChanges(QSettings &settings, const ClientSettings &before) const;
    // The profile for servers[index] (or an empty one).
    [[nodiscard]] ServerProfile profileFor(qsizetype index) const;

private:
    // Every stored key with its value, in one order: save and saveChanges share it.
    [[nodiscard]] QList<std::pair<QString, QVariant>> keyValues() const;
};

} // namespace noc
