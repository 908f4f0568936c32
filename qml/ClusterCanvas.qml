import QtQuick
import Podscape
import QtQuick.Controls
import Podscape.Cluster

// The cluster on screen: the ClusterDiagram (queue, nodes, pods) inside a zoom and pan, with what
// only an interactive view has: the drag verdict badge, node and pod menus, the zoom level.
// Drag to pan, wheel to zoom around the cursor, fit() to see it all.
Rectangle {
    id: canvas
    required property ClusterSession session
    readonly property real zoom: content.scale
    // Level of detail: chips and secondary labels only where they can be read.
    readonly property bool detailed: zoom >= 0.45
    readonly property bool labelled: zoom >= 0.2
    // Below this even a node's name would be a pixel or two tall.
    readonly property bool named: zoom >= 0.02
    // Far enough out for 50,000 pods on one screen.
    readonly property real minZoom: 0.004
    readonly property real maxZoom: 4

    // A pod being dragged (DESIGN 3.3): the node under the pointer and the scheduler's verdict.
    property string draggedPod
    property string draggedFrom
    property string hoveredNode
    property var verdict: ({})
    // A drop on a node that does not fit does nothing; the reason stays on that node a while.
    property string refusedNode
    property string refusedText

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
        content.scale = Math.max(s, minZoom)
        content.x = (width - b.width * content.scale) / 2 - b.x * content.scale
        content.y = margin - b.y * content.scale
    }

    // The node whose verdict is shown: the one under a dragged pod, or the one a pod did not fit.
    readonly property string verdictNode: draggedPod !== "" ? (verdict.fits !== undefined ? hoveredNode : "") : refusedNode
    readonly property Item verdictCard: diagram.cardOf(verdictNode)

    function podDragMoved(key, from, p) {
        draggedPod = key
        draggedFrom = from
        let node = diagram.nodeAt(p)
        if (node === hoveredNode)
            return
        hoveredNode = node
        // Asked once per node entered, not on every move.
        verdict = node !== "" && node !== from ? session.checkPlacement(key, node) : ({})
    }

    // Fits: evicted, its replacement placed there. Does not fit: nothing, the reason stays.
    // Empty space: a plain eviction. Its own node: nothing.
    function podDropped(key, from, p) {
        let node = diagram.nodeAt(p)
        draggedPod = ""
        hoveredNode = ""
        verdict = ({})
        if (node === from && node !== "")
            return
        if (node === "") {
            session.evictPod(key, "")
            return
        }
        let check = session.checkPlacement(key, node)
        if (check.fits) {
            session.evictPod(key, node)
        } else {
            refusedNode = node
            refusedText = check.message
            refusalTimer.restart()
        }
    }

    Timer {
        id: refusalTimer
        interval: 4000
        onTriggered: canvas.refusedNode = ""
    }

    function podCardOf(key) {
        return diagram.podCardOf(key)
    }

    // Where a line to pod `key` should end, in `item`'s coordinates: the top of its card as it
    // glides, or of its place in the layout when no card is near the view (or the field shows).
    function podAnchor(key, item) {
        let card = diagram.podCardOf(key)
        if (card)
            return card.mapToItem(item, card.width / 2, 14)
        let pod = session.pods.get(key)
        if (pod.x === undefined)
            return null
        return diagram.mapToItem(item, pod.x + pod.width / 2, pod.y + Math.min(14, pod.height / 2))
    }

    // The view moved (pan or zoom): what is drawn over it follows.
    signal viewChanged()

    function zoomBy(factor) {
        autoFit = false
        let cx = width / 2, cy = height / 2
        let s = Math.min(Math.max(content.scale * factor, minZoom), maxZoom)
        content.x = cx - (cx - content.x) * s / content.scale
        content.y = cy - (cy - content.y) * s / content.scale
        content.scale = s
    }

    // Moves the view by (dx, dy) screen pixels, as a drag of the background does.
    function panBy(dx, dy) {
        autoFit = false
        content.x += dx
        content.y += dy
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
        onScaleChanged: {
            if (scale < canvas.minZoom)
                scale = canvas.minZoom
            else if (scale > canvas.maxZoom)
                scale = canvas.maxZoom
            canvas.viewChanged()
        }
        onXChanged: canvas.viewChanged()
        onYChanged: canvas.viewChanged()

        ClusterDiagram {
            id: diagram
            session: canvas.session
            detailed: canvas.detailed
            labelled: canvas.labelled
            named: canvas.named
            draggedPod: canvas.draggedPod
            hoveredNode: canvas.hoveredNode
            verdict: canvas.verdict
            refusedNode: canvas.refusedNode
            refusedText: canvas.refusedText
            culled: true
            viewport: Qt.rect(-content.x / content.scale, -content.y / content.scale,
                              canvas.width / content.scale, canvas.height / content.scale)
            fieldOutline: 3 / content.scale
            fieldPixel: 1 / content.scale
            onNodeClicked: (name) => canvas.session.selectedNode = name
            onNodeMenuRequested: (name, ready, unschedulable) => {
                // A right click on a pod reaches the node below it too: the pod's menu wins.
                if (podMenu.visible)
                    return
                nodeMenu.node = name
                nodeMenu.ready = ready
                nodeMenu.unschedulable = unschedulable
                nodeMenu.popup()
            }
            onPodClicked: (key) => canvas.session.selectedPod = key
            onPodDragMoved: (key, node, position) => canvas.podDragMoved(key, node, position)
            onPodDropped: (key, node, position) => canvas.podDropped(key, node, position)
            onPodMenuRequested: (key, containers) => {
                nodeMenu.close()
                podMenu.pod = key
                podMenu.containers = containers.filter(c => c.kind === "app")
                podMenu.popup()
            }
        }

        // Above everything, the dragged pod too, just over the node's top edge.
        Rectangle {
            objectName: "verdictBadge"
            readonly property bool fits: canvas.draggedPod !== "" && canvas.verdict.fits === true
            visible: canvas.verdictCard !== null
            z: 20
            x: canvas.verdictCard ? canvas.verdictCard.cardX + (canvas.verdictCard.cardWidth - width) / 2 : 0
            y: canvas.verdictCard ? canvas.verdictCard.cardY - height - 6 : 0
            width: Math.min(badgeText.implicitWidth + 20, canvas.verdictCard ? canvas.verdictCard.cardWidth + 80 : 300)
            height: badgeText.implicitHeight + 10
            radius: 6
            color: fits ? Theme.running : Theme.failed
            Label {
                id: badgeText
                objectName: "verdictBadgeText"
                anchors.centerIn: parent
                width: Math.min(implicitWidth, parent.width - 20)
                text: parent.fits ? qsTr("✓ fits") : qsTr("✗ %1").arg(canvas.draggedPod !== "" ? canvas.verdict.message : canvas.refusedText)
                elide: Text.ElideRight
                color: "white"
                font.bold: true
                font.pixelSize: Theme.bodyFont + 1
            }
        }
    }

    Label {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: 8
        text: qsTr("%1%").arg(canvas.zoom < 0.1 ? (canvas.zoom * 100).toFixed(1) : Math.round(canvas.zoom * 100))
        font.pixelSize: Theme.smallFont
        color: Theme.mutedText
    }

    // The style draws a disabled item like an enabled one: fade it, so what cannot be done shows.
    component ActionItem: MenuItem {
        opacity: enabled ? 1 : 0.4
    }

    Menu {
        id: nodeMenu
        objectName: "nodeMenu"
        property string node
        property bool ready
        property bool unschedulable
        ActionItem {
            text: qsTr("Cordon")
            enabled: !nodeMenu.unschedulable
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "cordon")
        }
        ActionItem {
            text: qsTr("Uncordon")
            enabled: nodeMenu.unschedulable
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "uncordon")
        }
        ActionItem {
            text: qsTr("Drain")
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "drain")
        }
        MenuSeparator {}
        ActionItem {
            text: qsTr("Fail")
            enabled: nodeMenu.ready
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "fail")
        }
        ActionItem {
            text: qsTr("Recover")
            enabled: !nodeMenu.ready
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "recover")
        }
        MenuSeparator {}
        ActionItem {
            text: qsTr("Remove")
            onTriggered: canvas.session.nodeAction(nodeMenu.node, "remove")
        }
        ActionItem {
            text: qsTr("Add node")
            onTriggered: canvas.session.addNode()
        }
    }

    Menu {
        id: podMenu
        objectName: "podMenu"
        property string pod
        property var containers: []
        ActionItem {
            text: qsTr("Evict")
            onTriggered: canvas.session.evictPod(podMenu.pod, "")
        }
        Menu {
            id: killMenu
            title: qsTr("Kill container")
            enabled: podMenu.containers.length > 0
            Instantiator {
                model: podMenu.containers
                delegate: MenuItem {
                    required property var modelData
                    text: modelData.name
                    onTriggered: canvas.session.killContainer(podMenu.pod, modelData.name)
                }
                onObjectAdded: (index, object) => killMenu.insertItem(index, object)
                onObjectRemoved: (index, object) => killMenu.removeItem(object)
            }
        }
    }
}
