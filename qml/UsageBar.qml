import QtQuick
import Podscape
import QtQuick.Controls

// One resource of a node: what its pods request against what it can allocate.
Item {
    id: bar
    property string label
    property real used
    property real total
    property string valueText
    property bool animated: true

    implicitHeight: 16

    readonly property real fraction: total > 0 ? Math.min(used / total, 1) : 0

    Label {
        id: name
        width: 58
        anchors.verticalCenter: parent.verticalCenter
        text: bar.label
        font.pixelSize: Theme.smallFont
        color: Theme.mutedText
    }
    Rectangle {
        id: track
        anchors.left: name.right
        anchors.right: value.left
        anchors.rightMargin: 8
        anchors.verticalCenter: parent.verticalCenter
        height: 8
        radius: 4
        color: Theme.dark ? "#1c1f24" : "#e3e7ed"
        Rectangle {
            width: parent.width * bar.fraction
            height: parent.height
            radius: parent.radius
            color: bar.fraction > 0.9 ? Theme.failed : bar.fraction > 0.7 ? Theme.pending : Theme.accent
            Behavior on width {
                enabled: bar.animated
                NumberAnimation { duration: 300 }
            }
        }
    }
    Label {
        id: value
        width: 110
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        horizontalAlignment: Text.AlignRight
        text: bar.valueText
        font.pixelSize: Theme.smallFont
        color: Theme.text
    }
}
