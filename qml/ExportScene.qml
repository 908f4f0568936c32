import QtQuick
import Podscape
import QtQuick.Controls
import Podscape.Cluster

// The picture `podscape export` and the GUI's Export PNG write: a title, a legend of the colours,
// the whole ClusterDiagram at full detail and the Services with their endpoints beside it. It
// sizes itself to all of that; DiagramExporter renders it offscreen in an engine of its own, so
// its theme is not the window's.
Pane {
    id: scene
    required property ClusterSession session
    // The file names, and what is shown at which virtual time (from DiagramExporter).
    property string title
    property string subtitle
    property bool dark: false

    readonly property int margin: 32
    readonly property int gap: 40
    readonly property rect bounds: session.bounds

    padding: 0
    width: Math.ceil(Math.max(body.width, legend.width, 640) + 2 * margin)
    height: Math.ceil(body.y + body.height + margin)

    // This engine's Theme, not the window's.
    Binding { target: Theme; property: "dark"; value: scene.dark }

    palette.window: Theme.canvas
    palette.windowText: Theme.text
    palette.base: Theme.panel
    palette.text: Theme.text
    palette.mid: Theme.border
    palette.dark: Theme.mutedText

    background: Rectangle { color: Theme.canvas }

    Column {
        id: header
        x: scene.margin
        y: scene.margin
        width: scene.width - 2 * scene.margin
        spacing: 6

        Label {
            objectName: "title"
            width: parent.width
            text: scene.title
            wrapMode: Text.Wrap
            font.pixelSize: 24
            font.bold: true
            color: Theme.text
        }
        Label {
            objectName: "subtitle"
            width: parent.width
            text: scene.subtitle
            wrapMode: Text.Wrap
            font.pixelSize: Theme.titleFont
            color: Theme.mutedText
        }
        Item { width: 1; height: 4 }
        ExportLegend {
            id: legend
        }
    }

    Row {
        id: body
        x: scene.margin
        y: header.y + header.height + 24
        spacing: scene.gap

        // The diagram in layout coordinates: the queue may sit left of x = 0.
        Item {
            objectName: "diagramArea"
            width: scene.bounds.width
            height: scene.bounds.height
            ClusterDiagram {
                x: -scene.bounds.x
                y: -scene.bounds.y
                session: scene.session
                animated: false
                decorated: false
            }
        }

        Column {
            id: services
            spacing: 10
            Label {
                text: qsTr("Services")
                font.pixelSize: Theme.titleFont + 2
                font.bold: true
                color: Theme.text
            }
            Label {
                visible: serviceCards.count === 0
                text: qsTr("No Service in the loaded manifests.")
                color: Theme.mutedText
            }
            // Cards in columns as tall as the diagram, so many Services do not make a tall strip.
            Flow {
                flow: Flow.TopToBottom
                spacing: 10
                height: Math.max(scene.bounds.height - 40, 300)
                Repeater {
                    id: serviceCards
                    model: scene.session.services
                    delegate: ServiceCard {
                        width: 340
                    }
                }
            }
        }
    }
}
