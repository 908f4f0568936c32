// PlaybackBar's "Open recent" menu: the sets opened lately, most recent first, each opens again
// from its item, and "Clear recent" empties the list.
import QtQuick
import QtQuick.Controls
import QtTest
import Podscape
import Podscape.Cluster

Item {
    id: root
    width: 1400
    height: 400

    ClusterSession {
        id: clusterSession
        rememberRecent: true
        watchFiles: false
    }

    PlaybackBar {
        id: bar
        width: root.width
        session: clusterSession
    }

    TestCase {
        name: "PlaybackBar"
        when: windowShown

        function initTestCase() {
            clusterSession.clearRecentFiles()
        }

        function cleanupTestCase() {
            clusterSession.clearRecentFiles()
        }

        function openMenu() {
            mouseClick(findChild(bar, "openRecent"))
            let menu = findChild(bar, "recentMenu")
            tryCompare(menu, "opened", true)
            // The items made on opening are laid out in the next frame.
            tryVerify(() => {
                for (let i = 1; i < menu.count; ++i)
                    if (menu.itemAt(i).y < menu.itemAt(i - 1).y + menu.itemAt(i - 1).height)
                        return false
                return true
            })
            return menu
        }

        function test_recentMenu() {
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo/01-myapp-pod.yaml")]))
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo")]))
            let menu = openMenu()
            compare(menu.itemAt(0).text, "demo/")
            compare(menu.itemAt(1).text, "01-myapp-pod.yaml")
            verify(menu.itemAt(1).enabled)

            // Picking an older set opens it, and it comes first.
            mouseClick(menu.itemAt(1))
            tryCompare(menu, "visible", false)
            compare(clusterSession.files.length, 1)
            verify(String(clusterSession.files[0]).endsWith("/resources/demo/01-myapp-pod.yaml"))
            compare(clusterSession.recentFiles[0].label, "01-myapp-pod.yaml")

            menu = openMenu()
            compare(menu.itemAt(0).text, "01-myapp-pod.yaml")
            let clear = menu.itemAt(menu.count - 1)
            compare(clear.objectName, "clearRecent")
            verify(clear.enabled)
            mouseClick(clear)
            tryCompare(menu, "visible", false)
            compare(clusterSession.recentFiles.length, 0)

            menu = openMenu()
            verify(!menu.itemAt(menu.count - 1).enabled) // nothing left to clear
            menu.close()
        }
    }
}
