import QtQuick
import Podscape
import QtQuick.Controls
import Podscape.Cluster

// Manifests dropped on it (files or folders) are opened; what the session cannot open (text,
// web links, other files) is refused, and then no overlay shows.
DropArea {
    id: area
    required property ClusterSession session

    function openable(urls) {
        let strings = []
        for (let i = 0; i < urls.length; ++i)
            strings.push(String(urls[i]))
        return session.droppable(strings)
    }

    keys: ["text/uri-list"]
    onEntered: drag => { drag.accepted = area.openable(drag.urls).length > 0 }
    onDropped: drop => {
        let paths = area.openable(drop.urls)
        if (paths.length === 0)
            return
        drop.accept(Qt.CopyAction)
        area.session.open(paths)
    }

    Rectangle {
        objectName: "dropOverlay"
        anchors.fill: parent
        visible: area.containsDrag
        color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.15)
        border.color: Theme.accent
        border.width: 4

        Rectangle {
            anchors.centerIn: parent
            width: dropLabels.implicitWidth + 48
            height: dropLabels.implicitHeight + 32
            radius: 10
            color: Theme.panel
            border.color: Theme.accent
            Column {
                id: dropLabels
                anchors.centerIn: parent
                spacing: 6
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("Drop manifests to open")
                    font.pixelSize: 26
                    font.bold: true
                    color: Theme.text
                }
                Label {
                    anchors.horizontalCenter: parent.horizontalCenter
                    text: qsTr("YAML or JSON files, or folders of them")
                    color: Theme.mutedText
                }
            }
        }
    }
}
