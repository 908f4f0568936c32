#include "app/command_line.h"

#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QUrl>

int main(int argc, char *argv[])
{
    if (int code = podscape::runCommandLine(argc, argv); code >= 0)
        return code;

    QGuiApplication app(argc, argv);
    QGuiApplication::setApplicationName(QStringLiteral("Podscape"));
    QGuiApplication::setOrganizationName(QStringLiteral("Podscape"));

    QQmlApplicationEngine engine;
    QObject::connect(
        &engine, &QQmlApplicationEngine::objectCreationFailed, &app, [] { QCoreApplication::exit(1); },
        Qt::QueuedConnection);
    // Qt 6.4 has no loadFromModule: load the path qt_add_qml_module gives.
    engine.load(QUrl(QStringLiteral("qrc:/Podscape/qml/Main.qml")));
    return app.exec();
}
