#include "app/simulate_command.h"

#include "app/simulation_json.h"
#include "manifest/loader.h"
#include "sim/actions.h"
#include "sim/simulation.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

namespace podscape {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("SimulateCommand", text);
}

}  // namespace

int runSimulate(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Simulate what Kubernetes does with the manifests."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"), tr("Manifest files or folders."), QStringLiteral("FILES..."));
    QCommandLineOption until({QStringLiteral("until")}, tr("Virtual time to stop at (120s, 5m, 1h)."),
                             QStringLiteral("duration"), QStringLiteral("120s"));
    QCommandLineOption seed({QStringLiteral("seed")}, tr("Seed for names, IPs and tie-breaks."), QStringLiteral("N"),
                            QStringLiteral("1"));
    QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                          tr("Namespace for objects that name none."), QStringLiteral("NAMESPACE"), QStringLiteral("default"));
    QCommandLineOption actions({QStringLiteral("actions")}, tr("Actions file: steps at virtual times."), QStringLiteral("FILE"));
    QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")}, tr("Output format: json or text."),
                              QStringLiteral("format"), QStringLiteral("text"));
    parser.addOptions({until, seed, ns, actions, output});
    if (!parser.parse(args)) {
        err << parser.errorText() << '\n';
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out << parser.helpText();
        return 0;
    }
    auto untilSeconds = parseDuration(parser.value(until).toStdString());
    bool seedOk = false;
    quint64 seedValue = parser.value(seed).toULongLong(&seedOk);
    QString format = parser.value(output);
    if (!untilSeconds || !seedOk || (format != QLatin1String("json") && format != QLatin1String("text")) ||
        parser.positionalArguments().isEmpty()) {
        err << tr("podscape simulate: expected FILES..., --until as 120s/5m/1h, --seed as a number, -o json|text") << '\n';
        return 2;
    }

    std::vector<std::string> paths;
    for (const QString &p : parser.positionalArguments())
        paths.push_back(p.toStdString());
    LoaderOptions loaderOptions;
    loaderOptions.validate = false;  // the simulated API server validates, and refuses into rejected[]
    LoadResult loaded = ManifestLoader(loaderOptions).loadPaths(paths);
    std::vector<Diagnostic> problems = loaded.errors;

    SimulationOptions options;
    options.seed = seedValue;
    options.defaultNamespace = parser.value(ns).toStdString();
    Simulation sim(options);
    sim.start(loaded.objects);
    if (parser.isSet(actions)) {
        ActionsFile file = loadActions(parser.value(actions).toStdString());
        problems.insert(problems.end(), file.errors.begin(), file.errors.end());
        scheduleActions(sim, file, problems);
    }
    sim.runUntil(*untilSeconds);

    SimulationReport report{sim, problems};
    if (format == QLatin1String("json"))
        out << QJsonDocument(simulationToJson(report)).toJson(QJsonDocument::Indented);
    else
        out << simulationToText(report);
    out.flush();
    return 0;
}

}  // namespace podscape
