// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// "?": every keyboard shortcut on one page.
Dialog {
    id: dialog
    title: qsTr("Keyboard shortcuts")
    modal: false
    standardButtons: Dialog.Close
    anchors.centerIn: parent

    GridLayout {
        columns: 2
        columnSpacing: 24 * Theme.scale
        rowSpacing: 6 * Theme.scale
        Repeater {
            model: [
                "↑ ↓  j k", qsTr("Move through the alerts"),
                qsTr("Shift+↑ ↓"), qsTr("Extend the selection"),
                qsTr("Space"), qsTr("Select or deselect the current alert"),
                qsTr("Ctrl+A"), qsTr("Select every alert shown"),
                "a", qsTr("Acknowledge the selection (or the current alert)"),
                "r", qsTr("Resolve the selection (or the current alert), with notes"),
                qsTr("Shift+A"), qsTr("Assign the selection (or the current alert) to a colleague"),
                "e", qsTr("Escalate the selection (or the current alert) to a colleague, with a reason"),
                qsTr("Menu key, right click"), qsTr("Everything you can do with the selection (or the alert)"),
                qsTr("Enter / Esc"), qsTr("In a dialog: confirm / cancel"),
                "/", qsTr("Search"),
                qsTr("Esc"), qsTr("Clear the search and the selection, close the details"),
                "1 … 6", qsTr("Alerts, health, presence, charts, subscriptions, diagnostics"),
                qsTr("Ctrl+M"), qsTr("Mute sounds (again: unmute)"),
                qsTr("Ctrl+,"), qsTr("Settings"),
                "?", qsTr("This list")
            ]
            Label {
                required property string modelData
                required property int index
                text: modelData
                font.bold: index % 2 === 0
                font.family: index % 2 === 0 ? Theme.monoFamily : font.family
            }
        }
    }
}
