import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// The toolbar: open and reload manifests, play the virtual clock, step, change speed, fit.
ToolBar {
    id: bar
    required property ClusterSession session
    signal openFilesRequested()
    signal openFolderRequested()
    signal fitRequested()
    signal exportRequested()
    // A guided story ("create", "delete", "evict", "nodeFailure") was picked.
    signal walkthroughRequested(string story)
    // [{id, title}] of the walkthrough's stories.
    property var stories: []

    // 0.25× to 16× in powers of two.
    readonly property var speeds: [0.25, 0.5, 1, 2, 4, 8, 16]

    function speedIndex() {
        let i = speeds.indexOf(session.speed)
        return i < 0 ? 2 : i
    }

    RowLayout {
        anchors.fill: parent
        spacing: 4

        ToolButton {
            text: qsTr("Open…")
            onClicked: bar.openFilesRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Open manifest files (Ctrl+O)")
        }
        ToolButton {
            text: qsTr("Open folder…")
            onClicked: bar.openFolderRequested()
        }
        ToolButton {
            id: recentButton
            objectName: "openRecent"
            text: qsTr("Open recent")
            enabled: bar.session.rememberRecent
            onClicked: recentMenu.open()
            ToolTip.visible: hovered && !recentMenu.visible
            ToolTip.text: qsTr("Open manifests opened before")

            Menu {
                id: recentMenu
                objectName: "recentMenu"
                y: recentButton.height
                // Read on every opening (a file may have gone since), and only then: an item
                // that opens its set changes the list, which must not destroy the item.
                onAboutToShow: recentItems.model = bar.session.recentFiles
                // Placed first in the menu, as Menu's documentation does it.
                Instantiator {
                    id: recentItems
                    model: [] // an Instantiator's default model is 1: one item with no data
                    onObjectAdded: (index, item) => recentMenu.insertItem(index, item)
                    onObjectRemoved: (index, item) => recentMenu.removeItem(item)
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.label
                        enabled: modelData.available
                        opacity: enabled ? 1 : 0.4 // the style draws a disabled item like an enabled one
                        onTriggered: bar.session.open(modelData.paths)
                        ToolTip.visible: hovered
                        ToolTip.delay: 500
                        ToolTip.text: modelData.available ? modelData.detail : qsTr("No longer on disk:\n%1").arg(modelData.detail)
                    }
                }
                MenuItem {
                    text: qsTr("No recent files")
                    enabled: false
                    opacity: 0.4
                    visible: recentItems.count === 0
                    height: visible ? implicitHeight : 0
                }
                MenuSeparator {}
                MenuItem {
                    objectName: "clearRecent"
                    text: qsTr("Clear recent")
                    enabled: recentItems.count > 0
                    opacity: enabled ? 1 : 0.4
                    onTriggered: bar.session.clearRecentFiles()
                }
            }
        }
        ToolButton {
            text: qsTr("Reload")
            enabled: bar.session.files.length > 0
            onClicked: bar.session.reload()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Read the files again and apply them to the running cluster (Ctrl+R)")
        }
        ToolButton {
            objectName: "exportPng"
            text: qsTr("Export PNG…")
            onClicked: bar.exportRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Save the whole cluster as a picture (Ctrl+E)")
        }
        ToolButton {
            id: walkthroughButton
            objectName: "walkthroughButton"
            text: qsTr("Walkthrough")
            onClicked: walkthroughMenu.open()
            ToolTip.visible: hovered && !walkthroughMenu.visible
            ToolTip.text: qsTr("Step through what Kubernetes does, with an explanation at each step")
            Menu {
                id: walkthroughMenu
                y: walkthroughButton.height
                width: 400 // the stories' titles are sentences
                Repeater {
                    model: bar.stories
                    delegate: MenuItem {
                        required property var modelData
                        text: modelData.title
                        onTriggered: bar.walkthroughRequested(modelData.id)
                    }
                }
            }
        }
        ToolSeparator {}
        ToolButton {
            text: qsTr("Reset")
            onClicked: bar.session.reset()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Back to time 0 (Home)")
        }
        ToolButton {
            text: qsTr("◀ Step")
            enabled: bar.session.canStepBack
            onClicked: bar.session.stepBack()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Back to the previous change (Left arrow)")
        }
        ToolButton {
            text: bar.session.playing ? qsTr("Pause") : qsTr("Play")
            highlighted: bar.session.playing
            Layout.preferredWidth: 64
            onClicked: bar.session.togglePlaying()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Play or pause the virtual clock (Space)")
        }
        ToolButton {
            text: qsTr("Step ▶")
            onClicked: bar.session.stepForward()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Run until the next change (Right arrow)")
        }
        ToolSeparator {}
        Label {
            text: qsTr("Speed")
        }
        Slider {
            id: speedSlider
            Layout.preferredWidth: 120
            from: 0
            to: bar.speeds.length - 1
            stepSize: 1
            snapMode: Slider.SnapAlways
            value: bar.speedIndex()
            onMoved: bar.session.speed = bar.speeds[value]
        }
        Label {
            Layout.preferredWidth: 40
            text: qsTr("%1×").arg(bar.session.speed)
        }
        ToolSeparator {}
        Label {
            Layout.preferredWidth: 110
            text: qsTr("t = %1 s").arg(bar.session.virtualTime.toFixed(1))
            font.bold: true
            font.family: "monospace"
        }
        Label {
            text: qsTr("event %1").arg(bar.session.stepCount)
            color: Theme.mutedText
        }
        Item { Layout.fillWidth: true }
        ToolButton {
            objectName: "addNode"
            text: qsTr("Add node")
            onClicked: bar.session.addNode()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("A new worker joins the cluster (4 CPU, 8Gi)")
        }
        ToolButton {
            text: qsTr("Fit")
            onClicked: bar.fitRequested()
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Show the whole cluster (F)")
        }
        ToolButton {
            text: Theme.dark ? qsTr("Light") : qsTr("Dark")
            onClicked: Theme.dark = !Theme.dark
        }
    }
}
