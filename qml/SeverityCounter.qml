// SPDX-License-Identifier: MIT
import QtQuick

// One header counter: how many unacknowledged alerts of one severity are retained.
Rectangle {
    id: counter
    required property int severity
    required property int value

    implicitWidth: row.implicitWidth + 16
    implicitHeight: 30
    radius: 4
    color: value > 0 ? Theme.severityColors[severity] : Theme.surfaceRaised
    border.color: Theme.severityColors[severity]
    border.width: 1
    Accessible.role: Accessible.StaticText
    Accessible.name: Theme.severityShortNames[severity] + " " + value

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 6
        Text {
            text: Theme.severityGlyphs[counter.severity] + " " + Theme.severityShortNames[counter.severity]
            color: counter.value > 0 ? Theme.severityTextColors[counter.severity] : Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
            font.bold: true
        }
        Text {
            text: counter.value
            color: counter.value > 0 ? Theme.severityTextColors[counter.severity] : Theme.secondaryText
            font.pixelSize: Theme.baseFontSize + 2
            font.bold: true
            font.family: Theme.monoFamily
        }
    }
}
