// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Models

// Colour + glyph + word: readable by colour-blind operators and on a washed-out wall screen.
Rectangle {
    id: badge
    required property int severity
    property int fontSize: Theme.baseFontSize - 1

    implicitWidth: label.implicitWidth + 12 * Theme.scale
    implicitHeight: label.implicitHeight + 4 * Theme.scale
    radius: 3
    color: Theme.severityColors[severity] ?? Theme.severityColors[Severity.Unknown]
    Accessible.role: Accessible.StaticText
    Accessible.name: Theme.severityNames[badge.severity] ?? ""

    Text {
        id: label
        anchors.centerIn: parent
        text: (Theme.severityGlyphs[badge.severity] ?? "?") + " " + (Theme.severityShortNames[badge.severity] ?? "")
        color: Theme.severityTextColors[badge.severity] ?? "white"
        font.pixelSize: badge.fontSize
        font.bold: true
    }
}
