// SPDX-License-Identifier: MIT
#include "Localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTextStream>
#include <QTranslator>

using namespace Qt::StringLiterals;

QString installTranslations(QCoreApplication &app, const QString &language)
{
    static QPointer<QTranslator> installed;
    static QPointer<QTranslator> qtInstalled;
    for (QPointer<QTranslator> *old : { &installed, &qtInstalled }) {
        if (*old) {
            QCoreApplication::removeTranslator(*old);
            delete old->data();
        }
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    // Qt's own words (the Close and Cancel of standard buttons) from the system's Qt catalogue, when
    // the distribution ships it (Debian: qt6-translations-l10n); English otherwise.
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qtTranslator);
        qtInstalled = qtTranslator;
    } else {
        delete qtTranslator;
    }
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
