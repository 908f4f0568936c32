import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// The selected pod (summary, conditions, the scheduler's per-node verdicts, "why this node, why
// pending", and its trace through the control plane) or node (summary, conditions, labels, pods).
Pane {
    id: inspector
    required property ClusterSession session
    readonly property var pod: session.inspection
    readonly property bool hasPod: pod.name !== undefined
    readonly property bool isNode: pod.kind === "Node"
    padding: 0

    Label {
        visible: !inspector.hasPod
        anchors.centerIn: parent
        width: parent.width - 40
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: inspector.pod.gone ? qsTr("%1 no longer exists.").arg(inspector.pod.key)
                                 : qsTr("Click a pod or a node to inspect it.")
        color: Theme.mutedText
    }

    ScrollView {
        id: scroll
        visible: inspector.hasPod
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth - 20
            x: 10
            spacing: 6

            Label {
                Layout.topMargin: 10
                Layout.fillWidth: true
                text: inspector.pod.name ?? ""
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.WrapAnywhere
            }
            GridLayout {
                Layout.fillWidth: true
                columns: 2
                columnSpacing: 10
                rowSpacing: 2
                Repeater {
                    model: inspector.summaryRows()
                    delegate: Label {
                        required property var modelData
                        required property int index
                        Layout.fillWidth: index % 2 === 1
                        text: modelData
                        color: index % 2 === 0 ? Theme.mutedText : Theme.text
                        font.pixelSize: Theme.smallFont + 1
                        wrapMode: Text.WrapAnywhere
                    }
                }
            }

            Label { text: qsTr("Conditions"); font.bold: true; Layout.topMargin: 6 }
            Repeater {
                model: inspector.pod.conditions ?? []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: qsTr("%1: %2%3").arg(modelData.type).arg(modelData.status)
                          .arg(modelData.reason ? " (" + modelData.reason + ")" : "")
                    color: modelData.healthy ? Theme.running : Theme.pending
                    font.pixelSize: Theme.smallFont + 1
                    wrapMode: Text.Wrap
                }
            }

            Label {
                visible: inspector.pod.scheduling !== undefined
                text: qsTr("Scheduling")
                font.bold: true
                Layout.topMargin: 6
            }
            Label {
                visible: inspector.pod.scheduling !== undefined
                Layout.fillWidth: true
                text: inspector.schedulingSummary()
                font.pixelSize: Theme.smallFont + 1
                wrapMode: Text.Wrap
            }
            Repeater {
                model: inspector.pod.scheduling ? inspector.pod.scheduling.nodes : []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: modelData.passed
                          ? qsTr("✓ %1: fits, score %2%3").arg(modelData.node).arg(modelData.score)
                            .arg(modelData.selected ? qsTr(" (chosen)") : "")
                          : qsTr("✗ %1: %2: %3").arg(modelData.node).arg(modelData.plugin).arg(modelData.reasons)
                    color: modelData.passed ? (modelData.selected ? Theme.running : Theme.text) : Theme.failed
                    font.pixelSize: Theme.smallFont + 1
                    wrapMode: Text.Wrap
                }
            }

            Label {
                visible: inspector.isNode
                text: qsTr("Pods (%1)").arg(inspector.pod.pods ? inspector.pod.pods.length : 0)
                font.bold: true
                Layout.topMargin: 6
            }
            Label {
                visible: inspector.isNode
                Layout.fillWidth: true
                text: inspector.pod.pods ? inspector.pod.pods.join("\n") : ""
                font.pixelSize: Theme.smallFont + 1
                wrapMode: Text.WrapAnywhere
            }
            Label {
                visible: inspector.isNode
                text: qsTr("Labels")
                font.bold: true
                Layout.topMargin: 6
            }
            Label {
                visible: inspector.isNode
                Layout.fillWidth: true
                text: inspector.pod.labels ? inspector.pod.labels.join("\n") : ""
                font.pixelSize: Theme.smallFont + 1
                font.family: "monospace"
                wrapMode: Text.WrapAnywhere
            }

            Label { visible: !inspector.isNode; text: qsTr("Trace"); font.bold: true; Layout.topMargin: 6 }
            Repeater {
                model: inspector.pod.trace ?? []
                delegate: Label {
                    required property var modelData
                    Layout.fillWidth: true
                    text: qsTr("%1 s  %2: %3").arg(modelData.time.toFixed(3)).arg(modelData.component).arg(modelData.stage)
                    font.pixelSize: Theme.smallFont
                    wrapMode: Text.Wrap
                    ToolTip.visible: traceHover.hovered && modelData.detail !== ""
                    ToolTip.text: modelData.detail
                    HoverHandler { id: traceHover }
                }
            }
            Item { Layout.preferredHeight: 10 }
        }
    }

    // Label and value pairs for the grid; empty values are left out.
    function summaryRows() {
        if (isNode)
            return pairs([[qsTr("Status"), pod.status], [qsTr("Roles"), pod.roles],
                          [qsTr("CPU requested"), pod.cpu], [qsTr("Memory requested"), pod.memory],
                          [qsTr("Addresses"), pod.addresses ? pod.addresses.join(", ") : ""],
                          [qsTr("Pod CIDR"), pod.podCIDR], [qsTr("Kubelet"), pod.kubeletVersion],
                          [qsTr("Taints"), pod.taints && pod.taints.length > 0 ? pod.taints.join(", ") : qsTr("none")]])
        return pairs([[qsTr("Namespace"), pod.namespace], [qsTr("Status"), pod.status], [qsTr("Ready"), pod.ready],
                    [qsTr("Phase"), pod.phase], [qsTr("Node"), pod.node || qsTr("(not scheduled)")],
                    [qsTr("Pod IP"), pod.ip], [qsTr("Host IP"), pod.hostIP], [qsTr("QoS class"), pod.qosClass],
                    [qsTr("Owner"), pod.owner || qsTr("none: a bare pod is not replaced")],
                    [qsTr("Source"), pod.source]])
    }

    function pairs(rows) {
        let out = []
        for (let r of rows)
            if (r[1])
                out.push(r[0], r[1])
        return out
    }

    function schedulingSummary() {
        let s = pod.scheduling
        if (!s)
            return ""
        if (s.selectedNode)
            return qsTr("At %1 s: %2 of %3 nodes fit; bound to %4.").arg(s.time.toFixed(3))
                   .arg(s.feasibleNodes).arg(s.evaluatedNodes).arg(s.selectedNode)
        return qsTr("At %1 s: %2").arg(s.time.toFixed(3)).arg(s.message)
    }
}
