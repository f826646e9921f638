// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Nocdash.Models

// One alert. Acknowledgement state is part of the row: pending is a static mark, acknowledged rows
// are dimmed with who and when, failed ones are outlined with the reason on hover.
Rectangle {
    id: row
    required property int index
    required property string key
    required property int severity
    required property int kind // AlertKind
    required property string alertId
    required property string client
    required property string alertType
    required property string message
    required property string location
    required property date occurredAt
    required property int ackState
    required property string ackReason
    required property string ackBy
    required property date ackAt
    required property int status // AlertStatus: the server's record (Unknown: none read yet)
    required property int actionState // ActionState: a resolve/assign/escalate under way, or refused
    required property string actionNote // the same in words
    required property string assignedTo
    required property int repeats // the server folded this many repeats into the record
    required property date lastSeen // the record's last occurrence; invalid until a record is read
    required property bool selected
    // The shared clock of every "3 min ago" (it ticks every 10 s): no timer of the row's own.
    property date now: new Date()
    property bool current: false
    property bool compact: false // wall: fewer columns, larger type
    property bool narrow: false // desktop list beside the details pane: no site column, the message keeps room
    property int fontSize: Theme.baseFontSize
    property bool flashes: true

    signal clicked(int row, int modifiers)
    signal doubleClicked(int row)
    signal contextMenuRequested(int row, real x, real y)

    readonly property bool acknowledged: ackState === AlertModel.Acknowledged
    readonly property bool failed: ackState === AlertModel.Failed
    readonly property bool hasAction: actionState !== ActionState.None
    // Per column, in px before scaling (-1: takes the rest): severity, time, client, type, message, site,
    // state, repeats. `var`: a JS array; Qt 6.4 has no list<int>.
    readonly property var columnWidths: compact ? [150, 110, 0, 0, -1, 0, 0, 0]
                                      : narrow ? [84, 70, 80, 150, -1, 0, 120, 120]
                                      : [84, 70, 80, 190, -1, 130, 150, 140]
    // "×38 · last 20 s ago"; empty without repeats.
    readonly property string repeatsText: {
        if (repeats <= 0)
            return "";
        if (isNaN(lastSeen.getTime()))
            return qsTr("×%1").arg(repeats);
        if (now.getTime() - lastSeen.getTime() < 10000)
            return qsTr("×%1 · just now").arg(repeats);
        return qsTr("×%1 · last %2").arg(repeats).arg(Theme.ago(lastSeen, now));
    }

    // Acknowledged by someone else, in another tool: the server's record says what became of it.
    function handledElsewhere(status: int): string {
        switch (status) {
        case AlertStatus.Assigned:
            return row.assignedTo.length > 0 ? qsTr("✓ assigned to %1").arg(row.assignedTo) : qsTr("✓ assigned");
        case AlertStatus.Escalated: return qsTr("⇧ escalated");
        case AlertStatus.Resolved: return qsTr("✓ resolved");
        case AlertStatus.Suppressed: return qsTr("suppressed");
        }
        return qsTr("✓ ack'd");
    }

    implicitHeight: Theme.rowHeight
    color: selected ? Theme.selection : (index % 2 === 0 ? Theme.surface : Theme.background)
    border.width: failed ? 2 : (current ? 1 : 0)
    border.color: failed ? Theme.lost : Theme.accent
    Accessible.role: Accessible.ListItem
    Accessible.name: [Theme.severityNames[severity], client, alertType, message]
                     .concat(repeats > 0 ? [repeats === 1 ? qsTr("repeated once") : qsTr("repeated %1 times").arg(repeats)] : [])
                     .concat([stateText.text]).join(", ")
    Accessible.selected: selected

    // One short highlight for a new urgent row: on, and off again after 400 ms. Two frames, not a
    // fade: a fade is a frame every 16 ms, and in a stream of urgent rows that never stops.
    Rectangle {
        id: flash
        anchors.fill: parent
        color: Theme.severityColors[row.severity] ?? "transparent"
        opacity: 0.35
        visible: flashTimer.running
    }
    Timer {
        id: flashTimer
        interval: 400
    }
    ListView.onAdd: if (row.flashes && row.severity >= Severity.High && !row.acknowledged) flashTimer.restart()

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8 * Theme.scale
        anchors.rightMargin: 8 * Theme.scale
        spacing: 12 * Theme.scale
        opacity: row.acknowledged ? 0.55 : 1.0

        SeverityBadge {
            severity: row.severity
            fontSize: row.fontSize - 1
            Layout.preferredWidth: row.columnWidths[0] * Theme.scale
        }
        Text {
            text: Qt.formatTime(row.occurredAt, "hh:mm:ss")
            color: Theme.secondaryText
            font.family: Theme.monoFamily
            font.pixelSize: row.fontSize
            Layout.preferredWidth: row.columnWidths[1] * Theme.scale
        }
        Text {
            visible: !row.compact
            text: row.client || "—"
            color: Theme.text
            font.pixelSize: row.fontSize
            elide: Text.ElideRight
            Layout.preferredWidth: row.columnWidths[2] * Theme.scale
        }
        Text {
            visible: !row.compact
            text: row.alertType
            color: Theme.text
            font.pixelSize: row.fontSize
            font.family: Theme.monoFamily
            elide: Text.ElideRight
            Layout.preferredWidth: row.columnWidths[3] * Theme.scale
        }
        Text {
            text: row.compact ? [row.client, row.alertType, row.message, row.repeatsText].filter(s => s.length > 0).join(" · ") : row.message
            color: Theme.text
            font.pixelSize: row.fontSize
            font.bold: row.compact
            elide: Text.ElideRight
            Layout.fillWidth: true
        }
        Text {
            objectName: "repeats"
            visible: row.columnWidths[7] > 0
            text: row.repeatsText
            color: Theme.secondaryText
            font.pixelSize: row.fontSize
            elide: Text.ElideRight
            Layout.preferredWidth: row.columnWidths[7] * Theme.scale
        }
        Text {
            visible: row.columnWidths[5] > 0
            text: row.location
            color: Theme.secondaryText
            font.pixelSize: row.fontSize
            elide: Text.ElideRight
            Layout.preferredWidth: row.columnWidths[5] * Theme.scale
        }
        Text {
            id: stateText
            visible: !row.compact
            Layout.preferredWidth: row.columnWidths[6] * Theme.scale
            font.pixelSize: row.fontSize
            elide: Text.ElideRight
            // A refusal reads as a failure, a pending action as a warning: never one for the other.
            color: row.failed || row.actionState === ActionState.Refused ? Theme.lost
                 : row.actionState === ActionState.Pending ? Theme.warningText : Theme.secondaryText
            font.bold: row.failed || row.hasAction
            text: {
                if (row.hasAction)
                    return row.actionNote;
                switch (row.ackState) {
                case AlertModel.Acknowledging:
                    return qsTr("◔ pending");
                case AlertModel.Acknowledged:
                    // What happened after the acknowledgement (assigned, escalated) says more than it.
                    if (row.ackBy && row.status <= AlertStatus.Acknowledged)
                        return qsTr("✓ %1 %2").arg(row.ackBy).arg(Qt.formatTime(row.ackAt, "hh:mm"));
                    return row.handledElsewhere(row.status);
                case AlertModel.Failed:
                    return qsTr("✗ failed");
                default:
                    return qsTr("new");
                }
            }
            ToolTipArea {
                text: row.hasAction ? row.actionNote : row.failed ? row.ackReason
                    : row.assignedTo.length > 0 ? qsTr("Assigned to %1").arg(row.assignedTo) : ""
            }
        }
    }

    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton | Qt.RightButton
        onClicked: mouse => {
            if (mouse.button === Qt.RightButton)
                row.contextMenuRequested(row.index, mouse.x, mouse.y);
            else
                row.clicked(row.index, mouse.modifiers);
        }
        onDoubleClicked: row.doubleClicked(row.index)
    }
}
