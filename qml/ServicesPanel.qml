import QtQuick
import Podscape
import QtQuick.Controls
import QtQuick.Layouts
import Podscape.Cluster

// Every Service with its type, ClusterIP, ports, selector, DNS name and endpoint list.
Pane {
    id: panel
    required property ClusterSession session
    padding: 0

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Label {
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.bottomMargin: 0
            text: qsTr("Services")
            font.pixelSize: Theme.titleFont
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            Layout.margins: 10
            Layout.topMargin: 2
            text: qsTr("Click a Service to light up the pods behind it.")
            font.pixelSize: Theme.smallFont
            color: Theme.mutedText
            wrapMode: Text.Wrap
        }
        Label {
            visible: list.count === 0
            Layout.margins: 10
            text: qsTr("No Service in the loaded manifests.")
            color: Theme.mutedText
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: panel.session.services
            ScrollBar.vertical: ScrollBar {}
            delegate: serviceDelegate
        }
    }

    // The card of the Service `key` while it is in view, or null.
    function cardOf(key) {
        for (let i = 0; i < list.count; ++i) {
            let card = list.itemAtIndex(i)
            if (card && card.key === key)
                return card
        }
        return null
    }

    // The list scrolled or its cards moved: what is drawn from them follows.
    signal cardsMoved()
    Connections {
        target: list
        function onContentYChanged() { panel.cardsMoved() }
        function onHeightChanged() { panel.cardsMoved() }
    }

    Component {
        id: serviceDelegate
        ServiceCard {
            width: ListView.view.width - 16
            x: 8
            selected: panel.session.selectedService === key
            // Click to light up the pods behind the endpoints; click again to stop.
            onTapped: panel.session.selectedService = selected ? "" : key
        }
    }
}
