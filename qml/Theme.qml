// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick
import Nocdash.Models

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

    // Looked up by Severity (`Theme.severityColors[Severity.High]`): JS objects keyed by the enum's
    // names, so nothing here depends on the order of its values. `var`: QML has no typed map.
    readonly property var severityColors: ({
        [Severity.Unknown]: "#607D8B", [Severity.Info]: "#78909C", [Severity.Low]: "#1E88E5",
        [Severity.Medium]: "#F9A825", [Severity.High]: "#EF6C00", [Severity.Critical]: "#D32F2F"
    })
    readonly property var severityTextColors: ({
        [Severity.Unknown]: "#FFFFFF", [Severity.Info]: "#FFFFFF", [Severity.Low]: "#FFFFFF",
        [Severity.Medium]: "#1A1A1A", [Severity.High]: "#1A1A1A", [Severity.Critical]: "#FFFFFF"
    })
    readonly property var severityGlyphs: ({
        [Severity.Unknown]: "?", [Severity.Info]: "i", [Severity.Low]: "▼",
        [Severity.Medium]: "▲", [Severity.High]: "!", [Severity.Critical]: "‼"
    })
    readonly property var severityShortNames: ({
        [Severity.Unknown]: qsTr("UNK"), [Severity.Info]: qsTr("INFO"), [Severity.Low]: qsTr("LOW"),
        [Severity.Medium]: qsTr("MED"), [Severity.High]: qsTr("HIGH"), [Severity.Critical]: qsTr("CRIT")
    })
    readonly property var severityNames: ({
        [Severity.Unknown]: qsTr("Unknown"), [Severity.Info]: qsTr("Info"), [Severity.Low]: qsTr("Low"),
        [Severity.Medium]: qsTr("Medium"), [Severity.High]: qsTr("High"), [Severity.Critical]: qsTr("Critical")
    })
    // The counters and filter buttons, most urgent first. `var`: a list of enum values is a JS array
    // until Qt 6.5's list<int>.
    readonly property var severitiesMostUrgentFirst: [Severity.Critical, Severity.High, Severity.Medium,
                                                      Severity.Low, Severity.Info]

    function kindName(kind: int): string {
        switch (kind) {
        case AlertKind.Alert: return qsTr("Alert");
        case AlertKind.CriticalAlert: return qsTr("Critical alert");
        case AlertKind.Finding: return qsTr("Finding");
        case AlertKind.Anomaly: return qsTr("Anomaly");
        case AlertKind.Ticket: return qsTr("Ticket");
        case AlertKind.Other: return qsTr("Event of an unknown kind");
        }
        return "";
    }

    function ackStateName(state: int): string {
        switch (state) {
        case AlertModel.New: return qsTr("new");
        case AlertModel.Acknowledging: return qsTr("pending");
        case AlertModel.Acknowledged: return qsTr("acknowledged");
        case AlertModel.Failed: return qsTr("failed");
        }
        return "";
    }

    // "3 min ago"; callers pass a `now` that ticks at most every 10 s.
    // A span of time as an operator reads it: "8 s", "2 min 27 s", "1 h 5 min".
    function span(milliseconds: real): string {
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
