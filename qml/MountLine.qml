import QtQuick
import Podscape

// A straight line from (x1, y1) to (x2, y2): a container mounting a volume.
Rectangle {
    property real x1
    property real y1
    property real x2
    property real y2

    x: x1
    y: y1 - height / 2
    width: Math.hypot(x2 - x1, y2 - y1)
    height: 1.5
    transformOrigin: Item.Left
    rotation: Math.atan2(y2 - y1, x2 - x1) * 180 / Math.PI
    antialiasing: true
}
