// SPDX-License-Identifier: MIT
#pragma once

#include "HttpReply.h"

#include <QHostAddress>

#include <optional>

namespace noc::sim {

class Simulator;

// Fault injection and records at run time, on the simulator's own port under /control/.
// JSON in and out; loopback peers only, since it can stop the server and read who acknowledged what.
class ControlApi
{
public:
    explicit ControlApi(Simulator &simulator);

    // std::nullopt when the path is not under /control/.
    [[nodiscard]] std::optional<HttpReply> handle(const HttpCall &call);

    [[nodiscard]] static bool isPeerAllowed(const QHostAddress &peer);
    [[nodiscard]] static bool isControlPath(const QString &path);

private:
    [[nodiscard]] HttpReply dispatch(const QString &endpoint, const QByteArray &method,
                                     const QJsonObject &body);
    [[nodiscard]] HttpReply publish(const QJsonObject &body);
    [[nodiscard]] std::optional<HttpReply> alerts(const QString &endpoint, bool get, const QJsonObject &body);
    [[nodiscard]] HttpReply seed(const QJsonObject &body);
    [[nodiscard]] HttpReply act(const QJsonObject &body);
    [[nodiscard]] HttpReply alertApi(bool get, const QJsonObject &body);
    [[nodiscard]] HttpReply restCalls() const;
    [[nodiscard]] HttpReply status() const;

    Simulator &m_simulator;
};

} // namespace noc::sim
