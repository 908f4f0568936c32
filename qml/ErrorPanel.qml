import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// What could not be loaded (file:line:col: message) and what the API server refused. Nothing
// already loaded is lost; the panel only tells.
Rectangle {
    id: panel
    required property ClusterSession session
    property bool expanded: true

    visible: session.errors.length > 0
    implicitHeight: visible ? header.implicitHeight + (expanded ? Math.min(list.contentHeight, 110) + 8 : 0) + 12 : 0
    color: Theme.errorBackground
    border.color: Theme.failed

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 6
        spacing: 4
        RowLayout {
            id: header
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: qsTr("%n problem(s) with the manifests", "", panel.session.errors.length)
                font.bold: true
                color: Theme.failed
            }
            ToolButton {
                text: panel.expanded ? qsTr("Hide") : qsTr("Show")
                onClicked: panel.expanded = !panel.expanded
            }
        }
        ListView {
            id: list
            visible: panel.expanded
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: panel.session.errors
            ScrollBar.vertical: ScrollBar {}
            delegate: Label {
                required property string modelData
                width: ListView.view.width
                text: modelData
                font.family: "monospace"
                font.pixelSize: Theme.smallFont + 1
                wrapMode: Text.Wrap
                color: Theme.text
            }
        }
    }
}
