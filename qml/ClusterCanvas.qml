import QtQuick
import Podscape
import QtQuick.Controls
import Podscape.Cluster

// The cluster as a picture: the scheduling queue, the nodes and their pods, at the places the
// C++ layout gives them. Drag to pan, wheel to zoom around the cursor, fit() to see it all.
Rectangle {
    id: canvas
    required property ClusterSession session
    readonly property real zoom: content.scale
    // Level of detail: chips and secondary labels only where they can be read.
    readonly property bool detailed: zoom >= 0.45
    readonly property bool labelled: zoom >= 0.2

    // The view follows the cluster as it grows until the user pans or zooms; fit() hands it back.
    property bool autoFit: true

    color: Theme.canvas
    clip: true

    onWidthChanged: if (autoFit) fitLater()
    onHeightChanged: if (autoFit) fitLater()
    Connections {
        target: canvas.session
        function onLayoutChanged() { if (canvas.autoFit) canvas.fitLater() }
    }

    function fitLater() {
        Qt.callLater(fitView)
    }

    function fit() {
        autoFit = true
        fitView()
    }

    function fitView() {
        let b = session.bounds
        if (b.width <= 0 || b.height <= 0 || width <= 0 || height <= 0)
            return
        let margin = 24
        let s = Math.min((width - 2 * margin) / b.width, (height - 2 * margin) / b.height, 1.5)
        content.scale = Math.max(s, 0.05)
        content.x = (width - b.width * content.scale) / 2 - b.x * content.scale
        content.y = margin - b.y * content.scale
    }

    function zoomBy(factor) {
        autoFit = false
        let cx = width / 2, cy = height / 2
        let s = Math.min(Math.max(content.scale * factor, 0.05), 4)
        content.x = cx - (cx - content.x) * s / content.scale
        content.y = cy - (cy - content.y) * s / content.scale
        content.scale = s
    }

    DragHandler {
        target: content
        acceptedButtons: Qt.LeftButton | Qt.MiddleButton
        onActiveChanged: if (active) canvas.autoFit = false
    }
    WheelHandler {
        onActiveChanged: if (active) canvas.autoFit = false
        target: content
        property: "scale"
        targetScaleMultiplier: 1.12
        targetTransformAroundCursor: true
        acceptedDevices: PointerDevice.Mouse | PointerDevice.TouchPad
    }

    Item {
        id: content
        transformOrigin: Item.TopLeft
        width: canvas.session.bounds.width
        height: canvas.session.bounds.height
        onScaleChanged: if (scale < 0.05) scale = 0.05; else if (scale > 4) scale = 4

        Rectangle {
            id: queue
            readonly property rect area: canvas.session.queueRect
            x: area.x
            y: area.y
            width: area.width
            height: area.height
            radius: 10
            color: Theme.queue
            border.color: Theme.pending
            border.width: 1
            Behavior on height { NumberAnimation { duration: 400; easing.type: Easing.OutCubic } }

            Label {
                x: 14
                y: 8
                width: parent.width - 28
                height: 30
                verticalAlignment: Text.AlignVCenter
                text: qsTr("Scheduling queue (%1)").arg(canvas.session.pendingCount)
                // Zoomed far out, as large as the header allows.
                fontSizeMode: Text.Fit
                font.pixelSize: canvas.labelled ? Theme.titleFont : 40
                font.bold: true
                color: Theme.text
                elide: Text.ElideRight
            }
            Label {
                visible: canvas.session.pendingCount === 0 && canvas.labelled
                x: 14
                y: 40
                width: parent.width - 28
                text: qsTr("Pods wait here until the scheduler binds them to a node.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.smallFont + 1
                color: Theme.mutedText
            }
        }

        Repeater {
            model: canvas.session.nodes
            delegate: NodeCard {
                detailed: canvas.detailed
                labelled: canvas.labelled
                selected: canvas.session.selectedNode === name
                onClicked: canvas.session.selectedNode = name
            }
        }

        Repeater {
            model: canvas.session.pods
            delegate: PodCard {
                detailed: canvas.detailed
                labelled: canvas.labelled
                selected: canvas.session.selectedPod === key
                highlighted: canvas.session.highlightedPods.indexOf(key) >= 0
                onClicked: canvas.session.selectedPod = key
            }
        }
    }

    Label {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 8
        text: qsTr("%1%").arg(Math.round(canvas.zoom * 100))
        font.pixelSize: Theme.smallFont
        color: Theme.mutedText
    }
}
