#include "app/command_line.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

// The scene (module Podscape) and its C++ side (module Podscape.Cluster) are static plugins.
Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

namespace {

// `podscape [FILES...]`: the manifests to open, or the bundled demo when none is given.
QStringList filesToOpen()
{
    QStringList files = QCoreApplication::arguments().mid(1);
    if (files.isEmpty())
        files.append(QStringLiteral(":/Podscape/resources/demo"));
    return files;
}

} // namespace

int main(int argc, char *argv[])
{
    if (int code = podscape::runCommandLine(argc, argv); code >= 0)
        return code;

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Podscape"));
    QGuiApplication::setOrganizationName(QStringLiteral("Podscape"));

    QQmlApplicationEngine engine;
    // Qt 6.4 looks for modules in qrc:/qt-project.org/imports only; ours sit at the root.
    engine.addImportPath(QStringLiteral("qrc:/"));
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    engine.setInitialProperties({{QStringLiteral("initialFiles"), filesToOpen()}});
    // Qt 6.4 has no loadFromModule: load the path qt_add_qml_module gives.
    engine.load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
    return app.exec();
}
