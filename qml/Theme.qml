pragma Singleton
import QtQuick

// Colours and sizes every view takes from one place, for the light theme and the dark one.
QtObject {
    property bool dark: false

    readonly property color window: dark ? "#1d2026" : "#eef0f3"
    readonly property color canvas: dark ? "#23272e" : "#f7f8fa"
    readonly property color panel: dark ? "#262a31" : "#ffffff"
    readonly property color nodeCard: dark ? "#2c313a" : "#ffffff"
    readonly property color nodeHeader: dark ? "#323844" : "#f1f4f8"
    readonly property color podCard: dark ? "#343a45" : "#fbfcfd"
    readonly property color queue: dark ? "#2e2a22" : "#fff8eb"
    readonly property color border: dark ? "#4a5160" : "#c9ced6"
    readonly property color text: dark ? "#e6e8eb" : "#1f2329"
    readonly property color mutedText: dark ? "#a0a7b3" : "#5f6773"
    readonly property color accent: "#326ce5"  // the Kubernetes blue
    readonly property color selection: "#326ce5"
    readonly property color errorBackground: dark ? "#4a2326" : "#fdecec"

    // Pod STATUS colours as users know them.
    readonly property color running: "#2e9e44"
    readonly property color pending: "#e0a000"
    readonly property color failed: "#d64545"
    readonly property color terminating: "#8a8f98"
    readonly property color succeeded: "#5b7fb8"

    readonly property color initContainer: "#8e6cc9"
    readonly property color sidecarContainer: "#1f9b9b"
    readonly property color appContainer: "#326ce5"

    readonly property int smallFont: 10
    readonly property int bodyFont: 12
    readonly property int titleFont: 14

    function statusColor(category) {
        switch (category) {
        case "running": return running
        case "failed": return failed
        case "terminating": return terminating
        case "succeeded": return succeeded
        default: return pending
        }
    }

    function containerColor(kind) {
        return kind === "init" ? initContainer : kind === "sidecar" ? sidecarContainer : appContainer
    }

    function containerStateColor(state, ready) {
        if (state === "running")
            return ready ? running : pending
        return state === "terminated" ? terminating : pending
    }

    function volumeColor(type) {
        switch (type) {
        case "emptyDir": return "#d9822b"
        case "configMap": return "#3f9c6b"
        case "secret": return "#c0504d"
        case "persistentVolumeClaim": return "#7d5bbe"
        case "hostPath": return "#8a6d3b"
        default: return "#6b7280"
        }
    }
}
