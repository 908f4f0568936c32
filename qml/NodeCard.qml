import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts

// A node: its header (name, roles, STATUS, taints, CPU and memory requested vs allocatable, pods
// vs capacity) above the area where the layout places its pods.
Rectangle {
    id: node

    required property string name
    required property string roles
    required property string status
    required property bool ready
    required property bool unschedulable
    required property string internalIP
    required property var taints
    required property real cpuRequested
    required property real cpuAllocatable
    required property string cpuText
    required property real memoryRequested
    required property real memoryAllocatable
    required property string memoryText
    required property int podCount
    required property int podCapacity
    required property real cardX
    required property real cardY
    required property real cardWidth
    required property real cardHeight
    property bool detailed: true
    property bool selected: false
    // Zoomed far out only the name is left, in letters large enough to read from afar.
    property bool labelled: true
    // Off: not even the overview name (too small to draw usefully).
    property bool named: true
    // Off for a still picture: the card is drawn where it is.
    property bool animated: true
    // While a pod is dragged over the card: could it run here? The scheduler's reason if not.
    property bool verdictShown: false
    property bool verdictFits: false
    property string verdictText
    signal clicked()
    signal contextMenuRequested()

    objectName: "node:" + name
    x: cardX
    y: cardY
    width: cardWidth
    height: cardHeight
    radius: 10
    color: Theme.nodeCard
    border.color: selected ? Theme.selection : ready ? Theme.border : Theme.failed
    border.width: selected ? 3 : ready ? 1 : 2

    Behavior on x { enabled: node.animated; NumberAnimation { duration: 400; easing.type: Easing.OutCubic } }
    Behavior on y { enabled: node.animated; NumberAnimation { duration: 400; easing.type: Easing.OutCubic } }
    Behavior on height { enabled: node.animated; NumberAnimation { duration: 400; easing.type: Easing.OutCubic } }

    Rectangle {
        id: header
        // Inside the card's border, so a selected node's outline shows all round.
        x: node.border.width
        y: node.border.width
        width: parent.width - 2 * node.border.width
        height: 118 - node.border.width
        radius: parent.radius
        color: Theme.nodeHeader
        // Only the header selects the node: a tap on a pod must reach the pod alone.
        TapHandler { onTapped: node.clicked() }
        // Square off the bottom corners where the header meets the pod area.
        Rectangle { anchors.bottom: parent.bottom; width: parent.width; height: parent.radius; color: parent.color }
    }

    Label {
        objectName: "overviewName"
        visible: !node.labelled && node.named
        anchors.fill: header
        anchors.margins: 8
        text: node.name
        fontSizeMode: Text.Fit
        font.pixelSize: 72
        font.bold: true
        verticalAlignment: Text.AlignVCenter
        color: node.ready ? Theme.text : Theme.failed
    }

    ColumnLayout {
        visible: node.labelled
        anchors.fill: header
        anchors.margins: 12
        spacing: 4

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: node.name
                font.pixelSize: 16
                font.bold: true
                color: Theme.text
            }
            Label {
                text: node.roles
                font.pixelSize: Theme.smallFont
                color: Theme.mutedText
            }
            Item { Layout.fillWidth: true }
            Rectangle {
                implicitWidth: statusText.implicitWidth + 14
                implicitHeight: 20
                radius: 10
                color: node.ready && !node.unschedulable ? Theme.running
                     : node.ready ? Theme.pending : Theme.failed
                Label {
                    id: statusText
                    anchors.centerIn: parent
                    text: node.status
                    color: "white"
                    font.pixelSize: Theme.smallFont
                    font.bold: true
                }
            }
        }
        Label {
            Layout.fillWidth: true
            visible: node.detailed
            text: node.taints.length > 0
                  ? qsTr("%1 · taints: %2").arg(node.internalIP).arg(node.taints.join(", "))
                  : qsTr("%1 · no taints").arg(node.internalIP)
            elide: Text.ElideRight
            font.pixelSize: Theme.smallFont
            color: Theme.mutedText
        }
        UsageBar {
            Layout.fillWidth: true
            animated: node.animated
            label: qsTr("CPU")
            used: node.cpuRequested
            total: node.cpuAllocatable
            valueText: node.cpuText
        }
        UsageBar {
            Layout.fillWidth: true
            animated: node.animated
            label: qsTr("Memory")
            used: node.memoryRequested
            total: node.memoryAllocatable
            valueText: node.memoryText
        }
        UsageBar {
            Layout.fillWidth: true
            animated: node.animated
            label: qsTr("Pods")
            used: node.podCount
            total: node.podCapacity
            valueText: qsTr("%1 / %2").arg(node.podCount).arg(node.podCapacity)
        }
    }

    TapHandler {
        acceptedButtons: Qt.RightButton
        onTapped: node.contextMenuRequested()
    }

    // The drop verdict: the card is tinted; the canvas puts the badge with the reason above it.
    Rectangle {
        objectName: "verdict"
        visible: node.verdictShown
        anchors.fill: parent
        radius: parent.radius
        readonly property color tint: node.verdictFits ? Theme.running : Theme.failed
        color: Qt.rgba(tint.r, tint.g, tint.b, 0.12)
        border.color: node.verdictFits ? Theme.running : Theme.failed
        border.width: 3
    }
}
