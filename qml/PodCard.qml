import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts

// A pod: its card is its network boundary, so its one IP is shown once at the top and every
// container sits inside; volumes sit on the right edge with a line to each container that
// mounts them, so a shared volume is visibly shared.
Rectangle {
    id: pod

    required property string key
    required property string name
    required property string node  // empty while pending
    required property string status
    required property string category
    required property string ip
    required property bool hostNetwork
    required property string ready
    required property int restarts
    required property string ownerKind
    required property string ownerName
    required property string ownerShort
    required property string message
    required property real cardX
    required property real cardY
    required property real cardWidth
    required property real cardHeight
    required property var containers
    required property var volumes
    property bool detailed: true
    // Zoomed far out, a pod is a block of its STATUS colour: text that small cannot be read,
    // and a thousand labels fewer keep the frame rate.
    property bool labelled: true
    property bool selected: false
    property bool highlighted: false  // behind the Service picked in the panel
    property bool draggable: true
    // Off for a still picture: the card is drawn where it is, at its full size.
    property bool animated: true
    signal clicked()
    signal contextMenuRequested()
    // The pointer in the parent's (the canvas content's) coordinates, while the card is dragged.
    signal dragMoved(point position)
    signal dropped(point position)
    readonly property bool dragging: dragHandler.active
    property point dragPosition

    readonly property color statusColor: Theme.statusColor(category)

    objectName: "pod:" + key
    x: cardX
    y: cardY
    z: dragging ? 10 : 0
    width: cardWidth
    height: cardHeight
    radius: 8
    color: labelled ? Theme.podCard : statusColor
    border.color: selected ? Theme.selection : statusColor
    border.width: selected ? 3 : 1.5
    opacity: category === "terminating" ? 0.6 : 1

    // A new pod fades in where the layout put it; later moves (queue to node) glide.
    NumberAnimation on scale { running: pod.animated; from: 0.6; to: 1; duration: 350; easing.type: Easing.OutBack }
    Behavior on x { enabled: pod.animated && !pod.dragging; NumberAnimation { duration: 500; easing.type: Easing.OutCubic } }
    Behavior on y { enabled: pod.animated && !pod.dragging; NumberAnimation { duration: 500; easing.type: Easing.OutCubic } }
    Behavior on border.color { enabled: pod.animated; ColorAnimation { duration: 300 } }
    Behavior on opacity { enabled: pod.animated; NumberAnimation { duration: 300 } }

    TapHandler { onTapped: pod.clicked() }
    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: pod.contextMenuRequested()
    }
    // Dragging a pod onto a node is an eviction (DESIGN 3.3); the canvas decides what a drop means.
    // The card glides back afterwards: the model then shows where the pod really is.
    DragHandler {
        id: dragHandler
        enabled: pod.draggable
        target: pod
        onCentroidChanged: {
            if (!active)
                return
            pod.dragPosition = pod.mapToItem(pod.parent, centroid.position)
            pod.dragMoved(pod.dragPosition)
        }
        onActiveChanged: {
            if (active)
                return
            pod.dropped(pod.dragPosition)
            pod.x = Qt.binding(() => pod.cardX)
            pod.y = Qt.binding(() => pod.cardY)
        }
    }

    Rectangle {
        objectName: "highlight"
        visible: pod.highlighted
        anchors.fill: parent
        anchors.margins: -6
        z: -1
        radius: pod.radius + 6
        color: "transparent"
        border.color: Theme.accent
        border.width: 3
        opacity: 0.7
    }

    // The name gets the whole first line: it is how users find a pod.
    Label {
        objectName: "name"
        visible: pod.labelled
        x: 10
        y: 7
        width: parent.width - 20
        text: pod.name
        elide: Text.ElideMiddle
        font.pixelSize: Theme.bodyFont + 1
        font.bold: true
        color: Theme.text
    }

    // STATUS, READY, RESTARTS, the owner and the pod's IP.
    RowLayout {
        visible: pod.labelled
        x: 10
        y: 31
        width: parent.width - 20
        spacing: 8
        Rectangle {
            implicitWidth: statusText.implicitWidth + 12
            implicitHeight: 18
            radius: 9
            color: pod.statusColor
            Behavior on color { enabled: pod.animated; ColorAnimation { duration: 300 } }
            Label {
                id: statusText
                anchors.centerIn: parent
                text: pod.status
                color: "white"
                font.pixelSize: Theme.smallFont
                font.bold: true
            }
            // Why it is pending or failed, in the scheduler's or the kubelet's words.
            HoverHandler { id: statusHover }
            ToolTip.visible: statusHover.hovered && pod.message !== ""
            ToolTip.text: pod.message
        }
        Label {
            text: pod.ready
            font.pixelSize: Theme.smallFont + 1
            color: Theme.text
        }
        Label {
            visible: pod.restarts > 0
            text: qsTr("↻%1").arg(pod.restarts)
            font.pixelSize: Theme.smallFont + 1
            color: Theme.failed
        }
        Rectangle {
            visible: pod.ownerKind !== ""
            implicitWidth: ownerText.implicitWidth + 10
            implicitHeight: 16
            radius: 3
            color: Theme.dark ? "#3d4452" : "#e8edf5"
            Label {
                id: ownerText
                anchors.centerIn: parent
                text: pod.ownerShort
                font.pixelSize: Theme.smallFont - 1
                color: Theme.mutedText
            }
            HoverHandler { id: ownerHover }
            ToolTip.visible: ownerHover.hovered
            ToolTip.text: qsTr("Owned by %1 %2").arg(pod.ownerKind).arg(pod.ownerName)
        }
        Label {
            // Takes the rest of the line, right-aligned; elided only if a long STATUS needs the room.
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            elide: Text.ElideLeft
            text: pod.ip === "" ? qsTr("no IP yet") : pod.hostNetwork ? qsTr("%1 (host network)").arg(pod.ip) : pod.ip
            font.pixelSize: Theme.smallFont + 1
            font.family: "monospace"
            color: pod.ip === "" ? Theme.mutedText : Theme.text
        }
    }

    // Lines first, so the chips cover their ends.
    Repeater {
        model: pod.detailed ? pod.volumes : []
        delegate: Item {
            id: volumeLines
            required property var modelData
            Repeater {
                model: volumeLines.modelData.mounts
                delegate: MountLine {
                    required property var modelData
                    objectName: "mount:" + volumeLines.modelData.name + ":" + modelData.container
                    readonly property var from: pod.containers[modelData.containerIndex]
                    visible: modelData.containerIndex >= 0
                    x1: from ? from.x + from.width : 0
                    y1: from ? from.y + from.height / 2 : 0
                    x2: volumeLines.modelData.x
                    y2: volumeLines.modelData.y + volumeLines.modelData.height / 2
                    color: Theme.volumeColor(volumeLines.modelData.type)
                }
            }
        }
    }
    Repeater {
        model: pod.detailed ? pod.containers : []
        delegate: ContainerChip {
            required property var modelData
            container: modelData
            toolTipEnabled: !pod.dragging
        }
    }
    Repeater {
        model: pod.detailed ? pod.volumes : []
        delegate: VolumeChip {
            required property var modelData
            volume: modelData
            toolTipEnabled: !pod.dragging
        }
    }
}
