// SPDX-License-Identifier: MIT
#include "LoggingCategories.h"

Q_LOGGING_CATEGORY(lcAuth, "nocdash.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "nocdash.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "nocdash.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "nocdash.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcConnection, "nocdash.connection", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAlerts, "nocdash.alerts", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCommands, "nocdash.commands", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRest, "nocdash.rest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "nocdash.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "nocdash.keychain", QtInfoMsg)
Q_LOGGING_CATEGORY(lcHealth, "nocdash.health", QtInfoMsg)
