// PodCard: STATUS colour, one chip per container and volume, one line per mount (a shared
// volume has two), level of detail, and a click that asks for selection.
import QtQuick
import QtTest
import Podscape

Item {
    id: root
    width: 800
    height: 600

    Component {
        id: webPod
        PodCard {
            key: "default/web-1"
            name: "web-1"
            node: "worker-1"
            status: "Running"
            category: "running"
            ip: "10.244.1.3"
            hostNetwork: false
            ready: "2/2"
            restarts: 0
            ownerKind: "ReplicaSet"
            ownerName: "web-abc"
            ownerShort: "rs"
            message: ""
            cardX: 10
            cardY: 20
            cardWidth: 280
            cardHeight: 150
            containers: [
                { x: 10, y: 58, width: 150, height: 34, name: "nginx", kind: "app", state: "running",
                  reason: "", image: "nginx:1.27", ports: ["http:80/TCP"], ready: true, restarts: 0 },
                { x: 10, y: 98, width: 150, height: 34, name: "content-sync", kind: "app", state: "waiting",
                  reason: "ContainerCreating", image: "busybox", ports: [], ready: false, restarts: 0 }
            ]
            volumes: [
                { x: 190, y: 58, width: 96, height: 34, name: "content", type: "emptyDir", source: "",
                  mounts: [{ container: "nginx", containerIndex: 0, mountPath: "/usr/share/nginx/html", readOnly: false },
                           { container: "content-sync", containerIndex: 1, mountPath: "/content", readOnly: false }] }
            ]
        }
    }

    SignalSpy {
        id: clicks
        signalName: "clicked"
    }

    TestCase {
        name: "PodCard"
        when: windowShown

        function test_statusColours() {
            let card = createTemporaryObject(webPod, root)
            verify(Qt.colorEqual(card.statusColor, Theme.running))
            card.category = "pending"
            verify(Qt.colorEqual(card.statusColor, Theme.pending))
            card.category = "failed"
            verify(Qt.colorEqual(card.statusColor, Theme.failed))
            card.category = "terminating"
            verify(Qt.colorEqual(card.statusColor, Theme.terminating))
        }

        function test_chipsAndMountLines() {
            let card = createTemporaryObject(webPod, root)
            verify(findChild(card, "container:nginx"))
            verify(findChild(card, "container:content-sync"))
            verify(findChild(card, "volume:content"))
            let toNginx = findChild(card, "mount:content:nginx")
            let toSync = findChild(card, "mount:content:content-sync")
            verify(toNginx && toSync)  // the shared emptyDir is visibly shared
            // The line starts at the container chip's right edge and reaches the volume chip.
            compare(toNginx.x1, 160)
            compare(toNginx.x2, 190)
            compare(toSync.y1, 98 + 17)
            compare(toSync.y2, 58 + 17)
        }

        function test_levelOfDetailHidesChips() {
            let card = createTemporaryObject(webPod, root)
            card.detailed = false
            verify(!findChild(card, "container:nginx"))
            verify(!findChild(card, "mount:content:nginx"))
            card.detailed = true
            verify(findChild(card, "container:nginx"))
        }

        function test_zoomedFarOutAPodIsAColouredBlock() {
            let card = createTemporaryObject(webPod, root)
            card.labelled = false
            card.detailed = false
            verify(!findChild(card, "name").visible)
            verify(Qt.colorEqual(card.color, Theme.running))
            card.labelled = true
            verify(findChild(card, "name").visible)
        }

        function test_placedByTheLayout() {
            let card = createTemporaryObject(webPod, root)
            compare(card.x, 10)
            compare(card.y, 20)
            compare(card.width, 280)
            compare(card.height, 150)
        }

        function test_clickAsksForSelection() {
            let card = createTemporaryObject(webPod, root)
            clicks.target = card
            clicks.clear()
            tryCompare(card, "scale", 1)  // the entrance animation is done
            mouseClick(card, 200, 20)
            compare(clicks.count, 1)
        }
    }
}
