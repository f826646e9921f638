// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

// Client -> server frames, built in one place so their shape is fixed and tested.
namespace noc::commands {

[[nodiscard]] QByteArray subscribeClient(const QString &clientId);
[[nodiscard]] QByteArray acknowledgeAlert(const QString &alertId);
[[nodiscard]] QByteArray requestMetrics(const QString &clientId);
// The server closes with 1011 on a timestamp without a UTC offset: this always writes one.
[[nodiscard]] QByteArray heartbeat(const QDateTime &now);
[[nodiscard]] QByteArray ping();
[[nodiscard]] QByteArray getStats();

[[nodiscard]] QString utcTimestamp(const QDateTime &time);

} // namespace noc::commands
