#include "app/export_command.h"

#include "app/cluster_session.h"
#include "app/diagram_exporter.h"
#include "app/translations.h"
#include "sim/actions.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlEngine>
#include <QQuickWindow>

#include <cstring>
#include <optional>

namespace podscape {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ExportCommand", text);
}

struct ExportOptions {
    QStringList files;
    QString output;
    double at = 120;
    int scale = 1;
    bool dark = false;
    QString actions;
    QString language; // of the picture's words; empty: English, whatever the locale, so output is reproducible
    SimulationOptions simulation;
};

bool platformGiven(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "-platform") == 0 || std::strcmp(argv[i], "--platform") == 0)
            return true;
    return !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
}

// The command line, with the options as `simulate` spells them (--at for --until, the same default).
struct ExportParser {
    QCommandLineParser parser;
    QCommandLineOption output{
        {QStringLiteral("o"), QStringLiteral("output")}, tr("The PNG file to write."), QStringLiteral("out.png")};
    QCommandLineOption at{QStringLiteral("at"), tr("Virtual time to draw (120s, 5m, 1h)."), QStringLiteral("duration"),
                          QStringLiteral("120s")};
    QCommandLineOption scale{QStringLiteral("scale"), tr("Pixels per unit: 1, 2 or 4."), QStringLiteral("N"),
                             QStringLiteral("1")};
    QCommandLineOption theme{QStringLiteral("theme"), tr("light or dark."), QStringLiteral("theme"),
                             QStringLiteral("light")};
    QCommandLineOption actions{QStringLiteral("actions"), tr("Actions file: steps at virtual times."),
                               QStringLiteral("FILE")};
    QCommandLineOption ns{{QStringLiteral("n"), QStringLiteral("namespace")},
                          tr("Namespace for objects that name none."),
                          QStringLiteral("NAMESPACE"),
                          QStringLiteral("default")};
    QCommandLineOption seed{QStringLiteral("seed"), tr("Seed for names, IPs and tie-breaks."), QStringLiteral("N"),
                            QStringLiteral("1")};
    QCommandLineOption lang{QStringLiteral("lang"), tr("Language of the picture's words: en or ru (en by default)."),
                            QStringLiteral("en|ru")};

    ExportParser()
    {
        parser.setApplicationDescription(tr("Draw the cluster as the GUI does, to a PNG, without a display."));
        parser.addHelpOption();
        parser.addPositionalArgument(QStringLiteral("files"), tr("Manifest files or folders."),
                                     QStringLiteral("FILES..."));
        parser.addOptions({output, at, scale, theme, actions, ns, seed, lang});
    }

    // The options, or nothing when a value is missing or malformed.
    std::optional<ExportOptions> options() const
    {
        ExportOptions options;
        auto atSeconds = parseDuration(parser.value(at).toStdString());
        bool scaleOk = false, seedOk = false;
        options.scale = parser.value(scale).toInt(&scaleOk);
        options.simulation.seed = parser.value(seed).toULongLong(&seedOk);
        const QString themeName = parser.value(theme);
        if (!atSeconds || !scaleOk || !DiagramExporter::isValidScale(options.scale) || !seedOk ||
            (themeName != QLatin1String("light") && themeName != QLatin1String("dark")) || !parser.isSet(output) ||
            parser.positionalArguments().isEmpty() ||
            (parser.isSet(lang) && !availableLanguages().contains(parser.value(lang))))
            return std::nullopt;
        options.files = parser.positionalArguments();
        options.output = parser.value(output);
        options.at = *atSeconds;
        options.dark = themeName == QLatin1String("dark");
        options.actions = parser.value(actions);
        options.language = parser.value(lang);
        options.simulation.defaultNamespace = parser.value(ns).toStdString();
        return options;
    }
};

// The options, or nothing after printing the help (exit code 0) or why they are wrong (2).
std::optional<ExportOptions> parseOptions(const QStringList &args, QTextStream &out, QTextStream &err, int &exitCode)
{
    ExportParser command;
    exitCode = 2;
    if (!command.parser.parse(args)) {
        err << command.parser.errorText() << '\n';
        return std::nullopt;
    }
    if (command.parser.isSet(QStringLiteral("help"))) {
        out << command.parser.helpText();
        exitCode = 0;
        return std::nullopt;
    }
    std::optional<ExportOptions> options = command.options();
    if (!options)
        err << tr("podscape export: expected FILES... -o out.png, --at as 120s/5m/1h, --scale 1|2|4, "
                  "--theme light|dark, --seed as a number, --lang en|ru")
            << '\n';
    return options;
}

// The problems with the input, file:line:col first; what the API server refused after them.
// Returns how many were input errors (the session lists those before the refusals).
qsizetype reportProblems(const ClusterSession &session, QTextStream &err)
{
    const QStringList errors = session.errors();
    for (const QString &e : errors)
        err << e << '\n';
    return errors.size() - qsizetype(session.simulation()->rejected().size());
}

} // namespace

int runExportMain(int argc, char **argv)
{
    // No display needed: offscreen unless a platform was asked for, and Qt Quick's software
    // renderer, which needs no GPU either.
    if (!platformGiven(argc, argv))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QGuiApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("podscape"));
    QTextStream out(stdout), err(stderr);
    QStringList args = QCoreApplication::arguments();
    args.removeAt(1); // "export"
    return runExport(args, out, err);
}

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    int exitCode = 0;
    std::optional<ExportOptions> options = parseOptions(args, out, err, exitCode);
    if (!options)
        return exitCode;
    // Only the picture is translated (the scene's qsTr texts, the title); what is printed here
    // stays English, as the other subcommands.
    if (!options->language.isEmpty())
        installTranslations(*QCoreApplication::instance(), options->language);

    ClusterSession session;
    QQmlEngine::setObjectOwnership(&session, QQmlEngine::CppOwnership);
    session.setSimulationOptions(options->simulation);
    if (!options->actions.isEmpty())
        session.loadActions(options->actions);
    if (!session.open(options->files)) {
        reportProblems(session, err);
        err << tr("podscape export: nothing could be loaded; %1 not written").arg(options->output) << '\n';
        return 1;
    }
    session.advanceTo(options->at);
    const qsizetype inputErrors = reportProblems(session, err);

    DiagramExporter exporter;
    std::optional<DiagramExporter::Picture> picture = exporter.render(session, options->scale, options->dark);
    if (!picture || !exporter.writePng(picture->image, options->output)) {
        err << tr("podscape export: %1").arg(exporter.errorString()) << '\n';
        return 1;
    }
    out << tr("%1: %2 × %3 pixels").arg(options->output).arg(picture->image.width()).arg(picture->image.height())
        << '\n';
    return inputErrors > 0 ? 1 : 0;
}

} // namespace podscape
