// SPDX-License-Identifier: MIT
#include "CtlOutput.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace ctl {

void say(const QString &text)
{
    QTextStream(stderr) << "nocctl: " << text << '\n';
}

void printJson(const QJsonObject &object)
{
    QTextStream out(stdout);
    out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
    out.flush();
}

QString iso(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

void Finisher::operator()(int exitCode)
{
    if (std::exchange(done, true))
        return;
    code = exitCode;
    QCoreApplication::exit(exitCode);
}

} // namespace ctl
