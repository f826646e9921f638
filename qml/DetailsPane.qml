// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Every field of the current alert, its acknowledgement, who acted on its record and when (read from
// the server while it is shown), and the actions. Follows the alert by key, so it stays on the same
// alert while the list moves under it.
Rectangle {
    id: pane
    required property AlertModel alerts
    property NocClient client: null
    property string alertKey: ""
    property date now: new Date()
    // Resolve, assign and escalate need a session.
    property bool signedIn: client ? client.state !== NocClient.LoggedOut : false
    readonly property alias record: record
    signal acknowledgeClicked()
    // action: AlertActionKind
    signal actionClicked(int action)
    signal closeRequested()

    // Re-read only when this alert changed (acknowledged, updated): a storm of other alerts costs
    // nothing here. `var`: AlertModel.get() hands out a JS object of every role (empty when gone).
    property var alert: ({})
    readonly property bool hasAlert: alert.key !== undefined
    function reload() {
        pane.alert = pane.alerts && pane.alertKey.length > 0 ? pane.alerts.get(pane.alertKey) : ({});
    }
    onAlertKeyChanged: reload()
    Connections {
        target: pane.alerts
        function onDataChanged(topLeft, bottomRight) {
            const row = pane.alerts.rowOfKey(pane.alertKey);
            if (row >= topLeft.row && row <= bottomRight.row)
                pane.reload();
        }
        function onModelReset() { pane.reload(); }
    }

    readonly property bool hasRecord: pane.alert.hasRecord ?? false
    // Why resolve, assign and escalate are not offered (AlertModel.ActionBlocker): the model decides.
    readonly property int actionBlocker: pane.alerts.actionBlocker(pane.hasAlert ? [pane.alert.key] : [], pane.signedIn)

    // "2026-11-21 12:03:41 · 3 min ago", or a dash for a time not known (a record not read yet).
    function when(at): string {
        return at && !isNaN(at.getTime()) ? Qt.formatDateTime(at, "yyyy-MM-dd hh:mm:ss") + " · " + Theme.ago(at, pane.now) : "—";
    }

    function stamp(who: string, at: date): string {
        if (who.length === 0)
            return "";
        return isNaN(at.getTime()) ? who : qsTr("%1 at %2").arg(who).arg(Qt.formatDateTime(at, "yyyy-MM-dd hh:mm:ss"));
    }

    // Read only for the alert shown, once a minute at most, never while the server refuses its records.
    AlertRecordView {
        id: record
        client: pane.client
        alerts: pane.alerts
        alertId: pane.visible && pane.hasRecord ? (pane.alert.alertId ?? "") : ""
    }

    color: Theme.surface
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Alert details")

    Text {
        anchors.centerIn: parent
        visible: !pane.hasAlert
        width: parent.width - 32
        wrapMode: Text.Wrap
        horizontalAlignment: Text.AlignHCenter
        text: qsTr("This alert is no longer in the list.")
        color: Theme.secondaryText
        font.pixelSize: Theme.baseFontSize
    }

    ScrollView {
        anchors.fill: parent
        anchors.margins: 12 * Theme.scale
        visible: pane.hasAlert
        contentWidth: availableWidth

        ColumnLayout {
            width: parent.width
            spacing: 8 * Theme.scale

            RowLayout {
                spacing: 8 * Theme.scale
                Layout.fillWidth: true
                SeverityBadge {
                    severity: pane.alert.severity ?? Severity.Unknown
                    fontSize: Theme.baseFontSize + 1
                }
                Text {
                    text: Theme.kindName(pane.alert.kind ?? -1)
                    color: Theme.secondaryText
                    font.pixelSize: Theme.baseFontSize
                    Layout.fillWidth: true
                }
                ToolButton {
                    objectName: "closeDetails"
                    text: "✕"
                    font.pixelSize: Theme.baseFontSize
                    palette.buttonText: Theme.text
                    Accessible.name: qsTr("Close details (Esc)")
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Close details (Esc)")
                    onClicked: pane.closeRequested()
                }
            }
            Text {
                Layout.fillWidth: true
                text: pane.alert.message ?? ""
                wrapMode: Text.Wrap
                color: Theme.text
                font.pixelSize: Theme.baseFontSize + 3
                font.bold: true
                textFormat: Text.PlainText
            }

            GridLayout {
                columns: 2
                columnSpacing: 12 * Theme.scale
                rowSpacing: 4 * Theme.scale
                Layout.fillWidth: true

                Repeater {
                    model: [
                        { label: qsTr("Severity"), value: Theme.severityNames[pane.alert.severity ?? Severity.Unknown] + " (" + (pane.alert.severityName ?? "") + ")" },
                        { label: qsTr("Kind"), value: Theme.kindName(pane.alert.kind ?? -1) },
                        { label: qsTr("ID"), value: pane.alert.alertId ?? "" },
                        { label: qsTr("Client"), value: pane.alert.client || "—" },
                        { label: qsTr("Type"), value: pane.alert.alertType ?? "" },
                        { label: qsTr("Site"), value: pane.alert.location || "—" },
                        { label: qsTr("Details"), value: pane.alert.detail || "—" },
                        { label: qsTr("First seen"), value: pane.when(pane.alert.occurredAt) },
                        { label: qsTr("Last seen"), value: pane.when(pane.alert.lastSeen) },
                        { label: qsTr("Repeats"), value: (pane.alert.repeats ?? 0) > 0 ? String(pane.alert.repeats) : "—" },
                        { label: qsTr("Received"), value: pane.alert.receivedAt ? Qt.formatDateTime(pane.alert.receivedAt, "yyyy-MM-dd hh:mm:ss") : "—" },
                        { label: qsTr("State"), value: Theme.ackStateName(pane.alert.ackState ?? AlertModel.New) },
                        { label: qsTr("Status"), value: (pane.alert.statusName || qsTr("not read from the server"))
                                                        + (pane.alert.assignedTo ? " · " + qsTr("assigned to %1").arg(pane.alert.assignedTo) : "") },
                        { label: qsTr("Acknowledged by"), value: pane.alert.ackBy || "—" },
                        { label: qsTr("Acknowledged at"), value: pane.alert.ackBy ? Qt.formatDateTime(pane.alert.ackAt, "yyyy-MM-dd hh:mm:ss") : "—" },
                        { label: qsTr("Failure"), value: pane.alert.ackReason || "—" }
                    ]
                    delegate: RowLayout {
                        required property var modelData // { label, value }: a JS object of the list above
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        spacing: 12 * Theme.scale
                        Text {
                            text: parent.modelData.label
                            color: Theme.secondaryText
                            font.pixelSize: Theme.smallFontSize
                            Layout.preferredWidth: 120 * Theme.scale
                            Layout.alignment: Qt.AlignTop
                        }
                        TextEdit {
                            // Selectable so an operator can paste an id or a message into a ticket.
                            text: parent.modelData.value
                            readOnly: true
                            selectByMouse: true
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.baseFontSize
                            Layout.fillWidth: true
                            textFormat: TextEdit.PlainText
                        }
                    }
                }
            }

            Text {
                objectName: "actionNote"
                readonly property int actionState: pane.alert.actionState ?? ActionState.None
                visible: actionState !== ActionState.None
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: pane.alert.actionNote ?? ""
                color: actionState === ActionState.Refused ? Theme.lost : Theme.warningText
                font.bold: true
                font.pixelSize: Theme.baseFontSize
            }

            Text {
                visible: pane.hasRecord
                text: qsTr("On the server")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
                font.bold: true
            }
            Text {
                objectName: "recordNote"
                visible: pane.hasRecord && text.length > 0
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: record.state === AlertRecordView.Unavailable || record.state === AlertRecordView.Failed
                       ? Theme.warningText : Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
                text: {
                    switch (record.state) {
                    case AlertRecordView.Unavailable:
                        return qsTr("Who/when unavailable: the server refuses its alert records (%1).").arg(record.reason);
                    case AlertRecordView.Failed:
                        return qsTr("Who/when could not be read: %1").arg(record.reason);
                    case AlertRecordView.Loading:
                        return qsTr("Reading who acted on it and when…");
                    case AlertRecordView.Loaded:
                        if (!record.acknowledgedBy && !record.assignedTo && !record.escalatedTo && !record.resolvedBy)
                            return qsTr("Nobody has acted on it yet (read %1).").arg(Qt.formatTime(record.readAt, "hh:mm:ss"));
                        return qsTr("Read %1.").arg(Qt.formatTime(record.readAt, "hh:mm:ss"));
                    }
                    return "";
                }
            }
            GridLayout {
                objectName: "recordFields"
                // Only what is known. `var`: a JS array of { label, value } objects.
                readonly property var entries: [
                    { label: qsTr("Acknowledged by"), value: pane.stamp(record.acknowledgedBy, record.acknowledgedAt) },
                    { label: qsTr("Assigned to"), value: pane.stamp(record.assignedTo, record.assignedAt) },
                    { label: qsTr("Escalated to"), value: pane.stamp(record.escalatedTo, record.escalatedAt) },
                    { label: qsTr("Resolved by"), value: pane.stamp(record.resolvedBy, record.resolvedAt) },
                    { label: qsTr("Resolution notes"), value: record.resolutionNotes }
                ].filter(entry => entry.value.length > 0)
                visible: pane.hasRecord && record.state === AlertRecordView.Loaded && entries.length > 0
                columns: 2
                columnSpacing: 12 * Theme.scale
                rowSpacing: 4 * Theme.scale
                Layout.fillWidth: true
                Repeater {
                    model: parent.entries
                    delegate: RowLayout {
                        required property var modelData // { label, value }: a JS object of the list above
                        Layout.columnSpan: 2
                        Layout.fillWidth: true
                        spacing: 12 * Theme.scale
                        Text {
                            text: parent.modelData.label
                            color: Theme.secondaryText
                            font.pixelSize: Theme.smallFontSize
                            Layout.preferredWidth: 120 * Theme.scale
                            Layout.alignment: Qt.AlignTop
                        }
                        TextEdit {
                            text: parent.modelData.value
                            readOnly: true
                            selectByMouse: true
                            wrapMode: Text.Wrap
                            color: Theme.text
                            font.pixelSize: Theme.baseFontSize
                            Layout.fillWidth: true
                            textFormat: TextEdit.PlainText
                        }
                    }
                }
            }

            Text {
                visible: (pane.alert.rawJson ?? "").length > 0
                text: qsTr("As received")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }
            TextEdit {
                // A kind this version cannot show field by field: every field, as the server sent it.
                visible: (pane.alert.rawJson ?? "").length > 0
                text: pane.alert.rawJson ?? ""
                readOnly: true
                selectByMouse: true
                wrapMode: Text.WrapAnywhere
                color: Theme.text
                font.family: Theme.monoFamily
                font.pixelSize: Theme.smallFontSize
                Layout.fillWidth: true
                textFormat: TextEdit.PlainText
            }

            Text {
                visible: pane.hasAlert && !(pane.alert.acknowledgeable ?? false)
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("The server cannot acknowledge this kind; acknowledging marks it as seen here.")
                color: Theme.secondaryText
                font.pixelSize: Theme.smallFontSize
            }

            Flow {
                Layout.fillWidth: true
                spacing: 6 * Theme.scale
                Button {
                    readonly property int ackState: pane.alert.ackState ?? AlertModel.New
                    text: ackState === AlertModel.Failed ? qsTr("Retry acknowledgement") : qsTr("Acknowledge (a)")
                    enabled: ackState === AlertModel.New || ackState === AlertModel.Failed
                    onClicked: pane.acknowledgeClicked()
                }
                Repeater {
                    model: [
                        { action: AlertActionKind.Resolve, name: "detailsResolve", text: qsTr("Resolve… (r)") },
                        { action: AlertActionKind.Assign, name: "detailsAssign", text: qsTr("Assign… (Shift+A)") },
                        { action: AlertActionKind.Escalate, name: "detailsEscalate", text: qsTr("Escalate… (e)") }
                    ]
                    Item {
                        required property var modelData // { action, name, text }: a JS object of the list above
                        implicitWidth: actionButton.implicitWidth
                        implicitHeight: actionButton.implicitHeight
                        Button {
                            id: actionButton
                            objectName: parent.modelData.name
                            anchors.fill: parent
                            text: parent.modelData.text
                            enabled: pane.actionBlocker === AlertModel.ActionAllowed
                            onClicked: pane.actionClicked(parent.modelData.action)
                        }
                        // A disabled button gets no hover (nor do its children): the tooltip's area is beside it.
                        ToolTipArea {
                            text: pane.alerts.actionBlockerText(pane.actionBlocker)
                        }
                    }
                }
            }
        }
    }
}
