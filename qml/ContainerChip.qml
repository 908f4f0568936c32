import QtQuick
import Podscape
import QtQuick.Controls

// A container inside its pod: kind (init, sidecar, app) as the stripe colour, state and readiness
// as the dot, then either what it waits for or its ports.
Rectangle {
    id: chip
    property var container: ({})

    objectName: "container:" + container.name
    x: container.x
    y: container.y
    width: container.width
    height: container.height
    radius: 5
    color: Theme.panel
    border.color: Qt.lighter(Theme.containerColor(container.kind), 1.2)

    Rectangle {
        width: 4
        height: parent.height - 2
        x: 1
        y: 1
        radius: 2
        color: Theme.containerColor(chip.container.kind)
    }
    Rectangle {
        id: dot
        x: 10
        y: 7
        width: 8
        height: 8
        radius: 4
        color: Theme.containerStateColor(chip.container.state, chip.container.ready)
    }
    Label {
        anchors.left: dot.right
        anchors.leftMargin: 5
        anchors.right: parent.right
        anchors.rightMargin: 5
        y: 3
        text: chip.container.name
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFont + 1
        font.bold: true
        color: Theme.text
    }
    Label {
        anchors.left: parent.left
        anchors.leftMargin: 10
        anchors.right: parent.right
        anchors.rightMargin: 5
        y: 18
        text: chip.detailLine()
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFont - 1
        color: Theme.mutedText
    }

    function detailLine() {
        let kind = container.kind === "app" ? "" : container.kind + " · "
        let restarts = container.restarts > 0 ? qsTr(" · ↻%1").arg(container.restarts) : ""
        if (container.state !== "running")
            return kind + (container.reason || container.state) + restarts
        let ports = container.ports.length > 0 ? container.ports.join(" ") : container.image
        return kind + ports + restarts
    }

    HoverHandler { id: hover }
    // No tooltip while the pod is dragged: it would hang where the drag began.
    property bool toolTipEnabled: true
    ToolTip.visible: hover.hovered && toolTipEnabled
    ToolTip.delay: 400
    ToolTip.timeout: 5000  // a card that moves under a still pointer gets no hover exit
    ToolTip.text: qsTr("%1 (%2 container)\nimage: %3\nstate: %4%5\nready: %6, restarts: %7\nports: %8")
                  .arg(container.name).arg(container.kind).arg(container.image).arg(container.state)
                  .arg(container.reason ? " (" + container.reason + ")" : "")
                  .arg(container.ready ? qsTr("yes") : qsTr("no")).arg(container.restarts)
                  .arg(container.ports.length > 0 ? container.ports.join(", ") : qsTr("none"))
}
