// Dragging a pod (DESIGN 3.3): over a node the card says whether the pod fits; a drop on a node
// that fits evicts the pod and places its replacement there; a drop on a node that does not fit
// does nothing and the scheduler's reason stays on the node; the card glides back.
import QtQuick
import QtTest
import Podscape
import Podscape.Cluster

Item {
    id: root
    width: 1400
    height: 900

    ClusterSession {
        id: clusterSession
    }

    Component {
        id: canvasComponent
        ClusterCanvas {
            width: root.width
            height: root.height
            session: clusterSession
        }
    }

    TestCase {
        name: "PodDrag"
        when: windowShown

        function init() {
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo")]))
            clusterSession.advanceTo(30)
        }

        // Press on the card, move in steps past the drag threshold to (x, y) of `target`.
        function dragTo(card, target, x, y) {
            mousePress(card, card.width / 2, 12)
            let from = card.mapToItem(target, card.width / 2, 12)
            for (let i = 1; i <= 10; ++i)
                mouseMove(target, from.x + (x - from.x) * i / 10, from.y + (y - from.y) * i / 10)
        }

        function webCardOn(canvas, node) {
            for (let key of clusterSession.highlightedPods) {
                let card = findChild(canvas, "pod:" + key)
                if (card && card.node === node && card.status === "Running")
                    return card
            }
            return null
        }

        function test_dropOnANodeThatFitsEvictsToIt() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            clusterSession.selectedService = "default/web"  // lights the web pods: a way to list them
            let card = null
            let from = "", to = ""
            for (let n of ["worker-1", "worker-2", "worker-3"]) {
                card = webCardOn(canvas, n)
                if (card) { from = n; break }
            }
            verify(card)
            to = from === "worker-1" ? "worker-2" : "worker-1"
            tryCompare(card, "scale", 1)
            let key = card.key
            let target = findChild(canvas, "node:" + to)
            dragTo(card, target, target.width / 2, 60)
            verify(card.dragging)
            compare(canvas.hoveredNode, to)
            verify(target.verdictShown)
            verify(target.verdictFits)
            verify(findChild(canvas, "verdictBadge").visible)
            compare(findChild(canvas, "verdictBadgeText").text, "✓ fits")
            mouseRelease(target, target.width / 2, 60)
            verify(!target.verdictShown)
            verify(!findChild(canvas, "verdictBadge").visible)
            verify(!clusterSession.noticeIsError)
            verify(clusterSession.notice.indexOf(to) >= 0, clusterSession.notice)
            // The card glides back to its place; the model then shows what really happened.
            tryCompare(card, "x", card.cardX)
            clusterSession.advanceTo(60)
            verify(!findChild(canvas, "pod:" + key) || findChild(canvas, "pod:" + key).category === "terminating")
            let onTarget = 0
            for (let k of clusterSession.highlightedPods)
                if (findChild(canvas, "pod:" + k).node === to)
                    ++onTarget
            verify(onTarget >= 1)
            clusterSession.selectedService = ""
        }

        function test_dropOnANodeThatDoesNotFitDoesNothing() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            let card = findChild(canvas, "pod:default/analytics")  // 16 CPUs: fits nowhere
            tryCompare(card, "scale", 1)
            let target = findChild(canvas, "node:worker-2")
            dragTo(card, target, target.width / 2, 60)
            compare(canvas.hoveredNode, "worker-2")
            verify(target.verdictShown)
            verify(!target.verdictFits)
            verify(target.verdictText.indexOf("Insufficient cpu") >= 0, target.verdictText)
            let badge = findChild(canvas, "verdictBadge")
            verify(badge.visible)
            compare(badge.y + badge.height + 6, target.cardY)  // just above the node
            verify(findChild(canvas, "verdictBadgeText").text.indexOf("Insufficient cpu") >= 0)
            mouseRelease(target, target.width / 2, 60)
            // The reason stays on the node; nothing was evicted.
            verify(target.verdictShown)
            verify(target.verdictText.indexOf("Insufficient cpu") >= 0)
            verify(findChild(canvas, "verdictBadge").visible)
            compare(clusterSession.notice, "")
            compare(findChild(canvas, "pod:default/analytics").category, "pending")
            tryCompare(target, "verdictShown", false, 6000)
            verify(!findChild(canvas, "verdictBadge").visible)
        }

        function test_dropOnEmptyCanvasEvicts() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            let card = findChild(canvas, "pod:default/myapp-pod")
            tryCompare(card, "scale", 1)
            dragTo(card, canvas, canvas.width - 5, canvas.height - 5)
            mouseRelease(canvas, canvas.width - 5, canvas.height - 5)
            verify(clusterSession.notice.indexOf("nothing replaces it") >= 0, clusterSession.notice)
        }

        // Zoomed out past reading, pods are blocks of one PodField; dragging a block is dragging
        // its pod: the verdict while it hovers, an eviction to the node it is dropped on.
        function test_dragABlockOfTheZoomedOutField() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            canvas.zoomBy(0.15 / canvas.zoom)
            let field = findChild(canvas, "podField")
            verify(field.visible)
            let pod = clusterSession.pods.get("default/myapp-pod")
            let target = findChild(canvas, "node:" + (pod.node === "worker-1" ? "worker-2" : "worker-1"))
            let from = field.mapToItem(canvas, pod.x - field.x + pod.width / 2, pod.y - field.y + pod.height / 2)
            let to = target.mapToItem(canvas, target.width / 2, target.height / 2)
            mousePress(canvas, from.x, from.y)
            for (let i = 1; i <= 10; ++i)
                mouseMove(canvas, from.x + (to.x - from.x) * i / 10, from.y + (to.y - from.y) * i / 10)
            verify(findChild(canvas, "podGhost").visible)
            compare(canvas.draggedPod, "default/myapp-pod")
            compare(canvas.hoveredNode, target.name)
            verify(target.verdictShown)
            mouseRelease(canvas, to.x, to.y)
            verify(!findChild(canvas, "podGhost").visible)
            // A bare pod: evicted, and the user is told nothing replaces it.
            verify(clusterSession.notice.indexOf("nothing replaces it") >= 0, clusterSession.notice)
        }
    }
}
