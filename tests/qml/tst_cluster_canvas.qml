// ClusterCanvas on the demo: a card for every node and pod where the layout puts it, fit shows
// the whole cluster, and clicking a pod selects it in the session.
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

    // Twelve replicas on three workers: pods of one colour side by side on each node.
    ClusterSession {
        id: crowdedSession
    }

    Instantiator {
        id: crowdedKeys
        model: crowdedSession.pods
        delegate: QtObject {
            required property string key
        }
    }

    Component {
        id: crowdedCanvas
        ClusterCanvas {
            width: root.width
            height: root.height
            session: crowdedSession
        }
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
        name: "ClusterCanvas"
        when: windowShown

        function initTestCase() {
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo")]))
            clusterSession.advanceTo(30)
        }

        function test_cardsForEveryNodeAndPod() {
            let canvas = createTemporaryObject(canvasComponent, root)
            for (let node of ["control-plane", "worker-1", "worker-2", "worker-3"])
                verify(findChild(canvas, "node:" + node), node)
            let bare = findChild(canvas, "pod:default/myapp-pod")
            verify(bare)
            compare(bare.status, "Running")
            let pending = findChild(canvas, "pod:default/analytics")
            compare(pending.category, "pending")
            tryCompare(bare, "x", bare.cardX)
            tryCompare(bare, "y", bare.cardY)
        }

        function test_fitShowsEverything() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            let b = clusterSession.bounds
            verify(b.width * canvas.zoom <= canvas.width)
            verify(b.height * canvas.zoom <= canvas.height)
            verify(canvas.zoom > 0.3)
        }

        function test_serviceLightsUpItsPods() {
            let canvas = createTemporaryObject(canvasComponent, root)
            clusterSession.selectedService = "default/web"
            let lit = 0
            for (let key of clusterSession.highlightedPods)
                if (findChild(canvas, "pod:" + key).highlighted)
                    ++lit
            compare(lit, 3)
            verify(!findChild(canvas, "pod:default/myapp-pod").highlighted)
            clusterSession.selectedService = ""
        }

        function test_clickOnANodeHeaderSelectsTheNode() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            let node = findChild(canvas, "node:worker-2")
            mouseClick(node, node.width / 2, 10)
            compare(clusterSession.selectedNode, "worker-2")
            compare(clusterSession.inspection.kind, "Node")
            clusterSession.selectedNode = ""
        }

        function test_clickSelectsAPod() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            let card = findChild(canvas, "pod:default/myapp-pod")
            tryCompare(card, "scale", 1)
            mouseClick(card, card.width / 2, 12)
            compare(clusterSession.selectedPod, "default/myapp-pod")
            compare(clusterSession.selectedNode, "")  // the node under the pod does not take the tap
            compare(clusterSession.inspection.status, "Running")
            clusterSession.selectedPod = ""
        }

        // Zoomed in on a part of the cluster, node cards far from the view are not drawn (at
        // 50,000 pods the renderer would walk 500 of them every frame); fit brings them back.
        function test_nodeCardsFarFromTheViewAreNotDrawn() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            canvas.zoomBy(4 / canvas.zoom)
            let nodes = ["control-plane", "worker-1", "worker-2", "worker-3"]
            let drawn = nodes.filter(n => findChild(canvas, "node:" + n).visible)
            verify(drawn.length > 0 && drawn.length < nodes.length, drawn.join())
            canvas.fit()
            for (let n of nodes)
                tryVerify(() => findChild(canvas, "node:" + n).visible, 5000, n)
        }

        // Zoomed out past reading, no pod cards: every pod is a block of its STATUS colour in
        // one PodField, a click on a block selects its pod, and a click between blocks reaches
        // the node below.
        function test_zoomedOutPodsAreOneField() {
            let canvas = createTemporaryObject(canvasComponent, root)
            canvas.fit()
            canvas.zoomBy(0.15 / canvas.zoom)
            verify(!canvas.labelled)
            let field = findChild(canvas, "podField")
            verify(field.visible)
            tryVerify(() => findChild(canvas, "pod:default/myapp-pod") === null)
            let pod = clusterSession.pods.get("default/myapp-pod")
            let p = field.mapToItem(canvas, pod.x - field.x + pod.width / 2, pod.y - field.y + pod.height / 2)
            let image = grabImage(canvas)
            tryCompare(field, "drawnPods", clusterSession.pods.rowCount())
            verify(Qt.colorEqual(image.pixel(Math.round(p.x), Math.round(p.y)), Theme.running),
                   String(image.pixel(Math.round(p.x), Math.round(p.y))))
            compare(field.drawnRectangles, field.drawnPods) // one rectangle a pod
            mouseClick(canvas, p.x, p.y)
            compare(clusterSession.selectedPod, "default/myapp-pod")
            compare(clusterSession.inspection.kind, "Pod")
            let node = findChild(canvas, "node:worker-2")
            mouseClick(node, node.width / 2, 10)
            compare(clusterSession.selectedNode, "worker-2")
            // Zoomed back in, the cards return.
            canvas.fit()
            tryVerify(() => findChild(canvas, "pod:default/myapp-pod") !== null)
            verify(!field.visible)
            clusterSession.selectedPod = ""
            clusterSession.selectedNode = ""
        }

        // So far out that the gaps between pods are under half a pixel, pods of one colour next
        // to each other are drawn as one rectangle, in their colour; nearer, each pod is its own.
        function test_farOutNeighboursAreOneRectangle() {
            verify(crowdedSession.open([Qt.resolvedUrl("../data/crowded")]))
            crowdedSession.advanceTo(60)
            let canvas = createTemporaryObject(crowdedCanvas, root)
            let field = findChild(canvas, "podField")
            canvas.fit()
            canvas.zoomBy(0.1 / canvas.zoom)
            verify(field.visible)
            grabImage(canvas) // a frame: the field counts what it drew
            tryCompare(field, "drawnPods", 12)
            tryCompare(field, "drawnRectangles", 12)
            canvas.zoomBy(0.015 / canvas.zoom) // a pod 4 pixels wide, 16-unit gaps a quarter pixel
            grabImage(canvas)
            tryVerify(() => field.drawnRectangles <= 3, 5000, field.drawnRectangles + " rectangles")
            let image = grabImage(canvas)
            compare(crowdedKeys.count, 12)
            for (let i = 0; i < crowdedKeys.count; ++i) {
                let key = crowdedKeys.objectAt(i).key
                let pod = crowdedSession.pods.get(key)
                let p = field.mapToItem(canvas, pod.x - field.x + pod.width / 2, pod.y - field.y + pod.height / 2)
                verify(Qt.colorEqual(image.pixel(Math.floor(p.x), Math.floor(p.y)), Theme.running),
                       key + " " + p + " " + image.pixel(Math.floor(p.x), Math.floor(p.y)))
            }
            canvas.zoomBy(0.1 / canvas.zoom)
            grabImage(canvas)
            tryCompare(field, "drawnRectangles", 12)
        }
    }
}
