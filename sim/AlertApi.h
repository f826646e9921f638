// SPDX-License-Identifier: MIT
#pragma once

#include "AlertActions.h"
#include "AlertStore.h"
#include "HttpReply.h"
#include "LoginThrottle.h"
#include "SimulatorOptions.h"
#include "TokenStore.h"

#include <QHash>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace noc::sim {

// The REST alert API of PROTOCOL.md section 6 under /api/noc/ and /noc/: the trailing-slash redirect,
// Bearer authentication, the per-user and per-address rate limits, the list with its paging quirks,
// the detail, and the actions (AlertActions). Its switches can change at run time.
class AlertApi
{
public:
    // Called after a successful action with the alerts whose record changed.
    using ChangeHandler = std::function<void(const QList<qint64> &changed)>;

    struct Calls
    {
        int total = 0;
        int list = 0;
        int detail = 0;
        int actions = 0;
        int throttled = 0;
    };

    AlertApi(const SimulatorOptions &options, TokenStore &tokens, AlertStore &store, ChangeHandler onChange);
    ~AlertApi();

    // std::nullopt when the path is not under the alert API (or the API is absent).
    [[nodiscard]] std::optional<HttpReply> handle(const HttpCall &call);

    [[nodiscard]] const AlertApiOptions &settings() const { return m_settings; }
    void setSettings(const AlertApiOptions &settings);

    // Per username ("" = unauthenticated), since start or the last reset.
    [[nodiscard]] const QHash<QString, Calls> &calls() const { return m_calls; }
    void resetCalls() { m_calls.clear(); }

    [[nodiscard]] static bool isAlertPath(const QString &path);

private:
    struct Route;

    [[nodiscard]] std::optional<Route> route(const QString &path) const;
    [[nodiscard]] HttpReply list(const HttpCall &call, const SimUser &user) const;
    [[nodiscard]] HttpReply detail(qint64 id, const SimUser &user) const;
    [[nodiscard]] static QString pageUrl(const HttpCall &call, std::optional<int> page);

    const SimulatorOptions &m_options;
    TokenStore &m_tokens;
    AlertStore &m_store;
    AlertActions m_actions;
    ChangeHandler m_onChange;
    AlertApiOptions m_settings;
    std::unique_ptr<LoginThrottle> m_userThrottle;
    std::unique_ptr<LoginThrottle> m_anonymousThrottle;
    QHash<QString, Calls> m_calls;
};

} // namespace noc::sim
