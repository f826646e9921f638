// SPDX-License-Identifier: MIT
#include "RenderSettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
int updatesPerSecond(const QSettings &store, const QString &key, int fallback)
{
    bool ok = false;
    const int value = store.value(key, fallback).toInt(&ok);
    return ok ? qBound(1, value, 60) : fallback;
}
} // namespace

RenderSettings RenderSettings::load(const QSettings &store)
{
    RenderSettings s;
    s.renderer = store.value(u"ui/renderer"_s, s.renderer).toString();
    s.desktopUpdatesPerSecond = updatesPerSecond(store, u"ui/updatesPerSecond"_s, s.desktopUpdatesPerSecond);
    s.wallUpdatesPerSecond = updatesPerSecond(store, u"wall/updatesPerSecond"_s, s.wallUpdatesPerSecond);
    return s;
}

RenderSettings RenderSettings::load(const QString &fileName)
{
    if (fileName.isEmpty())
        return load(QSettings());
    return load(QSettings(fileName, QSettings::IniFormat));
}
