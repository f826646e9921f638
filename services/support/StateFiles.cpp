// SPDX-License-Identifier: MIT
#include "StateFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace noc::state {

void ensureDirectoryFor(const QString &path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
}

bool writeJsonAtomically(const QString &path, const QJsonDocument &document, QString *error)
{
    ensureDirectoryFor(path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document.toJson(QJsonDocument::Compact)) < 0
        || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<QJsonDocument> readJson(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return QJsonDocument();
    }
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (error)
            *error = parseError.errorString();
        return QJsonDocument();
    }
    return document;
}

} // namespace noc::state
