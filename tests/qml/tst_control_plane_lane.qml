// ControlPlaneLane: one component per lane row, in a pod's order, each showing its last step.
import QtQuick
import QtTest
import Podscape
import Podscape.Cluster

Item {
    id: root
    width: 1200
    height: 100

    ClusterSession {
        id: clusterSession
    }

    Component {
        id: laneComponent
        ControlPlaneLane {
            width: root.width
            session: clusterSession
        }
    }

    TestCase {
        name: "ControlPlaneLane"
        when: windowShown

        function test_componentsInOrderWithTheirLastStep() {
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo")]))
            let lane = createTemporaryObject(laneComponent, root)
            let kubectl = findChild(lane, "component:kubectl")
            let scheduler = findChild(lane, "component:kube-scheduler")
            verify(kubectl && scheduler)
            verify(kubectl.x < scheduler.x)
            compare(scheduler.steps, 0)
            clusterSession.advanceTo(30)
            verify(scheduler.steps > 0)
            verify(scheduler.stage !== "")
        }

        // The request dot sits on the component of the newest trace entry.
        function test_requestTravelsToTheActingComponent() {
            verify(clusterSession.open([Qt.resolvedUrl("../../resources/demo")]))
            let lane = createTemporaryObject(laneComponent, root)
            let dot = findChild(lane, "request")
            verify(!dot.visible)
            clusterSession.advanceTo(0.5)
            verify(clusterSession.controlPlane.current !== "")
            let acting = findChild(lane, "component:" + clusterSession.controlPlane.current)
            verify(dot.visible)
            compare(lane.current, acting)
            tryVerify(() => dot.x > acting.x && dot.x < acting.x + acting.width)
        }
    }
}
