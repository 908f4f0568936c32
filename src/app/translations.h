// The language of the window: English or Russian, from the system locale or `--lang en|ru`.
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace podscape {

// The languages translations/ holds, as `--lang` spells them.
QStringList availableLanguages();

// The value of `--lang X` or `--lang=X` in args (args[0] is the program), or an empty string.
QString languageArgument(const QStringList &args);

// The language to show: `--lang` when given, else the system locale's language when we have it
// (ru for any Russian locale), else en. An unknown `--lang` value is returned as given, so that
// the caller can refuse it.
QString chooseLanguage(const QStringList &args, const QLocale &system = QLocale::system());

// Installs our translator for lang (and Qt's own, for its dialogs, when the system has it) on app.
// Must run before the QML engine loads: qsTr bindings are evaluated once at creation.
// Returns false, and installs nothing, when lang is not one of availableLanguages().
bool installTranslations(QCoreApplication &app, const QString &lang);

} // namespace podscape
