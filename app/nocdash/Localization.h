// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QCoreApplication;

// Installs the UI translation for `language` (a locale name such as "de"; empty: the system locale),
// replacing the one installed before, so the language can change while running. English is the source
// language and needs no file. Returns the locale name in use.
QString installTranslations(QCoreApplication &app, const QString &language);
