import QtQuick
import Podscape
import QtQuick.Controls

// A volume on the pod's edge: name and type; the lines to the containers that mount it are
// drawn by the pod card.
Rectangle {
    id: chip
    property var volume: ({})

    objectName: "volume:" + volume.name
    x: volume.x
    y: volume.y
    width: volume.width
    height: volume.height
    radius: height / 2
    color: Theme.panel
    border.color: Theme.volumeColor(volume.type)
    border.width: 1.5

    Label {
        x: 10
        width: parent.width - 16
        y: 3
        text: chip.volume.name
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFont + 1
        font.bold: true
        color: Theme.text
    }
    Label {
        x: 10
        width: parent.width - 16
        y: 18
        text: chip.volume.type
        elide: Text.ElideRight
        font.pixelSize: Theme.smallFont - 1
        color: Theme.volumeColor(chip.volume.type)
    }

    function mountsText() {
        let lines = []
        for (let m of volume.mounts)
            lines.push(qsTr("%1 → %2%3").arg(m.container).arg(m.mountPath).arg(m.readOnly ? qsTr(" (read-only)") : ""))
        return lines.length > 0 ? lines.join("\n") : qsTr("not mounted")
    }

    HoverHandler { id: hover }
    // No tooltip while the pod is dragged: it would hang where the drag began.
    property bool toolTipEnabled: true
    ToolTip.visible: hover.hovered && toolTipEnabled
    ToolTip.delay: 400
    ToolTip.timeout: 5000  // a card that moves under a still pointer gets no hover exit
    ToolTip.text: qsTr("%1: %2%3\n%4").arg(volume.name).arg(volume.type)
                  .arg(volume.source ? " " + volume.source : "").arg(mountsText())
}
