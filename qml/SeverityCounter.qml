// SPDX-License-Identifier: MIT
import QtQuick

// One header counter: how many unacknowledged alerts of one severity are retained. Clicking it
// toggles that severity in the filter.
Rectangle {
    id: counter
    objectName: "severityCounter"
    required property int severity
    required property int value
    property bool checked: false
    property int fontSize: Theme.baseFontSize
    signal clicked()

    implicitWidth: row.implicitWidth + 16 * Theme.scale
    implicitHeight: Math.max(30 * Theme.scale, row.implicitHeight + 8 * Theme.scale)
    radius: 4
    color: value > 0 ? Theme.severityColors[severity] : Theme.surfaceRaised
    border.color: checked ? Theme.text : Theme.severityColors[severity]
    border.width: checked ? 2 : 1
    Accessible.role: Accessible.Button
    Accessible.name: qsTr("%1: %2 unacknowledged").arg(Theme.severityNames[severity]).arg(value)
    Accessible.onPressAction: counter.clicked()

    Row {
        id: row
        anchors.centerIn: parent
        spacing: 6 * Theme.scale
        // Squeezed narrower than its text (a wall's five equal tiles, long German words): shrink to fit
        // rather than spill into the neighbour.
        scale: Math.min(1, (counter.width - 12 * Theme.scale) / Math.max(1, implicitWidth))
        Text {
            text: Theme.severityGlyphs[counter.severity] + " " + Theme.severityShortNames[counter.severity]
            color: counter.value > 0 ? Theme.severityTextColors[counter.severity] : Theme.secondaryText
            font.pixelSize: counter.fontSize
            font.bold: true
            anchors.verticalCenter: parent.verticalCenter
        }
        Text {
            text: counter.value
            color: counter.value > 0 ? Theme.severityTextColors[counter.severity] : Theme.secondaryText
            font.pixelSize: Math.round(counter.fontSize * 1.15)
            font.bold: true
            font.family: Theme.monoFamily
            anchors.verticalCenter: parent.verticalCenter
        }
    }
    MouseArea {
        anchors.fill: parent
        cursorShape: Qt.PointingHandCursor
        onClicked: counter.clicked()
    }
}
