// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick

// Colours from the design notes. Severity colours carry dark or light text for contrast; severity is
// never shown by colour alone (every badge also has a glyph and a word). `scale` covers 100-200 %
// and the wall screen's larger type.
QtObject {
    property bool dark: true
    property real scale: 1.0
    property bool wall: false

    readonly property color background: dark ? (wall ? "#0B0C0E" : "#121417") : "#FAFAFA"
    readonly property color surface: dark ? "#1C1F24" : "#FFFFFF"
    readonly property color surfaceRaised: dark ? "#252a31" : "#F0F1F3"
    readonly property color divider: dark ? "#2c3138" : "#E0E0E0"
    readonly property color text: dark ? (wall ? "#FFFFFF" : "#E6E6E6") : "#1A1A1A"
    readonly property color secondaryText: dark ? (wall ? "#B8BEC4" : "#9AA0A6") : "#5F6368"
    readonly property color accent: dark ? "#64B5F6" : "#1565C0"
    readonly property color selection: dark ? "#2A3F5A" : "#D6E6FA"
    readonly property color live: "#2E7D32"
    readonly property color warning: "#F9A825"
    // Amber as text: #F9A825 on white is 1.9:1, unreadable; this one is about 5.9:1 on white.
    readonly property color warningText: dark ? "#F9A825" : "#8A5A00"
    readonly property color lost: "#D32F2F"

    // Indexed by noc::Severity: Unknown, Info, Low, Medium, High, Critical.
    readonly property var severityColors: ["#607D8B", "#78909C", "#1E88E5", "#F9A825", "#EF6C00", "#D32F2F"]
    readonly property var severityTextColors: ["#FFFFFF", "#FFFFFF", "#FFFFFF", "#1A1A1A", "#1A1A1A", "#FFFFFF"]
    readonly property var severityGlyphs: ["?", "i", "▼", "▲", "!", "‼"]
    readonly property var severityShortNames: [qsTr("UNK"), qsTr("INFO"), qsTr("LOW"), qsTr("MED"), qsTr("HIGH"), qsTr("CRIT")]
    readonly property var severityNames: [qsTr("Unknown"), qsTr("Info"), qsTr("Low"), qsTr("Medium"), qsTr("High"), qsTr("Critical")]

    function kindName(kind) {
        switch (kind) {
        case "alert": return qsTr("Alert");
        case "critical": return qsTr("Critical alert");
        case "finding": return qsTr("Finding");
        case "anomaly": return qsTr("Anomaly");
        case "ticket": return qsTr("Ticket");
        case "event": return qsTr("Event of an unknown kind");
        }
        return kind;
    }

    function ackStateName(state) {
        return [qsTr("new"), qsTr("pending"), qsTr("acknowledged"), qsTr("failed")][state] ?? "";
    }

    // "3 min ago"; callers pass a `now` that ticks at most every 10 s.
    // A span of time as an operator reads it: "8 s", "2 min 27 s", "1 h 5 min".
    function span(milliseconds) {
        const seconds = Math.max(0, Math.round(milliseconds / 1000));
        if (seconds < 60)
            return qsTr("%1 s").arg(seconds);
        if (seconds < 3600)
            return qsTr("%1 min %2 s").arg(Math.floor(seconds / 60)).arg(seconds % 60);
        return qsTr("%1 h %2 min").arg(Math.floor(seconds / 3600)).arg(Math.floor((seconds % 3600) / 60));
    }

    function ago(when, now) {
        if (!when || isNaN(when.getTime()))
            return "—";
        const seconds = Math.max(0, Math.round((now.getTime() - when.getTime()) / 1000));
        if (seconds < 10)
            return qsTr("just now");
        // Tens of seconds: a label that changed every second would repaint every second, and the
        // exact second tells the operator nothing here.
        if (seconds < 60)
            return qsTr("%1 s ago").arg(Math.floor(seconds / 10) * 10);
        if (seconds < 3600)
            return qsTr("%1 min ago").arg(Math.floor(seconds / 60));
        if (seconds < 86400)
            return qsTr("%1 h ago").arg(Math.floor(seconds / 3600));
        return qsTr("%1 d ago").arg(Math.floor(seconds / 86400));
    }

    readonly property int baseFontSize: Math.round(13 * scale)
    readonly property int smallFontSize: Math.round(11 * scale)
    readonly property int titleFontSize: Math.round(18 * scale)
    readonly property int unit: Math.round(8 * scale)
    readonly property int rowHeight: Math.round(30 * scale)
    readonly property string monoFamily: "DejaVu Sans Mono"
}
