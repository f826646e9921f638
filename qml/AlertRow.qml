// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts

// One alert. Acknowledgement state is part of the row: pending is a static mark, acknowledged rows
// are dimmed, failed ones are outlined with the reason on hover.
Rectangle {
    id: row
    required property int index
    required property int severity
    required property string kind
    required property string alertId
    required property string client
    required property string alertType
    required property string message
    required property string location
    required property date occurredAt
    required property int ackState
    required property string ackReason

    signal acknowledgeRequested(int row)

    readonly property bool acknowledged: ackState === 2
    implicitHeight: 30
    color: index % 2 === 0 ? Theme.surface : Theme.background
    opacity: acknowledged ? 0.55 : 1.0
    border.width: ackState === 3 ? 1 : 0
    border.color: Theme.lost
    Accessible.role: Accessible.ListItem
    Accessible.name: badge.Accessible.name + ", " + client + ", " + alertType + ", " + message

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 12

        SeverityBadge {
            id: badge
            severity: row.severity
            Layout.preferredWidth: 84
        }
        Text {
            text: Qt.formatTime(row.occurredAt, "hh:mm:ss")
            color: Theme.secondaryText
            font.family: Theme.monoFamily
            font.pixelSize: Theme.baseFontSize
            Layout.preferredWidth: 70
        }
        Text {
            text: row.client || "—"
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            elide: Text.ElideRight
            Layout.preferredWidth: 80
        }
        Text {
            text: row.alertType
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            font.family: Theme.monoFamily
            elide: Text.ElideRight
            Layout.preferredWidth: 190
        }
        Text {
            text: row.message
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Text {
            text: row.location
            color: Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
            elide: Text.ElideRight
            Layout.preferredWidth: 130
        }
        Text {
            Layout.preferredWidth: 90
            font.pixelSize: Theme.baseFontSize
            color: row.ackState === 3 ? Theme.lost : Theme.secondaryText
            text: [qsTr("new"), qsTr("◔ pending"), qsTr("✓ ack'd"), qsTr("✗ failed")][row.ackState] ?? ""
            ToolTipArea {
                text: row.ackReason
            }
        }
    }
}
