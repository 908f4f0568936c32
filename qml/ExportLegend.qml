import QtQuick
import Podscape
import QtQuick.Controls

// What the colours of the exported picture mean: a pod's STATUS, a container's kind, an
// endpoint's readiness. The colours are Theme's, the ones the cards use.
Row {
    id: legend
    spacing: 18

    // A pod's STATUS is kubectl's word and stays English in every language; the rest is ours.
    readonly property var entries: [
        { color: Theme.running, text: "Running" },
        { color: Theme.pending, text: "Pending, ContainerCreating" },
        { color: Theme.failed, text: "Failed, CrashLoopBackOff, Error" },
        { color: Theme.terminating, text: "Terminating" },
        { color: Theme.succeeded, text: "Completed" },
        { color: Theme.initContainer, text: qsTr("init container") },
        { color: Theme.sidecarContainer, text: qsTr("sidecar container") },
        { color: Theme.appContainer, text: qsTr("app container") }
    ]

    Repeater {
        model: legend.entries
        delegate: Row {
            required property var modelData
            spacing: 6
            Rectangle {
                anchors.verticalCenter: parent.verticalCenter
                width: 22
                height: 14
                radius: 7
                color: modelData.color
            }
            Label {
                anchors.verticalCenter: parent.verticalCenter
                text: modelData.text
                font.pixelSize: Theme.bodyFont
                color: Theme.text
            }
        }
    }
}
