// SPDX-License-Identifier: MIT
#include "ClientSettings.h"

#include <QSettings>
#include <QStandardPaths>
#include <QVariant>

namespace noc {

using namespace Qt::StringLiterals;

namespace {
QStringList listValue(const QSettings &settings, const QString &key)
{
    // A hand-written preset says "a, b"; QSettings reads that as one string, not a list.
    const QVariant value = settings.value(key);
    QStringList items = value.typeId() == QMetaType::QStringList
        ? value.toStringList()
        : value.toString().split(u',', Qt::SkipEmptyParts);
    for (QString &item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}
} // namespace

ClientSettings ClientSettings::load(const QSettings &settings)
{
    ClientSettings s;
    const ClientSettings defaults;
    for (const QString &url : listValue(settings, u"connection/servers"_s)) {
        const QUrl parsed(url);
        if (parsed.isValid() && !parsed.host().isEmpty())
            s.servers.append(parsed);
    }
    s.authGeneration = authGenerationFromString(settings.value(u"connection/auth"_s).toString())
                           .value_or(defaults.authGeneration);
    s.tokenLocation = tokenLocationFromString(settings.value(u"connection/tokenLocation"_s).toString())
                          .value_or(defaults.tokenLocation);
    s.origin = settings.value(u"connection/origin"_s).toString();
    s.caBundlePath = settings.value(u"connection/caBundle"_s).toString();
    s.insecureTls = settings.value(u"connection/insecureTls"_s, false).toBool();
    s.heartbeatSeconds = qBound(1, settings.value(u"connection/heartbeatSeconds"_s, 30).toInt(), 3600);
    s.username = settings.value(u"account/username"_s).toString();
    s.rememberPassword = settings.value(u"account/rememberPassword"_s, false).toBool();
    s.subscriptions = listValue(settings, u"subscriptions/clients"_s);
    s.backoff.baseMs = qMax(100, settings.value(u"backoff/baseMs"_s, defaults.backoff.baseMs).toInt());
    s.backoff.factor
        = qBound(1.0, settings.value(u"backoff/factor"_s, defaults.backoff.factor).toDouble(), 10.0);
    s.backoff.capMs
        = qMax(s.backoff.baseMs, settings.value(u"backoff/capMs"_s, defaults.backoff.capMs).toInt());
    s.backoff.jitter
        = qBound(0.0, settings.value(u"backoff/jitter"_s, defaults.backoff.jitter).toDouble(), 0.5);
    s.backoff.maxAttempts
        = qMax(1, settings.value(u"backoff/maxAttempts"_s, defaults.backoff.maxAttempts).toInt());
    s.wallMode = settings.value(u"wall/enabled"_s, false).toBool();
    s.reconcileSeconds = qBound(
        60, settings.value(u"history/reconcileSeconds"_s, defaults.reconcileSeconds).toInt(), 24 * 3600);
    return s;
}

QString ClientSettings::defaultStateDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/nocdash"_s;
}

QList<std::pair<QString, QVariant>> ClientSettings::keyValues() const
{
    QStringList urls;
    for (const QUrl &url : servers)
        urls.append(url.toString());
    return {
        { u"connection/servers"_s, urls },
        { u"connection/auth"_s, authGenerationName(authGeneration) },
        { u"connection/tokenLocation"_s, tokenLocationName(tokenLocation) },
        { u"connection/origin"_s, origin },
        { u"connection/caBundle"_s, caBundlePath },
        { u"connection/insecureTls"_s, insecureTls },
        { u"connection/heartbeatSeconds"_s, heartbeatSeconds },
        { u"account/username"_s, username },
        { u"account/rememberPassword"_s, rememberPassword },
        { u"subscriptions/clients"_s, subscriptions },
        { u"backoff/baseMs"_s, backoff.baseMs },
        { u"backoff/factor"_s, backoff.factor },
        { u"backoff/capMs"_s, backoff.capMs },
        { u"backoff/jitter"_s, backoff.jitter },
        { u"backoff/maxAttempts"_s, backoff.maxAttempts },
        { u"wall/enabled"_s, wallMode },
        { u"history/reconcileSeconds"_s, reconcileSeconds },
    };
}

void ClientSettings::save(QSettings &settings) const
{
    for (const auto &[key, value] : keyValues())
        settings.setValue(key, value);
}

void ClientSettings::saveChanges(QSettings &settings, const ClientSettings &before) const
{
    const auto old = before.keyValues();
    const auto now = keyValues();
    for (qsizetype i = 0; i < now.size(); ++i) {
        if (now.at(i).second != old.at(i).second)
            settings.setValue(now.at(i).first, now.at(i).second);
    }
}

ServerProfile ClientSettings::profileFor(qsizetype index) const
{
    ServerProfile profile;
    if (index >= 0 && index < servers.size())
        profile.baseUrl = servers.at(index);
    profile.authGeneration = authGeneration;
    profile.tokenLocation = tokenLocation;
    profile.origin = origin;
    return profile;
}

} // namespace noc
