// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// What to show: search, severities (with how many of each are shown), acknowledgement state, the
// server's status (open ones unless asked), and client; and what to do with the selection.
Rectangle {
    id: bar
    required property AlertFilterModel filter
    required property AlertModel alerts
    property alias searchField: search
    signal acknowledgeClicked()

    implicitHeight: layout.implicitHeight + 12 * Theme.scale
    color: Theme.surface

    // Two rows, so the bar fits beside the details pane at 200 % as well.
    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: 6 * Theme.scale
        spacing: 4 * Theme.scale
      RowLayout {
        spacing: 6 * Theme.scale
        Layout.fillWidth: true

        TextField {
            id: search
            objectName: "searchField"
            placeholderText: qsTr("Search alerts (/)")
            Layout.preferredWidth: 220 * Theme.scale
            font.pixelSize: Theme.baseFontSize
            selectByMouse: true
            Accessible.name: qsTr("Search alerts")
            onTextChanged: searchDelay.restart()
            Keys.onEscapePressed: event => {
                text = "";
                bar.filter.searchText = "";
                event.accepted = false; // the window's Esc also clears the selection
            }
            // Filtering 10k rows on every keystroke would stutter; 150 ms after the last one is enough.
            Timer {
                id: searchDelay
                interval: 150
                onTriggered: bar.filter.searchText = search.text
            }
        }

        Repeater {
            model: Theme.severitiesMostUrgentFirst
            Button {
                required property int modelData
                readonly property bool on: bar.filter.severities.indexOf(modelData) >= 0
                checkable: true
                checked: on
                flat: !on
                font.pixelSize: Theme.smallFontSize
                text: Theme.severityGlyphs[modelData] + " " + Theme.severityShortNames[modelData] + " "
                      + (bar.filter.countsBySeverity[modelData] ?? 0)
                Accessible.name: qsTr("Show only %1 (%2 shown)").arg(Theme.severityNames[modelData])
                                 .arg(bar.filter.countsBySeverity[modelData] ?? 0)
                onClicked: bar.filter.toggleSeverity(modelData)
                palette.buttonText: Theme.text
                // The header counts unacknowledged alerts; these count what the list shows: say so.
                ToolTip.visible: hovered
                ToolTip.delay: 400
                ToolTip.text: qsTr("%1 %2 alerts in the list (acknowledged ones included); click to show only these")
                              .arg(bar.filter.countsBySeverity[modelData] ?? 0).arg(Theme.severityNames[modelData])
            }
        }

        Item { Layout.fillWidth: true }
      }
      RowLayout {
        spacing: 6 * Theme.scale
        Layout.fillWidth: true

        ComboBox {
            id: ackBox
            Accessible.name: qsTr("Acknowledgement filter")
            font.pixelSize: Theme.smallFontSize
            // What each entry filters by. `var`: a JS array; Qt 6.4 has no list<int>.
            readonly property var values: [AlertFilterModel.All, AlertFilterModel.Unacknowledged, AlertFilterModel.Acknowledged]
            model: [qsTr("All states"), qsTr("Unacknowledged"), qsTr("Acknowledged")]
            currentIndex: Math.max(0, values.indexOf(bar.filter.ackFilter))
            onActivated: index => bar.filter.ackFilter = values[index]
            Layout.preferredWidth: 150 * Theme.scale
        }

        ComboBox {
            id: statusBox
            objectName: "statusFilter"
            Accessible.name: qsTr("Status filter")
            font.pixelSize: Theme.smallFontSize
            // What each entry filters by (AlertStatus; -1: no single status). `var`: a JS array.
            readonly property var values: [-1, AlertStatus.New, AlertStatus.Acknowledged, AlertStatus.Assigned,
                                           AlertStatus.Escalated, AlertStatus.Resolved, AlertStatus.Suppressed]
            model: [bar.filter.showClosed ? qsTr("Any status") : qsTr("Open statuses"), qsTr("New"), qsTr("Acknowledged"),
                    qsTr("Assigned"), qsTr("Escalated"), qsTr("Resolved"), qsTr("Suppressed")]
            currentIndex: bar.filter.statuses.length === 1 ? Math.max(0, values.indexOf(bar.filter.statuses[0])) : 0
            onActivated: index => bar.filter.statuses = index === 0 ? [] : [values[index]]
            Layout.preferredWidth: 140 * Theme.scale
        }

        CheckBox {
            objectName: "showClosed"
            text: qsTr("Resolved/suppressed")
            font.pixelSize: Theme.smallFontSize
            checked: bar.filter.showClosed
            onToggled: bar.filter.showClosed = checked
            Accessible.name: qsTr("Show resolved and suppressed alerts")
            ToolTip.visible: hovered
            ToolTip.delay: 400
            ToolTip.text: qsTr("Resolved and suppressed alerts leave the list; this shows them again")
        }

        ComboBox {
            id: clientBox
            Accessible.name: qsTr("Client filter")
            font.pixelSize: Theme.smallFontSize
            model: [qsTr("All clients")].concat(bar.filter.knownClients)
            currentIndex: bar.filter.clients.length === 1 ? Math.max(0, bar.filter.knownClients.indexOf(bar.filter.clients[0]) + 1) : 0
            onActivated: index => bar.filter.clients = index === 0 ? [] : [bar.filter.knownClients[index - 1]]
            Layout.preferredWidth: 140 * Theme.scale
        }

        Button {
            text: qsTr("Clear filters")
            font.pixelSize: Theme.smallFontSize
            flat: true
            enabled: bar.filter.severities.length > 0 || bar.filter.clients.length > 0
                     || bar.filter.ackFilter !== AlertFilterModel.All || search.text.length > 0
                     || bar.filter.statuses.length > 0
            onClicked: {
                search.text = "";
                bar.filter.clearFilters();
            }
        }

        Text {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            text: bar.filter.selectedCount > 0 ? qsTr("%1 selected").arg(bar.filter.selectedCount) : ""
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
        }
        Button {
            objectName: "acknowledgeButton"
            text: bar.filter.selectedCount > 1 ? qsTr("Acknowledge %1 (a)").arg(bar.filter.selectedCount)
                                               : qsTr("Acknowledge (a)")
            font.pixelSize: Theme.smallFontSize
            highlighted: true
            onClicked: bar.acknowledgeClicked()
        }
      }
    }
}
