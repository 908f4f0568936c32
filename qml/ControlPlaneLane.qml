import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Podscape
import Podscape.Cluster

// The control plane as a lane of components in the order a request passes through them; each
// lights up when it takes a step and shows the step and the pod it was for.
Rectangle {
    id: lane
    required property ClusterSession session

    implicitHeight: 52
    color: Theme.panel
    // A lane the guided walkthrough points at ("" when none): it wins over the newest step.
    property string guided
    // The component the current request has reached; the request dot travels there.
    readonly property Item current: {
        let name = guided !== "" ? guided : session.controlPlane.current
        for (let i = 0; i < lanes.count; ++i) {
            let item = lanes.itemAt(i)
            if (item && item.name === name)
                return item
        }
        return null
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 6
        spacing: 4

        Repeater {
            id: lanes
            model: lane.session.controlPlane
            delegate: Rectangle {
                id: component
                required property string name
                required property string stage
                required property string detail
                required property string pod
                required property int steps
                required property int index

                objectName: "component:" + name
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: 6
                color: Theme.nodeHeader
                border.color: lane.guided === name ? Theme.accent : Theme.border
                border.width: lane.guided === name ? 2 : 1

                // Each new step flashes the component, then it fades back.
                onStepsChanged: if (steps > 0) flash.restart()
                SequentialAnimation {
                    id: flash
                    ColorAnimation { target: component; property: "color"; to: Qt.lighter(Theme.accent, 1.6); duration: 80 }
                    ColorAnimation { target: component; property: "color"; to: Theme.nodeHeader; duration: 900 }
                }

                Label {
                    x: 8
                    y: 4
                    width: parent.width - 16
                    text: (component.index > 0 ? "→ " : "") + component.name
                    elide: Text.ElideRight
                    font.pixelSize: Theme.smallFont + 1
                    font.bold: true
                }
                Label {
                    x: 8
                    y: 21
                    width: parent.width - 16
                    text: component.stage === "" ? qsTr("idle")
                          : qsTr("%1 · %2").arg(component.stage).arg(component.pod.replace(/^default\//, ""))
                    elide: Text.ElideRight
                    font.pixelSize: Theme.smallFont
                    color: Theme.mutedText
                }
                HoverHandler { id: hover }
                ToolTip.visible: hover.hovered && component.detail !== ""
                ToolTip.delay: 500
                ToolTip.text: component.detail
            }
        }
    }

    // The request: a dot that moves along the lane to the component now acting on it.
    Rectangle {
        objectName: "request"
        visible: lane.current !== null
        width: 10
        height: 10
        radius: 5
        color: Theme.accent
        border.color: "white"
        x: lane.current ? row.x + lane.current.x + lane.current.width - width - 6 : 0
        y: row.y + 6
        Behavior on x { NumberAnimation { duration: 250; easing.type: Easing.InOutQuad } }
    }
}
