import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// The event log, as `kubectl get events -w` shows it; it follows the newest event unless the
// user scrolls up. Clicking a pod's event selects the pod.
Pane {
    id: log
    required property ClusterSession session
    padding: 0

    readonly property var columns: [70, 70, 150, 260]  // time, type, reason, object; message fills

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.rightMargin: 10
            Layout.topMargin: 4
            spacing: 8
            Label {
                text: qsTr("Events")
                font.pixelSize: Theme.titleFont
                font.bold: true
            }
            TextField {
                id: filterText
                Layout.preferredWidth: 260
                placeholderText: qsTr("Filter by reason, object or message")
                selectByMouse: true
            }
            CheckBox {
                id: warningsOnly
                text: qsTr("Warnings only")
            }
            Item { Layout.fillWidth: true }
            Label {
                text: list.count === log.session.events.count
                      ? qsTr("%1 events").arg(list.count)
                      : qsTr("%1 of %2 events").arg(list.count).arg(log.session.events.count)
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont + 1
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 10
            Layout.topMargin: 4
            Layout.bottomMargin: 4
            spacing: 0
            Repeater {
                model: [qsTr("TIME"), qsTr("TYPE"), qsTr("REASON"), qsTr("OBJECT"), qsTr("MESSAGE")]
                delegate: Label {
                    required property string modelData
                    required property int index
                    Layout.preferredWidth: index < log.columns.length ? log.columns[index] : -1
                    Layout.fillWidth: index === log.columns.length
                    text: modelData
                    font.pixelSize: Theme.smallFont
                    font.bold: true
                    color: Theme.mutedText
                }
            }
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: EventFilterModel {
                sourceModel: log.session.events
                text: filterText.text
                warningsOnly: warningsOnly.checked
            }
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}
            property bool following: true
            onMovementEnded: following = atYEnd
            onCountChanged: if (following) Qt.callLater(positionViewAtEnd)
            delegate: eventDelegate
        }
    }

    Component {
        id: eventDelegate
        Rectangle {
            id: row
            required property int index
            required property string timeText
            required property string type
            required property string reason
            required property string object
            required property string objectKind
            required property string objectKey
            required property string message

            width: ListView.view.width
            height: 20
            color: row.objectKind === log.session.inspection.kind && row.objectKey === log.session.inspection.key
                   ? Qt.rgba(0.2, 0.42, 0.9, 0.15) : index % 2 ? Theme.panel : Theme.canvas
            readonly property color textColor: type === "Warning" ? Theme.failed : Theme.text

            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                spacing: 0
                Label { Layout.preferredWidth: log.columns[0]; text: row.timeText; color: row.textColor; font.family: "monospace"; font.pixelSize: Theme.smallFont + 1 }
                Label { Layout.preferredWidth: log.columns[1]; text: row.type; color: row.textColor; font.pixelSize: Theme.smallFont + 1 }
                Label { Layout.preferredWidth: log.columns[2]; text: row.reason; color: row.textColor; font.pixelSize: Theme.smallFont + 1; elide: Text.ElideRight }
                Label { Layout.preferredWidth: log.columns[3]; text: row.object; color: row.textColor; font.pixelSize: Theme.smallFont + 1; elide: Text.ElideMiddle }
                Label { Layout.fillWidth: true; text: row.message; color: row.textColor; font.pixelSize: Theme.smallFont + 1; elide: Text.ElideRight }
            }
            TapHandler {
                onTapped: log.session.selectObject(row.objectKind, row.objectKey)
            }
        }
    }
}
