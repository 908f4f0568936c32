import QtQuick
import Podscape
import QtQuick.Controls
import Podscape.Cluster

// What the cluster looks like: the scheduling queue, the node cards and the pod cards at the
// places the C++ layout gives them, in layout coordinates. The interactive canvas puts it inside
// its zoom and pan; the exported picture draws it as it is. Everything interactive (selection,
// the drag verdict, menus) comes in through properties and goes out through signals, so a
// picture with `decorated: false` shows the cluster alone.
Item {
    id: diagram
    required property ClusterSession session
    // Level of detail: chips and secondary labels only where they can be read.
    property bool detailed: true
    property bool labelled: true
    // So far out that even a node's name would be a pixel or two tall (tens of thousands of
    // pods): nodes are plain cards.
    property bool named: true
    // Cards glide and fade on screen; a still picture takes them where they are.
    property bool animated: true
    // Selection, the highlighted Service's pods, the drag verdict; pods draggable.
    property bool decorated: true

    // A pod being dragged over a node (hoveredNode) and the scheduler's verdict, or the node a
    // drop was refused on, with the reason.
    property string draggedPod
    property string hoveredNode
    property var verdict: ({})
    property string refusedNode
    property string refusedText
    // Culled (on screen): pod cards exist only near the viewport, the part of the diagram on
    // screen (diagram coordinates). Not culled (a still picture): everywhere.
    property bool culled: false
    property rect viewport
    // Zoomed out past reading (not labelled), or with more pods near the view than cards can
    // be made for smoothly, every pod is a block of its STATUS colour in one PodField.
    readonly property bool podsAsField: !labelled || podsInView.crowded
    // The field's selection outline, in diagram units (the canvas keeps it a few pixels wide).
    property real fieldOutline: 6
    // One screen pixel in diagram units (0 when unknown): far out, the field joins neighbours.
    property real fieldPixel: 0

    signal nodeClicked(string name)
    signal nodeMenuRequested(string name, bool ready, bool unschedulable)
    signal podClicked(string key)
    signal podMenuRequested(string key, var containers)
    // `position` in the diagram's coordinates.
    signal podDragMoved(string key, string node, point position)
    signal podDropped(string key, string node, point position)

    width: session.bounds.width
    height: session.bounds.height

    function cardOf(name) {
        if (name === "")
            return null
        for (let i = 0; i < nodeCards.count; ++i) {
            let card = nodeCards.itemAt(i)
            if (card && card.name === name)
                return card
        }
        return null
    }

    // The pod card of `key` ("namespace/name"), or null (none near the view, or the field shown).
    function podCardOf(key) {
        for (let i = 0; i < podCards.count; ++i) {
            let card = podCards.itemAt(i)
            if (card && card.key === key)
                return card
        }
        return null
    }

    // The node card under `p` (diagram coordinates), or "".
    function nodeAt(p) {
        for (let i = 0; i < nodeCards.count; ++i) {
            let card = nodeCards.itemAt(i)
            if (card && p.x >= card.cardX && p.x < card.cardX + card.cardWidth
                    && p.y >= card.cardY && p.y < card.cardY + card.cardHeight)
                return card.name
        }
        return ""
    }

    Rectangle {
        id: queue
        objectName: "queue"
        readonly property rect area: diagram.session.queueRect
        x: area.x
        y: area.y
        width: area.width
        height: area.height
        radius: 10
        color: Theme.queue
        border.color: Theme.pending
        border.width: 1
        Behavior on height {
            enabled: diagram.animated
            NumberAnimation { duration: 400; easing.type: Easing.OutCubic }
        }

        Label {
            x: 14
            y: 8
            width: parent.width - 28
            height: 30
            verticalAlignment: Text.AlignVCenter
            text: qsTr("Scheduling queue (%1)").arg(diagram.session.pendingCount)
            // Zoomed far out, as large as the header allows.
            fontSizeMode: Text.Fit
            font.pixelSize: diagram.labelled ? Theme.titleFont : 40
            font.bold: true
            color: Theme.text
            elide: Text.ElideRight
        }
        Label {
            visible: diagram.session.pendingCount === 0 && diagram.labelled
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
        id: nodeCards
        model: diagram.session.nodes
        delegate: NodeCard {
            // On screen, cards far from the view are not drawn: the renderer would still walk
            // every card's items each frame (500 nodes at 50,000 pods). Same area as the pods'.
            visible: !diagram.culled || podsInView.covered.width <= 0
                     || x < podsInView.covered.right && x + width > podsInView.covered.left
                        && y < podsInView.covered.bottom && y + height > podsInView.covered.top
            detailed: diagram.detailed
            labelled: diagram.labelled
            named: diagram.named
            animated: diagram.animated
            selected: diagram.decorated && diagram.session.selectedNode === name
            verdictShown: diagram.decorated && (diagram.hoveredNode === name && diagram.verdict.fits !== undefined
                                                || diagram.refusedNode === name && diagram.draggedPod === "")
            verdictFits: diagram.hoveredNode === name ? diagram.verdict.fits === true : false
            verdictText: diagram.hoveredNode === name ? (diagram.verdict.message || "") : diagram.refusedText
            onClicked: diagram.nodeClicked(name)
            onContextMenuRequested: diagram.nodeMenuRequested(name, ready, unschedulable)
        }
    }

    PodViewportModel {
        id: podsInView
        pods: diagram.session.pods
        everywhere: !diagram.culled
        viewport: diagram.viewport
        shown: diagram.labelled
    }

    Repeater {
        id: podCards
        model: podsInView
        delegate: PodCard {
            detailed: diagram.detailed
            labelled: diagram.labelled
            animated: diagram.animated
            draggable: diagram.decorated
            selected: diagram.decorated && diagram.session.selectedPod === key
            highlighted: diagram.decorated && diagram.session.highlightedPods.indexOf(key) >= 0
            onClicked: diagram.podClicked(key)
            onDragMoved: (position) => diagram.podDragMoved(key, node, position)
            onDropped: (position) => diagram.podDropped(key, node, position)
            onContextMenuRequested: diagram.podMenuRequested(key, containers)
        }
    }

    PodField {
        id: field
        objectName: "podField"
        visible: diagram.podsAsField
        model: visible ? diagram.session.pods : null
        x: diagram.session.bounds.x
        y: diagram.session.bounds.y
        width: diagram.session.bounds.width
        height: diagram.session.bounds.height
        selectedPod: diagram.decorated ? diagram.session.selectedPod : ""
        highlightedPods: diagram.decorated ? diagram.session.highlightedPods : []
        outlineWidth: diagram.fieldOutline
        screenPixel: diagram.fieldPixel
        running: Theme.running
        pending: Theme.pending
        failed: Theme.failed
        terminating: Theme.terminating
        succeeded: Theme.succeeded
        selection: Theme.selection
        highlight: Theme.accent

        // The pod under a press, held while it is dragged.
        property string pressedPod
        property var pressed: ({})

        TapHandler {
            onTapped: (point) => {
                let key = field.podAt(point.position)
                if (key !== "")
                    diagram.podClicked(key)
            }
        }
        TapHandler {
            acceptedButtons: Qt.RightButton
            onTapped: (point) => {
                let key = field.podAt(point.position)
                if (key !== "")
                    diagram.podMenuRequested(key, diagram.session.pods.get(key).containers)
            }
        }
        // Dragging a block is dragging its pod, as with a card: a ghost follows the pointer.
        DragHandler {
            id: fieldDrag
            enabled: diagram.decorated
            target: null
            onActiveChanged: {
                if (active) {
                    field.pressedPod = field.podAt(centroid.pressPosition)
                    field.pressed = diagram.session.pods.get(field.pressedPod)
                    return
                }
                if (field.pressedPod !== "")
                    diagram.podDropped(field.pressedPod, field.pressed.node, ghost.center)
                field.pressedPod = ""
            }
            onCentroidChanged: {
                if (active && field.pressedPod !== "")
                    diagram.podDragMoved(field.pressedPod, field.pressed.node, ghost.center)
            }
        }
    }

    // The dragged block, in diagram coordinates.
    Rectangle {
        id: ghost
        objectName: "podGhost"
        readonly property point center: field.mapToItem(diagram, fieldDrag.centroid.position)
        visible: fieldDrag.active && field.pressedPod !== ""
        z: 10
        width: field.pressed.width || 0
        height: field.pressed.height || 0
        x: center.x - width / 2
        y: center.y - height / 2
        radius: 8
        color: Theme.selection
        opacity: 0.7
    }
}
