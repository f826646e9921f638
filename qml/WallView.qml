// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Nocdash.Models

// The wall screen: large counters, unacknowledged alerts only (most urgent and newest first), and a
// strip with freshness, clock and server. Optionally rotates through alerts, health and charts.
// Nothing here needs a click: no dialogs, nothing to dismiss. Signed out by the server, it says so over
// everything (SignedOutScreen) and comes back by itself once a session is provisioned on the machine.
Item {
    id: wall
    required property NocClient client
    required property AlertModel alerts
    property DashboardSettings settings: null
    property date now: new Date()
    property int rotationSeconds: settings ? settings.wallRotationSeconds : 0
    enum Page { Alerts, Health, Charts }
    // What the wall shows now; rotates through the pages in this order.
    property int view: WallView.Alerts
    readonly property alias list: table.list

    AlertFilterModel {
        id: unacknowledged
        alerts: wall.alerts
        ackFilter: AlertFilterModel.Unacknowledged
    }

    Timer {
        interval: Math.max(5, wall.rotationSeconds) * 1000
        running: wall.rotationSeconds > 0 && wall.visible
        repeat: true
        onTriggered: wall.view = (wall.view + 1) % (WallView.Charts + 1)
    }

    // The clock shows minutes, so it wakes once a minute, not once a second.
    property date clock: new Date()
    Timer {
        id: clockTimer
        running: wall.visible
        interval: 60000 - (new Date().getTime() % 60000) + 20
        onTriggered: {
            wall.clock = new Date();
            interval = 60000 - (wall.clock.getTime() % 60000) + 20;
            restart();
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            objectName: "wallCounters"
            // Signed out, the wall cannot vouch for any number: the counters go (not to zero).
            visible: !wall.client.signedOut
            Layout.fillWidth: true
            implicitHeight: counters.implicitHeight + 24 * Theme.scale
            color: Theme.surface
            RowLayout {
                id: counters
                anchors.fill: parent
                anchors.margins: 12 * Theme.scale
                spacing: 12 * Theme.scale
                Repeater {
                    model: Theme.severitiesMostUrgentFirst
                    SeverityCounter {
                        required property int modelData
                        severity: modelData
                        value: wall.alerts.unacknowledgedBySeverity[modelData] ?? 0
                        // About 64 px at 1080p, but never wider than a fifth of the screen.
                        fontSize: Math.min(Math.round(32 * Theme.scale), Math.round(wall.width / 30))
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1 // five equal tiles, whatever the words
                        Layout.minimumWidth: 0
                    }
                }
            }
        }
        GapNotice {
            // Nobody at a wall dismisses anything: the notice stays for a quarter of an hour.
            Layout.fillWidth: true
            client: wall.client
            large: true
            autoHideMs: 15 * 60 * 1000
        }
        Text {
            Layout.fillWidth: true
            visible: wall.alerts.storm && !wall.client.signedOut
            horizontalAlignment: Text.AlignHCenter
            text: qsTr("Alert storm: %1 new in the last minute").arg(wall.alerts.receivedLastMinute)
            color: Theme.warningText
            font.pixelSize: Theme.titleFontSize
            font.bold: true
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            AlertTable {
                id: table
                anchors.fill: parent
                visible: wall.view === WallView.Alerts
                filter: unacknowledged
                compact: true
                now: wall.now
                fontSize: Math.round(Theme.baseFontSize * 1.15)
                placeholder: wall.client.state === NocClient.Connected && wall.client.historyState === NocClient.Loaded
                             ? qsTr("All quiet: nothing unacknowledged.")
                             : wall.client.historyState === NocClient.Unavailable ? qsTr("Live feed only: the server's alert history is unavailable.")
                             : wall.client.state === NocClient.Connected ? qsTr("Loading the server's open alerts…")
                             : qsTr("Waiting for the alert feed…")
            }
            Loader {
                anchors.fill: parent
                active: wall.view === WallView.Health
                visible: active
                sourceComponent: HealthPanel {
                    client: wall.client
                    now: wall.now
                    fontSize: Theme.baseFontSize
                }
            }
            Loader {
                anchors.fill: parent
                active: wall.view === WallView.Charts
                visible: active
                sourceComponent: ChartsPanel {
                    client: wall.client
                    alerts: wall.alerts
                    fontSize: Theme.baseFontSize
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: strip.implicitHeight + 16 * Theme.scale
            color: Theme.surface
            RowLayout {
                id: strip
                anchors.fill: parent
                anchors.margins: 8 * Theme.scale
                spacing: 16 * Theme.scale
                ConnectionPill {
                    client: wall.client
                    now: wall.now
                    fontSize: Theme.baseFontSize
                }
                Text {
                    text: ({ [WallView.Alerts]: qsTr("Alerts"), [WallView.Health]: qsTr("Health"),
                             [WallView.Charts]: qsTr("Charts") })[wall.view]
                    color: Theme.secondaryText
                    font.pixelSize: Theme.baseFontSize
                }
                Item { Layout.fillWidth: true }
                Text {
                    text: wall.client.serverName
                    color: Theme.secondaryText
                    font.pixelSize: Theme.baseFontSize
                }
                Text {
                    text: Qt.formatTime(wall.clock, "hh:mm")
                    color: Theme.text
                    font.pixelSize: Theme.titleFontSize
                    font.bold: true
                }
            }
        }
    }

    StaleBanner {
        // Over the top of everything, full width: unmissable from across the room.
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        client: wall.client
        stale: wall.client.stale && !wall.client.signedOut // the signed-out screen says more
        large: true
        graceMs: 2000
    }

    SignedOutScreen {
        objectName: "signedOutScreen"
        anchors.fill: parent
        client: wall.client
        now: wall.now
    }
}
