// SPDX-License-Identifier: MIT
#include "LoggingCategories.h"

Q_LOGGING_CATEGORY(lcAuth, "nocdash.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWs, "nocdash.ws", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProtocol, "nocdash.protocol", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "nocdash.session", QtInfoMsg)
Q_LOGGING_CATEGORY(lcKeychain, "nocdash.keychain", QtInfoMsg)
