import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts

// One Service: name, type and ClusterIP, ports, selector, DNS name and its endpoint rows. The
// Services panel lists these; the exported picture sets them beside the nodes.
Rectangle {
    id: service
    required property string key
    required property string name
    required property string type
    required property string clusterIP
    required property var ports
    required property string selector
    required property string dns
    required property var endpoints
    required property int readyCount
    // How often kube-proxy, CoreDNS and an Ingress controller picked up an endpoints change.
    required property int kubeProxySteps
    required property int coreDnsSteps
    required property int ingressSteps
    required property bool hasIngress
    property bool selected: false
    signal tapped()

    objectName: "service:" + key
    implicitWidth: 340
    implicitHeight: column.implicitHeight + 16
    radius: 8
    color: Theme.panel
    border.color: selected ? Theme.selection : Theme.border
    border.width: selected ? 2 : 1

    TapHandler { onTapped: service.tapped() }

    ColumnLayout {
        id: column
        x: 8
        y: 8
        width: parent.width - 16
        spacing: 3
        RowLayout {
            Layout.fillWidth: true
            // Wrapped, not elided: a name is how users find a Service, and a picture cannot hover.
            Label {
                Layout.fillWidth: true
                text: service.name
                font.bold: true
                color: Theme.text
                wrapMode: Text.WrapAnywhere
            }
            Label {
                text: qsTr("%1 · %2").arg(service.type).arg(service.clusterIP)
                font.family: "monospace"
                font.pixelSize: Theme.smallFont + 1
                color: Theme.mutedText
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("ports: %1").arg(service.ports.join(", "))
            font.pixelSize: Theme.smallFont + 1
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: service.selector === "" ? qsTr("no selector: endpoints managed by hand")
                                          : qsTr("selector: %1").arg(service.selector)
            font.pixelSize: Theme.smallFont + 1
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("DNS: %1").arg(service.dns)
            font.pixelSize: Theme.smallFont + 1
            color: Theme.mutedText
            wrapMode: Text.WrapAnywhere
        }
        // The consumers that watch the endpoints flash as they pick a change up. Their names are
        // Kubernetes components: never translated.
        RowLayout {
            spacing: 4
            ConsumerBadge { objectName: "kube-proxy"; text: "kube-proxy"; steps: service.kubeProxySteps }
            ConsumerBadge { objectName: "CoreDNS"; text: "CoreDNS"; steps: service.coreDnsSteps }
            ConsumerBadge {
                objectName: "Ingress"
                visible: service.hasIngress
                text: "Ingress"
                steps: service.ingressSteps
            }
        }
        Label {
            text: qsTr("Endpoints (%1 ready)").arg(service.readyCount)
            font.pixelSize: Theme.smallFont + 1
            font.bold: true
            color: Theme.text
            Layout.topMargin: 4
        }
        Label {
            visible: service.endpoints.length === 0
            text: qsTr("none yet")
            font.pixelSize: Theme.smallFont + 1
            color: Theme.mutedText
        }
        Repeater {
            model: service.endpoints
            delegate: RowLayout {
                required property var modelData
                spacing: 6
                Rectangle {
                    width: 8
                    height: 8
                    radius: 4
                    color: modelData.ready ? Theme.running : Theme.pending
                }
                Label {
                    text: modelData.address
                    font.family: "monospace"
                    font.pixelSize: Theme.smallFont + 1
                    color: Theme.text
                }
                Label {
                    text: modelData.ready ? qsTr("ready") : qsTr("not ready")
                    font.pixelSize: Theme.smallFont
                    color: modelData.ready ? Theme.running : Theme.pending
                }
            }
        }
    }

    // A consumer of the Service's endpoints: lit for a moment after each change it picked up.
    component ConsumerBadge: Rectangle {
        id: badge
        property alias text: badgeLabel.text
        property int steps: 0
        property bool lit: false
        implicitWidth: badgeLabel.implicitWidth + 10
        implicitHeight: badgeLabel.implicitHeight + 4
        radius: 3
        // Readable at every point of the fade: the tint comes and goes, the text stays dark.
        color: Qt.rgba(0.2, 0.42, 0.9, lit ? 0.28 : 0)
        border.color: lit ? Theme.accent : Theme.border
        Behavior on color { ColorAnimation { duration: 300 } }
        // Only a change while it is shown lights it: not the count a new card (or a still
        // picture) starts with.
        property bool shown: false
        Component.onCompleted: shown = true
        onStepsChanged: if (shown && steps > 0) { lit = true; fade.restart() }
        Timer { id: fade; interval: 900; onTriggered: badge.lit = false }
        Label {
            id: badgeLabel
            anchors.centerIn: parent
            font.pixelSize: Theme.smallFont
            color: badge.lit ? Theme.text : Theme.mutedText
            font.bold: badge.lit
        }
    }
}
