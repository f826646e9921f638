// SPDX-License-Identifier: MIT
#pragma once

#include <QLoggingCategory>

// One category per concern, so an operator turns on exactly what he needs:
// QT_LOGGING_RULES="nocdash.ws.debug=true"
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcWs)
Q_DECLARE_LOGGING_CATEGORY(lcProtocol)
Q_DECLARE_LOGGING_CATEGORY(lcSession) // NocClient: what the parts say together
Q_DECLARE_LOGGING_CATEGORY(lcConnection) // state machine, retries, failover, network, staleness
Q_DECLARE_LOGGING_CATEGORY(lcAlerts) // REST alert records: reads, back-fills, look-ups
Q_DECLARE_LOGGING_CATEGORY(lcCommands) // acknowledgements, actions, subscriptions sent
Q_DECLARE_LOGGING_CATEGORY(lcRest) // every REST call: status, waits, retries
Q_DECLARE_LOGGING_CATEGORY(lcStore) // the durable outbox files
Q_DECLARE_LOGGING_CATEGORY(lcKeychain)
Q_DECLARE_LOGGING_CATEGORY(lcHealth) // one line an hour: uptime, cost, reconnects, staleness
