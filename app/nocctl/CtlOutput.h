// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// What every nocctl command says and how it ends: one line on stderr for people, one JSON object per
// line on stdout for scripts.
namespace ctl {

void say(const QString &text);
void printJson(const QJsonObject &object);
// ISO 8601 UTC with milliseconds; empty for an invalid time.
[[nodiscard]] QString iso(const QDateTime &at);

// Ends the event loop with `code` once; later calls are ignored. A finish before the loop runs is kept
// in `code` for the caller to return.
struct Finisher
{
    bool done = false;
    int code = 0;
    void operator()(int exitCode);
};

} // namespace ctl
