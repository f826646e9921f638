// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace noc::sim {

// Serialises like Python's json.dumps() with its defaults: ", " and ": " separators, ASCII only
// (\uXXXX escapes), "/" left alone. The real server's frames look like this, and a client that only
// ever saw Qt's compact output might depend on it by accident.
class PyJson
{
public:
    [[nodiscard]] static QByteArray dumps(const QJsonValue &value);
    [[nodiscard]] static QByteArray dumps(const QJsonObject &object) { return dumps(QJsonValue(object)); }
    [[nodiscard]] static QByteArray dumps(const QJsonArray &array) { return dumps(QJsonValue(array)); }
    // Like json.loads(): any JSON value at the top level ("5", "null" too, which QJsonDocument refuses);
    // std::nullopt when the text is not JSON.
    [[nodiscard]] static std::optional<QJsonValue> loads(const QByteArray &text);

private:
    static void write(QByteArray &out, const QJsonValue &value);
    static void writeString(QByteArray &out, const QString &text);
};

} // namespace noc::sim
