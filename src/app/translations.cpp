#include "app/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace podscape {

QStringList availableLanguages()
{
    return {QStringLiteral("en"), QStringLiteral("ru")};
}

QString languageArgument(const QStringList &args)
{
    const QString option = QStringLiteral("--lang");
    const QString withValue = option + QLatin1Char('=');
    for (qsizetype i = 1; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (arg == QLatin1String("--"))
            break; // what follows are file names
        if (arg == option || arg == QLatin1String("-lang"))
            return i + 1 < args.size() ? args.at(i + 1) : QString();
        if (arg.startsWith(withValue))
            return arg.mid(withValue.size());
    }
    return {};
}

QString chooseLanguage(const QStringList &args, const QLocale &system)
{
    const QString given = languageArgument(args);
    if (!given.isEmpty())
        return given.toLower();
    // uiLanguages() is what the desktop asks for, in order (LANGUAGE=ru:en, LC_MESSAGES, ...).
    for (const QString &name : system.uiLanguages()) {
        const QString language = QLocale(name).name().section(QLatin1Char('_'), 0, 0);
        if (availableLanguages().contains(language))
            return language;
    }
    return QStringLiteral("en");
}

bool installTranslations(QCoreApplication &app, const QString &lang)
{
    if (!availableLanguages().contains(lang))
        return false;
    // English is installed too: its .ts carries the plural forms of the %n strings.
    auto *ours = new QTranslator(&app);
    if (!ours->load(QStringLiteral(":/i18n/podscape_%1.qm").arg(lang))) {
        delete ours;
        return false;
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (file dialog buttons, ...) come from the system's Qt translations when
    // installed (package qt6-translations-l10n); without them those stay English.
    if (lang != QLatin1String("en")) {
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qt_") + lang, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    return true;
}

} // namespace podscape
