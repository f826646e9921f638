// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// The operator's desk: counters and freshness on top, the alert list with filters and details, and
// tabs for health, presence, charts, subscriptions and diagnostics.
FocusScope {
    id: view
    required property NocClient client
    required property AlertModel alerts
    property DashboardSettings settings: null
    property date now: new Date()
    property string rendererSummary: ""
    readonly property alias list: table.list
    readonly property alias filter: filter
    readonly property alias tabs: tabs
    readonly property alias searchField: filterBar.searchField
    readonly property alias table: table
    readonly property alias actionDialog: actionDialog
    readonly property alias details: details
    // Something the operator asked for cannot be done (for a toast): why.
    signal notice(string message)
    // The tabs, in their order on the bar (the digit shortcuts follow it).
    enum Tab { Alerts, Health, Presence, Charts, Subscriptions, Diagnostics }
    property alias currentTab: tabs.currentIndex

    function focusList() { table.list.forceActiveFocus(); }
    // The keyboard works from the first moment: arrows move in the list without a click first.
    Component.onCompleted: focusList()
    function focusSearch() {
        tabs.currentIndex = DesktopView.Alerts;
        filterBar.searchField.forceActiveFocus();
        filterBar.searchField.selectAll();
    }
    function clearSearchAndSelection() {
        filterBar.searchField.text = "";
        filter.searchText = "";
        filter.clearSelection();
        table.clearCurrent();
        focusList();
    }
    function acknowledge() { return table.acknowledge(); }
    // Opens the dialog of a resolve, assign or escalate (AlertActionKind) for these keys.
    function requestAction(action: int, keys: var) {
        const records = filter.countWithRecord(keys);
        let subject = qsTr("%n alert(s)", "", records);
        if (keys.length === 1) {
            const alert = view.alerts.get(keys[0]);
            subject = qsTr("Alert %1: %2").arg(alert.alertId ?? "").arg(alert.message ?? "");
        }
        actionDialog.openFor(action, keys, records, subject);
    }

    AlertActionDialog {
        id: actionDialog
        alerts: view.alerts
        client: view.client
        // Back to the list, so the keyboard goes on where it was.
        onClosed: view.focusList()
    }

    AlertFilterModel {
        id: filter
        alerts: view.alerts
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        TabBar {
            id: tabs
            Layout.fillWidth: true
            font.pixelSize: Theme.baseFontSize
            TabButton { text: qsTr("Alerts") + " (" + view.alerts.unacknowledgedCount + ")"; width: implicitWidth }
            TabButton { text: qsTr("Health"); width: implicitWidth }
            TabButton { text: qsTr("Presence"); width: implicitWidth }
            TabButton { text: qsTr("Charts"); width: implicitWidth }
            TabButton { text: qsTr("Subscriptions") + " (" + view.client.subscriptions.length + ")"; width: implicitWidth }
            TabButton { text: qsTr("Diagnostics"); width: implicitWidth }
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            SplitView {
                orientation: Qt.Horizontal
                ColumnLayout {
                    SplitView.fillWidth: true
                    SplitView.minimumWidth: 500 * Theme.scale
                    spacing: 0
                    GapNotice {
                        objectName: "gapNotice"
                        Layout.fillWidth: true
                        client: view.client
                    }
                    Text {
                        objectName: "historyNote"
                        // What the list cannot show, said where the operator looks: a server without its
                        // records, or a start-up load bounded by retention and the REST budget.
                        readonly property bool unavailable: view.client.historyState === NocClient.Unavailable
                        visible: unavailable || view.client.openOnServer > view.client.loadedOpen
                        text: unavailable
                              ? "⚠ " + qsTr("Live feed only: the server's alert history is unavailable (%1). Alerts raised before sign-in or during a gap are not shown; colleagues' actions show only when the server pushes them.").arg(view.client.historyReason)
                              : qsTr("Showing the newest %1 of %2 open alerts on the server.")
                                .arg(view.client.loadedOpen).arg(view.client.openOnServer)
                        color: unavailable ? Theme.warningText : Theme.secondaryText
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.smallFontSize
                        Layout.fillWidth: true
                        Layout.leftMargin: 10 * Theme.scale
                    }
                    FilterBar {
                        id: filterBar
                        Layout.fillWidth: true
                        filter: filter
                        alerts: view.alerts
                        onAcknowledgeClicked: table.acknowledge()
                    }
                    AlertTable {
                        id: table
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        filter: filter
                        focus: true
                        now: view.now
                        signedIn: view.client.state !== NocClient.LoggedOut
                        onActionRequested: (action, keys) => view.requestAction(action, keys)
                        onActionBlocked: (blocker, reason) => view.notice(reason)
                        // Calm is claimed only when the server's records say so.
                        placeholder: view.alerts.count > 0 ? qsTr("No alert matches the filters.")
                                   : view.client.state === NocClient.Connected && view.client.historyState === NocClient.Loaded
                                     ? qsTr("No open alerts on the server.")
                                   : view.client.historyState === NocClient.Unavailable
                                     ? qsTr("Live feed only: the server's alert history is unavailable (%1). Alerts appear as they are raised.").arg(view.client.historyReason)
                                   : view.client.state === NocClient.Connected ? qsTr("Loading the server's open alerts…")
                                   : qsTr("Waiting for the alert feed…")
                    }
                }
                DetailsPane {
                    id: details
                    objectName: "detailsPane"
                    // Only while an alert is current: otherwise the messages get the whole width.
                    visible: table.currentKey.length > 0
                    SplitView.preferredWidth: 340 * Theme.scale
                    SplitView.minimumWidth: 220 * Theme.scale
                    alerts: view.alerts
                    client: view.client
                    alertKey: table.currentKey
                    now: view.now
                    onAcknowledgeClicked: view.alerts.acknowledgeKeys([alertKey])
                    onActionClicked: action => view.requestAction(action, [alertKey])
                    onCloseRequested: {
                        table.clearCurrent();
                        view.focusList();
                    }
                }
            }
            HealthPanel {
                client: view.client
                now: view.now
            }
            PresencePanel {
                client: view.client
                now: view.now
            }
            ChartsPanel {
                client: view.client
                alerts: view.alerts
                active: tabs.currentIndex === DesktopView.Charts && view.visible
            }
            SubscriptionsPanel {
                client: view.client
            }
            DiagnosticsPanel {
                client: view.client
                rendererSummary: view.rendererSummary
                active: tabs.currentIndex === DesktopView.Diagnostics && view.visible
            }
        }
    }
}
