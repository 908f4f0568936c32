// Qt Quick Test runner for the QML components (tests/qml/tst_*.qml), headless. The scene and
// its C++ side are the static plugins the binary links; their qmldir files are found through the
// build directory, passed as the import path.
#include <QStandardPaths>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

class Setup : public QObject {
    Q_OBJECT

public slots:
    // The toolbar's recent-files list goes to ~/.qttest, never to the user's settings.
    void applicationAvailable() { QStandardPaths::setTestModeEnabled(true); }
};

QUICK_TEST_MAIN_WITH_SETUP(podscape_qml, Setup)

#include "tst_qml.moc"
