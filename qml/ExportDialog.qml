import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Podscape.Cluster

// Export PNG (Ctrl+E): the scale and the theme, then the platform's save dialog. The picture is
// the whole cluster as it is now, without selection, hover or drag, with the Services and a
// legend (DiagramExporter).
Dialog {
    id: dialog
    required property ClusterSession session
    property int pictureScale: 1
    property bool darkPicture: Theme.dark
    property bool busy: false

    title: qsTr("Export PNG")
    modal: true
    anchors.centerIn: Overlay.overlay
    standardButtons: Dialog.Cancel

    onAboutToShow: {
        darkPicture = Theme.dark
        errorLabel.text = ""
    }

    DiagramExporter {
        id: exporter
    }

    // One frame for "Exporting…" to show before the window waits for the picture.
    Timer {
        id: exportLater
        property string path
        interval: 50
        onTriggered: {
            if (exporter.exportPng(dialog.session, path, dialog.pictureScale, dialog.darkPicture)) {
                dialog.close()
            } else {
                errorLabel.text = exporter.errorString
            }
            dialog.busy = false
        }
    }

    FileDialog {
        id: saveDialog
        title: qsTr("Export PNG")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "png"
        nameFilters: [qsTr("PNG images (*.png)")]
        onAccepted: {
            dialog.busy = true
            exportLater.path = String(selectedFile)
            exportLater.start()
        }
    }

    ColumnLayout {
        spacing: 10

        Label {
            text: qsTr("The whole cluster at t = %1 s, with its Services and a legend.")
                  .arg(dialog.session.virtualTime.toFixed(1))
        }
        RowLayout {
            Label { text: qsTr("Scale"); Layout.preferredWidth: 60 }
            Repeater {
                model: [1, 2, 4]
                delegate: RadioButton {
                    required property int modelData
                    objectName: "scale" + modelData
                    text: qsTr("%1×").arg(modelData)
                    checked: dialog.pictureScale === modelData
                    onClicked: dialog.pictureScale = modelData
                }
            }
        }
        RowLayout {
            Label { text: qsTr("Theme"); Layout.preferredWidth: 60 }
            RadioButton {
                objectName: "themeLight"
                text: qsTr("Light")
                checked: !dialog.darkPicture
                onClicked: dialog.darkPicture = false
            }
            RadioButton {
                objectName: "themeDark"
                text: qsTr("Dark")
                checked: dialog.darkPicture
                onClicked: dialog.darkPicture = true
            }
        }
        Label {
            id: errorLabel
            objectName: "exportError"
            Layout.fillWidth: true
            Layout.maximumWidth: 460
            visible: text !== ""
            wrapMode: Text.Wrap
            color: Theme.failed
        }
        Button {
            objectName: "chooseFile"
            Layout.alignment: Qt.AlignRight
            text: dialog.busy ? qsTr("Exporting…") : qsTr("Save as…")
            enabled: !dialog.busy
            highlighted: true
            onClicked: saveDialog.open()
        }
    }
}
