// SPDX-License-Identifier: MIT
pragma Singleton
import QtQuick

// Colours from the design notes. Severity colours carry dark or light text for contrast; severity is
// never shown by colour alone (every badge also has a glyph and a word).
QtObject {
    property bool dark: true

    readonly property color background: dark ? "#121417" : "#FAFAFA"
    readonly property color surface: dark ? "#1C1F24" : "#FFFFFF"
    readonly property color surfaceRaised: dark ? "#252a31" : "#F0F1F3"
    readonly property color divider: dark ? "#2c3138" : "#E0E0E0"
    readonly property color text: dark ? "#E6E6E6" : "#1A1A1A"
    readonly property color secondaryText: dark ? "#9AA0A6" : "#5F6368"
    readonly property color live: "#2E7D32"
    readonly property color warning: "#F9A825"
    readonly property color lost: "#D32F2F"

    // Indexed by noc::Severity: Unknown, Info, Low, Medium, High, Critical.
    readonly property var severityColors: ["#607D8B", "#78909C", "#1E88E5", "#F9A825", "#EF6C00", "#D32F2F"]
    readonly property var severityTextColors: ["#FFFFFF", "#FFFFFF", "#FFFFFF", "#1A1A1A", "#1A1A1A", "#FFFFFF"]
    readonly property var severityGlyphs: ["?", "i", "▼", "▲", "!", "‼"]
    readonly property var severityShortNames: [qsTr("UNK"), qsTr("INFO"), qsTr("LOW"), qsTr("MED"), qsTr("HIGH"), qsTr("CRIT")]

    readonly property int baseFontSize: 13
    readonly property string monoFamily: "DejaVu Sans Mono"
}
