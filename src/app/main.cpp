#include "app/command_line.h"
#include "app/translations.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <cstring>

// The scene (module Podscape) and its C++ side (module Podscape.Cluster) are static plugins.
Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

namespace {

// `podscape [FILES...] [--actions FILE] [--event-log FILE] [--lang en|ru]`. Built after the
// translator is installed: the help texts are translated when the object is made.
struct Options {
    Q_DECLARE_TR_FUNCTIONS(Options)

public:
    QCommandLineParser parser;
    QCommandLineOption actions{QStringLiteral("actions"), tr("Actions file: steps at virtual times."),
                               QStringLiteral("FILE")};
    QCommandLineOption eventLog{QStringLiteral("event-log"), tr("Append every event to FILE as a JSON line."),
                                QStringLiteral("FILE")};
    // Read before the application exists (see chooseLanguage); listed here for --help and so
    // that the parser accepts it.
    QCommandLineOption lang{QStringLiteral("lang"), tr("Language of the window: en or ru (the system's by default)."),
                            QStringLiteral("en|ru")};

    Options()
    {
        parser.setApplicationDescription(tr("Watch what Kubernetes does with manifests."));
        parser.addHelpOption();
        parser.addPositionalArgument(QStringLiteral("files"), tr("Manifest files or folders (the demo if none)."),
                                     QStringLiteral("[FILES...]"));
        parser.addOptions({actions, eventLog, lang});
    }

    // The window's initial properties.
    QVariantMap windowProperties() const
    {
        QStringList files = parser.positionalArguments();
        if (files.isEmpty())
            files.append(QStringLiteral(":/Podscape/resources/demo"));
        return {{QStringLiteral("initialFiles"), files},
                {QStringLiteral("actionsFile"), parser.value(actions)},
                {QStringLiteral("eventLogFile"), parser.value(eventLog)}};
    }
};

bool wantsHelp(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        for (const char *help : {"-h", "--help", "-?", "--help-all"})
            if (std::strcmp(argv[i], help) == 0)
                return true;
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    if (int code = podscape::runCommandLine(argc, argv); code >= 0)
        return code;

    if (wantsHelp(argc, argv)) {
        // Help needs no display: print it from a plain core application, in the window's language.
        QCoreApplication core(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("podscape"));
        podscape::installTranslations(core, podscape::chooseLanguage(QCoreApplication::arguments()));
        Options options;
        options.parser.process(core);
    }

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Podscape"));
    QGuiApplication::setOrganizationName(QStringLiteral("Podscape"));
    // The translator goes in before the parser's texts and the QML engine are made.
    const QString language = podscape::chooseLanguage(QCoreApplication::arguments());
    if (!podscape::installTranslations(app, language)) {
        qWarning("podscape: --lang %s: no such language (en, ru); the window stays in English", qPrintable(language));
        podscape::installTranslations(app, QStringLiteral("en"));
    }
    Options options;
    options.parser.process(app); // after Qt took its own options (-platform, -style, ...)

    QQmlApplicationEngine engine;
    // Qt 6.4 looks for modules in qrc:/qt-project.org/imports only; ours sit at the root.
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.setInitialProperties(options.windowProperties());
    // Qt 6.4 has no loadFromModule: load the path qt_add_qml_module gives.
    engine.load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
    return app.exec();
}
