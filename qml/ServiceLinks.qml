import QtQuick
import Podscape
import Podscape.Cluster

// The lines from the selected Service's card in the panel to the pods behind its endpoints on the
// canvas (DESIGN 1: "lines to the backing pods"). It lies over the window and takes no input.
Canvas {
    id: links
    required property ClusterSession session
    required property Item canvas // a ClusterCanvas
    required property Item panel  // a ServicesPanel

    readonly property bool active: session.selectedService !== "" && session.highlightedPods.length > 0
    // How many lines the last paint drew, for tests.
    property int drawn: 0

    visible: active
    enabled: false
    onActiveChanged: requestPaint()

    Connections {
        target: links.session
        function onHighlightedPodsChanged() { links.requestPaint() }
        function onLayoutChanged() { links.requestPaint() }
    }
    Connections {
        target: links.canvas
        function onViewChanged() { links.requestPaint() }
        function onWidthChanged() { links.requestPaint() }
    }
    Connections {
        target: links.panel
        function onCardsMoved() { links.requestPaint() }
    }
    // Pod cards glide to a new place after a layout change: follow them until they settle.
    Timer {
        interval: 100
        repeat: true
        running: links.active
        onTriggered: links.requestPaint()
    }

    function clamp(v, lo, hi) {
        return Math.max(lo, Math.min(hi, v))
    }

    onPaint: {
        let ctx = getContext("2d")
        ctx.reset()
        let count = 0
        let card = active ? panel.cardOf(session.selectedService) : null
        if (card) {
            let view = canvas.mapToItem(links, 0, 0)
            let side = panel.mapToItem(links, 0, 0)
            let from = card.mapToItem(links, 0, 18)
            from.y = clamp(from.y, side.y, side.y + panel.height)
            ctx.strokeStyle = Theme.accent
            ctx.fillStyle = Theme.accent
            ctx.lineWidth = 1.6
            ctx.globalAlpha = 0.75
            for (let key of session.highlightedPods) {
                let to = canvas.podAnchor(key, links)
                if (!to)
                    continue
                // A pod panned out of view: the line ends at the canvas' edge, pointing at it.
                to.x = clamp(to.x, view.x + 4, view.x + canvas.width - 4)
                to.y = clamp(to.y, view.y + 4, view.y + canvas.height - 4)
                let bend = Math.max(40, (from.x - to.x) / 2)
                ctx.beginPath()
                ctx.moveTo(from.x, from.y)
                ctx.bezierCurveTo(from.x - bend, from.y, to.x + bend, to.y, to.x, to.y)
                ctx.stroke()
                ctx.beginPath()
                ctx.arc(to.x, to.y, 4, 0, 2 * Math.PI)
                ctx.fill()
                ++count
            }
            ctx.beginPath()
            ctx.arc(from.x, from.y, 4, 0, 2 * Math.PI)
            ctx.fill()
        }
        drawn = count
    }
}
