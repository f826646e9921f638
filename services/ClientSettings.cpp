// SPDX-License-Identifier: MIT
#include "ClientSettings.h"

#include <QSettings>
#include <QStandardPaths>

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
    return s;
}

QString ClientSettings::defaultStateDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/nocdash"_s;
}

void ClientSettings::save(QSettings &settings) const
{
    QStringList urls;
    for (const QUrl &url : servers)
        urls.append(url.toString());
    settings.setValue(u"connection/servers"_s, urls);
    settings.setValue(u"connection/auth"_s, authGenerationName(authGeneration));
    settings.setValue(u"connection/tokenLocation"_s, tokenLocationName(tokenLocation));
    settings.setValue(u"connection/origin"_s, origin);
    settings.setValue(u"connection/caBundle"_s, caBundlePath);
    settings.setValue(u"connection/insecureTls"_s, insecureTls);
    settings.setValue(u"connection/heartbeatSeconds"_s, heartbeatSeconds);
    settings.setValue(u"account/username"_s, username);
    settings.setValue(u"account/rememberPassword"_s, rememberPassword);
    settings.setValue(u"subscriptions/clients"_s, subscriptions);
    settings.setValue(u"backoff/baseMs"_s, backoff.baseMs);
    settings.setValue(u"backoff/factor"_s, backoff.factor);
    settings.setValue(u"backoff/capMs"_s, backoff.capMs);
    settings.setValue(u"backoff/jitter"_s, backoff.jitter);
    settings.setValue(u"backoff/maxAttempts"_s, backoff.maxAttempts);
    settings.setValue(u"wall/enabled"_s, wallMode);
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
