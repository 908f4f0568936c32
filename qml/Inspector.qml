import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// The inspected object, as `kubectl describe` would tell it and more: a pod's summary, containers,
// volumes, conditions, the scheduler's per-node verdicts ("why this node, why pending") and its
// trace through the control plane as a timeline; a node's summary, conditions, pods and labels; a
// Service's ports, DNS name and endpoints; for every object its events and its YAML as written
// (a Secret's values masked), or the template it was made from.
Pane {
    id: inspector
    required property ClusterSession session
    readonly property var item: session.inspection
    readonly property bool hasItem: item.name !== undefined
    readonly property string kind: item.kind ?? ""
    padding: 0

    Label {
        visible: !inspector.hasItem
        anchors.centerIn: parent
        width: parent.width - 40
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.WordWrap
        text: inspector.item.gone ? qsTr("%1 %2 no longer exists.").arg(inspector.item.kind).arg(inspector.item.key)
                                  : qsTr("Click a pod, a node, a Service or an event to inspect it.")
        color: Theme.mutedText
    }

    ColumnLayout {
        anchors.fill: parent
        visible: inspector.hasItem
        spacing: 0

        ColumnLayout {
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.bottomMargin: 4
            spacing: 0
            Label {
                Layout.fillWidth: true
                text: inspector.item.name ?? ""
                font.pixelSize: Theme.titleFont
                font.bold: true
                wrapMode: Text.WrapAnywhere
            }
            Label {
                Layout.fillWidth: true
                text: inspector.item.namespace ? qsTr("%1 in namespace %2").arg(inspector.kind).arg(inspector.item.namespace)
                                               : inspector.kind
                color: Theme.mutedText
                font.pixelSize: Theme.smallFont + 1
            }
        }

        TabBar {
            id: tabs
            objectName: "inspectorTabs"
            Layout.fillWidth: true
            TabButton { text: qsTr("Overview") }
            TabButton { text: qsTr("Events (%1)").arg(inspector.item.events ? inspector.item.events.length : 0) }
            TabButton { text: qsTr("YAML") }
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: tabs.currentIndex

            ScrollView {
                id: overviewScroll
                contentWidth: availableWidth
                clip: true
                ColumnLayout {
                    width: overviewScroll.availableWidth - 20
                    x: 10
                    spacing: 6
                    Item { Layout.preferredHeight: 2 }
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
                                Layout.alignment: Qt.AlignTop
                                text: modelData
                                color: index % 2 === 0 ? Theme.mutedText : Theme.text
                                font.pixelSize: Theme.smallFont + 1
                                wrapMode: Text.WrapAnywhere
                            }
                        }
                    }

                    SectionTitle { shown: (inspector.item.containers ?? []).length > 0; text: qsTr("Containers") }
                    Repeater {
                        model: inspector.item.containers ?? []
                        delegate: ColumnLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            spacing: 0
                            RowLayout {
                                spacing: 6
                                Rectangle {
                                    width: 8; height: 8; radius: 4
                                    color: Theme.containerStateColor(modelData.state, modelData.ready)
                                }
                                Label {
                                    text: modelData.name
                                    font.bold: true
                                    font.pixelSize: Theme.smallFont + 1
                                }
                                Label {
                                    text: inspector.containerKindText(modelData.kind)
                                    color: Theme.containerColor(modelData.kind)
                                    font.pixelSize: Theme.smallFont
                                }
                            }
                            Label {
                                Layout.fillWidth: true
                                Layout.leftMargin: 14
                                text: inspector.containerText(modelData)
                                color: Theme.mutedText
                                font.pixelSize: Theme.smallFont + 1
                                wrapMode: Text.WrapAnywhere
                            }
                        }
                    }

                    SectionTitle { shown: (inspector.item.volumes ?? []).length > 0; text: qsTr("Volumes") }
                    Repeater {
                        model: inspector.item.volumes ?? []
                        delegate: Label {
                            required property var modelData
                            Layout.fillWidth: true
                            text: qsTr("%1 (%2%3)").arg(modelData.name).arg(modelData.type)
                                  .arg(modelData.source ? ": " + modelData.source : "")
                                  + (modelData.mounts.length > 0 ? "\n    " + modelData.mounts.join("\n    ") : "")
                            color: Theme.text
                            font.pixelSize: Theme.smallFont + 1
                            wrapMode: Text.WrapAnywhere
                        }
                    }

                    SectionTitle { shown: (inspector.item.conditions ?? []).length > 0; text: qsTr("Conditions") }
                    Repeater {
                        model: inspector.item.conditions ?? []
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

                    SectionTitle { shown: inspector.item.scheduling !== undefined; text: qsTr("Scheduling") }
                    Label {
                        visible: inspector.item.scheduling !== undefined
                        Layout.fillWidth: true
                        text: inspector.schedulingSummary()
                        font.pixelSize: Theme.smallFont + 1
                        wrapMode: Text.Wrap
                    }
                    Repeater {
                        model: inspector.item.scheduling ? inspector.item.scheduling.nodes : []
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

                    SectionTitle {
                        shown: inspector.kind === "Service"
                        text: qsTr("Endpoints (%1 ready, %2 not ready)").arg((inspector.item.endpoints ?? []).length)
                              .arg((inspector.item.notReadyEndpoints ?? []).length)
                    }
                    Label {
                        visible: inspector.kind === "Service"
                        Layout.fillWidth: true
                        text: inspector.endpointText()
                        font.family: "monospace"
                        font.pixelSize: Theme.smallFont + 1
                        wrapMode: Text.WrapAnywhere
                    }

                    // A node's pods, a Service's backing pods: a click inspects the pod.
                    SectionTitle {
                        shown: inspector.kind === "Node" || inspector.kind === "Service"
                        text: qsTr("Pods (%1)").arg((inspector.item.pods ?? []).length)
                    }
                    Repeater {
                        model: inspector.kind === "Node" || inspector.kind === "Service" ? inspector.item.pods ?? [] : []
                        delegate: Label {
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            text: modelData
                            color: Theme.accent
                            font.pixelSize: Theme.smallFont + 1
                            elide: Text.ElideMiddle
                            TapHandler {
                                onTapped: inspector.session.selectedPod = inspector.kind === "Node"
                                          ? inspector.item.podKeys[index] : modelData
                            }
                            HoverHandler { cursorShape: Qt.PointingHandCursor }
                        }
                    }

                    SectionTitle { shown: inspector.kind === "Node"; text: qsTr("Labels") }
                    Label {
                        visible: inspector.kind === "Node"
                        Layout.fillWidth: true
                        text: inspector.item.labels ? inspector.item.labels.join("\n") : ""
                        font.pixelSize: Theme.smallFont + 1
                        font.family: "monospace"
                        wrapMode: Text.WrapAnywhere
                    }

                    SectionTitle { shown: (inspector.item.trace ?? []).length > 0; text: qsTr("Trace") }
                    Repeater {
                        objectName: "traceTimeline"
                        model: inspector.item.trace ?? []
                        delegate: TimelineRow {}
                    }
                    Item { Layout.preferredHeight: 10 }
                }
            }

            ListView {
                id: eventList
                objectName: "inspectorEvents"
                clip: true
                model: inspector.item.events ?? []
                ScrollBar.vertical: ScrollBar {}
                delegate: Label {
                    required property var modelData
                    width: eventList.width - 20
                    x: 10
                    topPadding: 3
                    bottomPadding: 3
                    text: qsTr("%1 s  %2  %3  (%4)\n%5").arg(modelData.time.toFixed(1)).arg(modelData.type)
                          .arg(modelData.reason).arg(modelData.from).arg(modelData.message)
                    color: modelData.type === "Warning" ? Theme.failed : Theme.text
                    font.pixelSize: Theme.smallFont + 1
                    wrapMode: Text.Wrap
                }
                Label {
                    visible: eventList.count === 0
                    anchors.centerIn: parent
                    text: qsTr("No events.")
                    color: Theme.mutedText
                }
            }

            ColumnLayout {
                spacing: 4
                Label {
                    Layout.fillWidth: true
                    Layout.leftMargin: 10
                    Layout.rightMargin: 10
                    Layout.topMargin: 6
                    text: inspector.yamlHeading()
                    color: Theme.mutedText
                    font.pixelSize: Theme.smallFont + 1
                    wrapMode: Text.Wrap
                }
                ScrollView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    TextArea {
                        objectName: "inspectorYaml"
                        readOnly: true
                        selectByMouse: true
                        text: inspector.item.yaml ?? ""
                        font.family: "monospace"
                        font.pixelSize: Theme.smallFont + 1
                        wrapMode: TextEdit.NoWrap
                        color: Theme.text
                        background: Rectangle { color: Theme.canvas }
                    }
                }
            }
        }
    }

    component SectionTitle: Label {
        property bool shown: true
        visible: shown
        font.bold: true
        Layout.topMargin: 6
    }

    // One stage of the pod's life: the time, a dot on a line, who did what.
    component TimelineRow: RowLayout {
        required property var modelData
        required property int index
        Layout.fillWidth: true
        spacing: 6
        Label {
            Layout.preferredWidth: 58
            horizontalAlignment: Text.AlignRight
            text: qsTr("%1 s").arg(modelData.time.toFixed(3))
            font.family: "monospace"
            font.pixelSize: Theme.smallFont
            color: Theme.mutedText
        }
        Item {
            Layout.preferredWidth: 10
            Layout.fillHeight: true
            Rectangle {
                x: 4
                width: 2
                height: parent.height + 6
                y: -3
                color: Theme.border
            }
            Rectangle {
                x: 1
                y: 4
                width: 8
                height: 8
                radius: 4
                color: Theme.accent
            }
        }
        Label {
            Layout.fillWidth: true
            text: qsTr("%1: %2").arg(modelData.component).arg(modelData.stage)
            font.pixelSize: Theme.smallFont
            wrapMode: Text.Wrap
            ToolTip.visible: traceHover.hovered && modelData.detail !== ""
            ToolTip.text: modelData.detail
            HoverHandler { id: traceHover }
        }
    }

    // Label and value pairs for the grid; empty values are left out.
    function summaryRows() {
        let i = item
        if (kind === "Node")
            return pairs([[qsTr("Status"), i.status], [qsTr("Roles"), i.roles],
                          [qsTr("CPU requested"), i.cpu], [qsTr("Memory requested"), i.memory],
                          [qsTr("Addresses"), i.addresses ? i.addresses.join(", ") : ""],
                          [qsTr("Pod CIDR"), i.podCIDR], [qsTr("Kubelet"), i.kubeletVersion],
                          [qsTr("Taints"), i.taints && i.taints.length > 0 ? i.taints.join(", ") : qsTr("none")],
                          [qsTr("Source"), i.source]])
        if (kind === "Pod")
            return pairs([[qsTr("Status"), i.status], [qsTr("Ready"), i.ready],
                          [qsTr("Phase"), i.phase], [qsTr("Node"), i.node || qsTr("(not scheduled)")],
                          [qsTr("Pod IP"), i.hostNetwork ? qsTr("%1 (the node's: hostNetwork)").arg(i.ip) : i.ip],
                          [qsTr("Host IP"), i.hostIP], [qsTr("QoS class"), i.qosClass],
                          [qsTr("Owner"), i.owner || qsTr("none: a bare pod is not replaced")],
                          [qsTr("Source"), i.source || i.templateSource]])
        if (kind === "Service")
            return pairs([[qsTr("Type"), i.type], [qsTr("Cluster IP"), i.clusterIP],
                          [qsTr("Ports"), (i.ports ?? []).join(", ")],
                          [qsTr("Selector"), i.selector || qsTr("none: endpoints are managed by hand")],
                          [qsTr("DNS"), i.dns], [qsTr("Source"), i.source]])
        return pairs([[qsTr("Owner"), i.owner], [qsTr("Created"), i.created !== undefined ? qsTr("%1 s").arg(i.created.toFixed(1)) : ""],
                      [qsTr("Source"), i.source || i.templateSource]])
    }

    function pairs(rows) {
        let out = []
        for (let r of rows)
            if (r[1])
                out.push(r[0], r[1])
        return out
    }

    function containerKindText(k) {
        return k === "init" ? qsTr("init container") : k === "sidecar" ? qsTr("sidecar") : qsTr("app container")
    }

    function containerText(c) {
        let state = c.reason ? qsTr("%1 (%2)").arg(c.state).arg(c.reason) : c.state
        let lines = [qsTr("%1, %2, restarts %3").arg(state).arg(c.ready ? qsTr("ready") : qsTr("not ready")).arg(c.restarts),
                     c.image]
        if (c.ports.length > 0)
            lines.push(qsTr("ports %1").arg(c.ports.join(", ")))
        return lines.join("\n")
    }

    function endpointText() {
        let lines = []
        for (let e of item.endpoints ?? [])
            lines.push(qsTr("✓ %1").arg(e))
        for (let e of item.notReadyEndpoints ?? [])
            lines.push(qsTr("✗ %1 (not ready)").arg(e))
        return lines.length > 0 ? lines.join("\n") : qsTr("none yet")
    }

    function yamlHeading() {
        if (!item.yaml)
            return kind === "Node" || kind === "Pod" || kind === "Service"
                    ? qsTr("Created by the cluster, not from a file: there is no manifest to show.")
                    : qsTr("No manifest.")
        if (item.yamlFrom)
            return qsTr("Made by a controller from the template of %1 (%2):").arg(item.yamlFrom).arg(item.templateSource)
        let masked = kind === "Secret" ? qsTr(" Secret values are hidden; only key names and sizes show.") : ""
        return qsTr("As written in %1.%2").arg(item.source).arg(masked)
    }

    function schedulingSummary() {
        let s = item.scheduling
        if (!s)
            return ""
        if (s.selectedNode)
            return qsTr("At %1 s: %2 of %3 nodes fit; bound to %4.").arg(s.time.toFixed(3))
                   .arg(s.feasibleNodes).arg(s.evaluatedNodes).arg(s.selectedNode)
        return qsTr("At %1 s: %2").arg(s.time.toFixed(3)).arg(s.message)
    }
}
