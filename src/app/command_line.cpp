#include "app/command_line.h"

#include "app/export_command.h"
#include "app/simulate_command.h"
#include "app/validate_command.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>
#include <cstring>

namespace podscape {

namespace {

constexpr const char *kSubcommands[] = {"validate", "simulate", "export"};

bool isSubcommand(const char *arg)
{
    for (const char *name : kSubcommands)
        if (std::strcmp(arg, name) == 0)
            return true;
    return false;
}

int runValidateCommand(const QStringList &args, QTextStream &out, QTextStream &err)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("CommandLine", "Check manifests as the API server would."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"),
                                 QCoreApplication::translate("CommandLine", "Manifest files or folders."),
                                 QStringLiteral("FILES..."));
    parser.process(args);
    if (parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("CommandLine", "podscape validate: no files given") << '\n';
        return 2;
    }
    return runValidate(parser.positionalArguments(), out, err);
}

}  // namespace

int runCommandLine(int argc, char **argv)
{
    if (argc < 2 || !isSubcommand(argv[1]))
        return -1;
    // Drawing needs a GUI application, on a platform of its own choosing.
    if (std::strcmp(argv[1], "export") == 0)
        return runExportMain(argc, argv);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("podscape"));
    QTextStream out(stdout), err(stderr);
    QStringList args = QCoreApplication::arguments();
    QString command = args.takeAt(1);
    if (command == QLatin1String("validate"))
        return runValidateCommand(args, out, err);
    if (command == QLatin1String("simulate"))
        return runSimulate(args, out, err);
    err << QCoreApplication::translate("CommandLine", "podscape %1: not available yet").arg(command) << '\n';
    return 2;
}

}  // namespace podscape
