// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonDocument>
#include <QString>

#include <optional>

// Small JSON state files (the subscription set; the outboxes through DurableStore): written atomically,
// so a crash mid-write leaves the previous version, never half of one.
namespace noc::state {

// Creates the directory a state file goes into (and its parents) when missing.
void ensureDirectoryFor(const QString &path);
bool writeJsonAtomically(const QString &path, const QJsonDocument &document, QString *error = nullptr);
// Nothing when the file does not exist; an invalid document when it exists but cannot be parsed.
[[nodiscard]] std::optional<QJsonDocument> readJson(const QString &path, QString *error = nullptr);

} // namespace noc::state
