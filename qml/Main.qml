import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Podscape.Cluster

// The main window: toolbar, problems, the canvas with the Services panel and the inspector
// beside it, and the event log below.
ApplicationWindow {
    id: window

    // Set by main.cpp from the command line: the files (or the bundled demo), --actions and
    // --event-log.
    property var initialFiles: []
    property string actionsFile
    property string eventLogFile

    width: 1600
    height: 1000
    visible: true
    title: clusterSession.files.length > 0 ? qsTr("Podscape — %1").arg(window.displayName(clusterSession.files)) : qsTr("Podscape")
    color: Theme.window
    // The controls take their colours from the palette: follow the theme.
    palette.window: Theme.panel
    palette.windowText: Theme.text
    palette.base: Theme.panel
    palette.alternateBase: Theme.canvas
    palette.text: Theme.text
    palette.button: Theme.dark ? "#3a404b" : "#e8eaed"
    palette.buttonText: Theme.text
    palette.brightText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: "white"
    palette.mid: Theme.border
    palette.dark: Theme.mutedText
    palette.light: Theme.canvas
    palette.midlight: Theme.border
    palette.disabled.text: Theme.mutedText
    palette.disabled.buttonText: Theme.mutedText
    palette.disabled.windowText: Theme.mutedText

    function displayName(files) {
        let names = []
        for (let f of files)
            names.push(String(f).replace(/^.*[\/\\]/, "").replace(/^$/, String(f)))
        return names.join(", ")
    }

    function urlsToStrings(urls) {
        let out = []
        for (let i = 0; i < urls.length; ++i)
            out.push(String(urls[i]))
        return out
    }

    ClusterSession {
        id: clusterSession
        rememberRecent: true
    }

    // Manifests dropped anywhere on the window, toolbar included, are opened.
    ManifestDropArea {
        parent: Overlay.overlay
        anchors.fill: parent
        session: clusterSession
    }

    Component.onCompleted: {
        if (eventLogFile !== "")
            clusterSession.recordEventsTo(eventLogFile)
        if (actionsFile !== "")
            clusterSession.loadActions(actionsFile)
        if (clusterSession.open(initialFiles))
            clusterSession.play()
        Qt.callLater(canvas.fit)
    }

    Connections {
        target: clusterSession
        // Whichever way files were opened (dialog, drop, recent, command line), the new
        // cluster comes up on its own, as it does at start.
        function onFilesChanged() {
            clusterSession.play()
            Qt.callLater(canvas.fit)
        }
    }

    header: PlaybackBar {
        session: clusterSession
        onOpenFilesRequested: fileDialog.open()
        onOpenFolderRequested: folderDialog.open()
        onFitRequested: canvas.fit()
        onExportRequested: exportDialog.open()
        stories: walkthrough.stories()
        onWalkthroughRequested: (story) => walkthrough.start(story)
    }

    Walkthrough {
        id: walkthrough
        session: clusterSession
        // The story's pod is marked on the canvas and shown in the inspector.
        onChanged: if (active && subject.indexOf("/") > 0 && clusterSession.selectedPod !== subject)
                       clusterSession.selectedPod = subject
    }

    ExportDialog {
        id: exportDialog
        session: clusterSession
    }

    FileDialog {
        id: fileDialog
        objectName: "openDialog"
        title: qsTr("Open manifests")
        fileMode: FileDialog.OpenFiles
        nameFilters: [qsTr("Kubernetes manifests (*.yaml *.yml *.json)"), qsTr("All files (*)")]
        onAccepted: clusterSession.open(window.urlsToStrings(selectedFiles))
    }
    FolderDialog {
        id: folderDialog
        title: qsTr("Open a folder of manifests")
        onAccepted: clusterSession.open([String(selectedFolder)])
    }

    Shortcut { sequence: StandardKey.Open; onActivated: fileDialog.open() }
    Shortcut { sequence: "Ctrl+R"; onActivated: clusterSession.reload() }
    Shortcut { sequence: "Ctrl+E"; onActivated: exportDialog.open() }
    Shortcut { sequence: "Space"; onActivated: clusterSession.togglePlaying() }
    // While a walkthrough runs, the arrows move through its steps.
    Shortcut { sequence: "Right"; onActivated: walkthrough.active ? walkthrough.next() : clusterSession.stepForward() }
    Shortcut { sequence: "Left"; onActivated: walkthrough.active ? walkthrough.back() : clusterSession.stepBack() }
    Shortcut { sequence: "Home"; onActivated: clusterSession.reset() }
    Shortcut {
        sequence: "Escape"
        onActivated: {
            clusterSession.selectedPod = ""
            clusterSession.selectedNode = ""
            clusterSession.selectedService = ""
        }
    }
    Shortcut {
        sequences: [StandardKey.Delete]
        enabled: clusterSession.selectedPod !== ""
        onActivated: clusterSession.evictPod(clusterSession.selectedPod, "")
    }
    Shortcut { sequence: "F"; onActivated: canvas.fit() }
    Shortcut { sequences: ["+", "="]; onActivated: canvas.zoomBy(1.25) }
    Shortcut { sequence: "-"; onActivated: canvas.zoomBy(0.8) }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        ErrorPanel {
            Layout.fillWidth: true
            session: clusterSession
        }

        SplitView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            orientation: Qt.Vertical

            SplitView {
                SplitView.fillHeight: true
                orientation: Qt.Horizontal

                ColumnLayout {
                    SplitView.fillWidth: true
                    spacing: 0
                    ControlPlaneLane {
                        Layout.fillWidth: true
                        session: clusterSession
                        // The walkthrough's step lights its component up and holds the request dot there.
                        guided: walkthrough.active ? walkthrough.component : ""
                    }
                    ClusterCanvas {
                        id: canvas
                        objectName: "clusterCanvas"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        session: clusterSession
                        WalkthroughPanel {
                            objectName: "walkthroughPanel"
                            anchors.left: parent.left
                            anchors.bottom: parent.bottom
                            anchors.margins: 16
                            width: Math.min(implicitWidth, parent.width - 32)
                            z: 30
                            walkthrough: walkthrough
                        }
                        // What the last action did (an eviction, a node action) or why it was refused.
                        Rectangle {
                            id: noticeBar
                            objectName: "notice"
                            // Over the canvas, so the picture does not move under a drag when it comes and goes.
                            anchors.bottom: parent.bottom
                            anchors.bottomMargin: 28
                            anchors.horizontalCenter: parent.horizontalCenter
                            width: Math.min(noticeRow.implicitWidth + 16, parent.width - 40)
                            visible: clusterSession.notice !== ""
                            height: noticeRow.implicitHeight + 12
                            radius: 6
                            color: clusterSession.noticeIsError ? Theme.errorBackground : Theme.panel
                            border.color: clusterSession.noticeIsError ? Theme.failed : Theme.accent
                            RowLayout {
                                id: noticeRow
                                anchors.fill: parent
                                anchors.margins: 6
                                Label {
                                    Layout.fillWidth: true
                                    Layout.maximumWidth: 900
                                    text: clusterSession.notice
                                    wrapMode: Text.Wrap
                                    color: clusterSession.noticeIsError ? Theme.failed : Theme.text
                                }
                                ToolButton {
                                    text: qsTr("Dismiss")
                                    onClicked: clusterSession.clearNotice()
                                }
                            }
                            // Good news fades after a while; a refusal stays until dismissed or replaced.
                            Timer {
                                id: noticeTimer
                                interval: 10000
                                onTriggered: clusterSession.clearNotice()
                            }
                            Connections {
                                target: clusterSession
                                function onNoticeChanged() {
                                    if (clusterSession.notice !== "" && !clusterSession.noticeIsError)
                                        noticeTimer.restart()
                                    else
                                        noticeTimer.stop()
                                }
                            }
                        }
                    }
                }
                SplitView {
                    SplitView.preferredWidth: 380
                    SplitView.minimumWidth: 260
                    orientation: Qt.Vertical
                    ServicesPanel {
                        id: servicesPanel
                        SplitView.preferredHeight: 330
                        session: clusterSession
                    }
                    Inspector {
                        SplitView.fillHeight: true
                        session: clusterSession
                    }
                }
            }
            EventLog {
                SplitView.preferredHeight: 210
                SplitView.minimumHeight: 80
                session: clusterSession
            }
        }
    }

    // Lines from the selected Service to its pods, over the canvas and the panel.
    ServiceLinks {
        objectName: "serviceLinks"
        anchors.fill: parent
        z: 50
        session: clusterSession
        canvas: canvas
        panel: servicesPanel
    }
}
