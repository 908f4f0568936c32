// Qt Quick Test runner for the QML components (tests/qml/tst_*.qml), headless. The scene and
// its C++ side are the static plugins the binary links; their qmldir files are found through the
// build directory, passed as the import path.
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(PodscapePlugin)
Q_IMPORT_QML_PLUGIN(PodscapeClusterPlugin)

QUICK_TEST_MAIN(podscape_qml)
