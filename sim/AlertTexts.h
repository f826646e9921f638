// SPDX-License-Identifier: MIT
#pragma once

#include "SimulatorOptions.h"

#include <QJsonObject>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace noc::sim {

// Realistic alert and event content (devices, sites, severities weighted like a real NOC day), all drawn
// from the caller's generator so a seed reproduces the same stream.
class AlertTexts
{
public:
    struct Alert
    {
        QString severity;
        QString alertType;
        QString message;
        QString site; // the site the message names
    };

    [[nodiscard]] static QStringList severities();
    [[nodiscard]] static QStringList alertTypes();

    // INFO/LOW common, CRITICAL rare.
    [[nodiscard]] static QString randomSeverity(QRandomGenerator &rng);
    [[nodiscard]] static Alert randomAlert(QRandomGenerator &rng);
    // The message names `site`, or a random one when it is empty.
    [[nodiscard]] static QString messageFor(const QString &alertType, QRandomGenerator &rng,
                                            const QString &site = {});

    // Payloads without "type"; the caller adds it.
    // Its location is `site` (random when empty), the one its message names.
    [[nodiscard]] static QJsonObject criticalAlert(QRandomGenerator &rng, qint64 sourceId,
                                                   const QString &site = {});
    [[nodiscard]] static QJsonObject finding(QRandomGenerator &rng, qint64 findingId);
    [[nodiscard]] static QJsonObject anomaly(QRandomGenerator &rng, qint64 anomalyId);
    [[nodiscard]] static QJsonObject ticketUpdate(QRandomGenerator &rng, qint64 ticketId);
    // {"user_id","status":{...}}; minimal keeps only state, last_seen and username in "status".
    [[nodiscard]] static QJsonObject userStatus(QRandomGenerator &rng, const SimUser &user,
                                                const QString &state, bool minimal);
    [[nodiscard]] static QString randomPresenceState(QRandomGenerator &rng);

private:
    struct Site
    {
        int id;
        const char *name;
    };
    [[nodiscard]] static Site randomSite(QRandomGenerator &rng);
    [[nodiscard]] static QString siteName(const Site &site);
    [[nodiscard]] static QString randomDevice(QRandomGenerator &rng);
    template<std::size_t N>
    [[nodiscard]] static QString pick(QRandomGenerator &rng, const char *const (&items)[N]);
};

} // namespace noc::sim
