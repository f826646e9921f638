// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUrl>

namespace noc {

// Tokens travel in query strings (PROTOCOL.md): every URL that reaches a log or the UI goes through here.
[[nodiscard]] QString redactedUrl(const QUrl &url);
// For free text that may quote a URL or a token (a server's error string, a Qt error message).
[[nodiscard]] QString redactedText(QString text);

} // namespace noc
