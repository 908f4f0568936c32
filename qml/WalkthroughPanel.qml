import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// The guided walkthrough's narration: which story, which step of how many, what happens now and
// why, and Back / Next to move through it. The cluster stays paused at each step.
Rectangle {
    id: panel
    required property Walkthrough walkthrough

    visible: walkthrough.active
    implicitWidth: 460
    implicitHeight: column.implicitHeight + 24
    radius: 8
    color: Theme.panel
    border.color: Theme.accent
    border.width: 2

    ColumnLayout {
        id: column
        x: 12
        y: 12
        width: parent.width - 24
        spacing: 6

        RowLayout {
            Layout.fillWidth: true
            Label {
                Layout.fillWidth: true
                text: panel.walkthrough.storyTitle
                font.pixelSize: Theme.smallFont + 1
                color: Theme.mutedText
                elide: Text.ElideRight
            }
            Label {
                objectName: "walkthroughProgress"
                text: qsTr("Step %1 of %2").arg(panel.walkthrough.index + 1).arg(panel.walkthrough.count)
                font.pixelSize: Theme.smallFont + 1
                color: Theme.mutedText
            }
        }
        Label {
            objectName: "walkthroughTitle"
            Layout.fillWidth: true
            text: panel.walkthrough.title
            font.pixelSize: Theme.titleFont + 2
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
        }
        Label {
            objectName: "walkthroughNarration"
            Layout.fillWidth: true
            text: panel.walkthrough.narration
            font.pixelSize: Theme.bodyFont + 1
            color: Theme.text
            wrapMode: Text.Wrap
        }
        // What the component itself did, in its own words.
        Label {
            Layout.fillWidth: true
            visible: text !== ""
            text: qsTr("%1 s · %2: %3").arg(panel.walkthrough.time.toFixed(3)).arg(panel.walkthrough.component)
                  .arg(panel.walkthrough.detail)
            font.family: "monospace"
            font.pixelSize: Theme.smallFont
            color: Theme.mutedText
            wrapMode: Text.WrapAnywhere
            maximumLineCount: 3
            elide: Text.ElideRight
        }
        RowLayout {
            Layout.fillWidth: true
            Button {
                text: qsTr("◀ Back")
                enabled: panel.walkthrough.index > 0
                onClicked: panel.walkthrough.back()
            }
            Button {
                objectName: "walkthroughNext"
                text: panel.walkthrough.index + 1 < panel.walkthrough.count ? qsTr("Next ▶") : qsTr("Done")
                highlighted: true
                onClicked: panel.walkthrough.index + 1 < panel.walkthrough.count ? panel.walkthrough.next()
                                                                                 : panel.walkthrough.stop()
            }
            Item { Layout.fillWidth: true }
            Button {
                text: qsTr("Close")
                flat: true
                onClicked: panel.walkthrough.stop()
            }
        }
    }
}
