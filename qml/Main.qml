import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

ApplicationWindow {
    id: window
    width: 1280
    height: 800
    visible: true
    title: qsTr("Podscape")

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 12

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Podscape")
            font.pixelSize: 32
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("The cluster view is on its way. From the command line today: podscape validate FILES... and podscape simulate FILES...")
        }
    }
}
