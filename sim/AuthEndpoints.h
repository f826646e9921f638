// SPDX-License-Identifier: MIT
#pragma once

#include "HttpReply.h"
#include "LoginThrottle.h"
#include "SimulatorOptions.h"
#include "TokenStore.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace noc::sim {

// REST login of both server generations: A (simplejwt's /api/auth/token/...) and B (/api/v2/auth/...),
// with their different envelopes, error codes, throttle and the 401 for a stray Authorization header.
class AuthEndpoints
{
public:
    AuthEndpoints(const SimulatorOptions &options, TokenStore &tokens);

    // std::nullopt when the path is not an auth path of an enabled generation.
    [[nodiscard]] std::optional<HttpReply> handle(const HttpCall &call);

    void setRefuseLogins(bool refuse) { m_refuseLogins = refuse; }
    [[nodiscard]] bool refuseLogins() const { return m_refuseLogins; }
    // Requests per auth path, answered or refused (tests: a client must not loop on a dead token).
    [[nodiscard]] const QHash<QString, int> &calls() const { return m_calls; }

    // For generation B and the framework: {"correlation_id","timestamp"}.
    [[nodiscard]] static QJsonObject meta();
    // {"error":{"code","message","details","correlation_id"}}: what DRF's exception handler writes.
    [[nodiscard]] static HttpReply frameworkError(int status, const QString &code, const QString &message,
                                                  const QJsonValue &details = QJsonValue::Null);

private:
    enum class Generation
    {
        A,
        B
    };

    [[nodiscard]] bool enabled(Generation generation) const;
    [[nodiscard]] std::optional<HttpReply> preflight(const HttpCall &call, Generation generation,
                                                     bool throttled, bool rejectAuthorization);
    [[nodiscard]] static std::optional<QJsonObject> parseBody(const HttpCall &call);

    [[nodiscard]] HttpReply tokenObtain(const QJsonObject &body);
    [[nodiscard]] HttpReply tokenRefresh(const QJsonObject &body);
    [[nodiscard]] HttpReply v2Login(const QJsonObject &body);
    [[nodiscard]] HttpReply v2Refresh(const QJsonObject &body);
    [[nodiscard]] HttpReply v2Logout(const HttpCall &call, const QJsonObject &body);
    [[nodiscard]] HttpReply v2Verify(const QJsonObject &body);

    [[nodiscard]] static HttpReply v2Error(int status, const QString &code, const QString &message);
    [[nodiscard]] static HttpReply v2Success(const QJsonObject &data);
    [[nodiscard]] QJsonObject userObject(const SimUser &user) const;

    const SimulatorOptions &m_options;
    TokenStore &m_tokens;
    LoginThrottle m_throttle;
    bool m_refuseLogins = false;
    QHash<QString, int> m_calls;
};

} // namespace noc::sim
