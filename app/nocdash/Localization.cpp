// SPDX-License-Identifier: MIT
#include "Localization.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>
#include <QTextStream>
#include <QTranslator>

using namespace Qt::StringLiterals;

QString installTranslations(QCoreApplication &app, const QString &language)
{
    static QPointer<QTranslator> installed;
    if (installed) {
        QCoreApplication::removeTranslator(installed);
        delete installed;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    auto *translator = new QTranslator(&app);
    // qt_add_translations embeds the .qm files under :/i18n.
    if (translator->load(locale, u"nocdash"_s, u"_"_s, u":/i18n"_s)) {
        QCoreApplication::installTranslator(translator);
        installed = translator;
    } else {
        delete translator;
        if (!language.isEmpty() && locale.language() != QLocale::English)
            QTextStream(stderr) << "nocdash: no translation for " << language << "; using English\n";
    }
    return locale.name();
}
