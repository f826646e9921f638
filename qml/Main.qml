// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

ApplicationWindow {
    id: window
    required property NocClient client
    property string backendLabel: ""
    readonly property alias alertModel: alerts
    readonly property alias alertList: list

    width: 1280
    height: 760
    visible: true
    title: qsTr("nocdash — %1").arg(client.serverName)
    color: Theme.background

    AlertModel {
        id: alerts
        client: window.client
    }

    header: Rectangle {
        implicitHeight: headerRow.implicitHeight + 20
        color: Theme.surface

        RowLayout {
            id: headerRow
            anchors.fill: parent
            anchors.margins: 10
            spacing: 8

            Text {
                text: "nocdash"
                color: Theme.text
                font.pixelSize: Theme.baseFontSize + 5
                font.bold: true
                Layout.rightMargin: 12
            }
            Repeater {
                // Most urgent first: CRITICAL, HIGH, MEDIUM, LOW, INFO.
                model: [5, 4, 3, 2, 1]
                SeverityCounter {
                    required property int modelData
                    severity: modelData
                    value: alerts.unacknowledgedBySeverity[modelData] ?? 0
                }
            }
            Item {
                Layout.fillWidth: true
            }
            Text {
                text: window.client.username + "@" + window.client.serverName
                color: Theme.secondaryText
                font.pixelSize: Theme.baseFontSize
            }
            ConnectionPill {
                client: window.client
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StaleBanner {
            Layout.fillWidth: true
            client: window.client
            stale: window.client.state !== NocClient.Connected
        }

        Rectangle {
            // Column titles, aligned with AlertRow.
            Layout.fillWidth: true
            implicitHeight: 26
            color: Theme.surfaceRaised
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8
                anchors.rightMargin: 8
                spacing: 12
                Repeater {
                    model: [
                        { title: qsTr("SEVERITY"), width: 84 },
                        { title: qsTr("TIME"), width: 70 },
                        { title: qsTr("CLIENT"), width: 80 },
                        { title: qsTr("TYPE"), width: 190 },
                        { title: qsTr("MESSAGE"), width: -1 },
                        { title: qsTr("SITE"), width: 130 },
                        { title: qsTr("STATE"), width: 90 }
                    ]
                    Text {
                        required property var modelData
                        text: modelData.title
                        color: Theme.secondaryText
                        font.pixelSize: Theme.baseFontSize - 2
                        font.bold: true
                        Layout.preferredWidth: modelData.width > 0 ? modelData.width : -1
                        Layout.fillWidth: modelData.width < 0
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "alertList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: alerts
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            keyNavigationEnabled: true
            focus: true
            Accessible.name: qsTr("Alerts")
            ScrollBar.vertical: ScrollBar {}

            delegate: AlertRow {
                width: ListView.view.width
            }

            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: window.client.state === NocClient.Connected ? qsTr("No alerts yet. All quiet.")
                                                             : qsTr("Waiting for the alert feed…")
                color: Theme.secondaryText
                font.pixelSize: Theme.baseFontSize + 3
            }
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: 26
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10
                anchors.rightMargin: 10
                Text {
                    text: qsTr("%1 alerts shown · %2 received · subscribed to %3")
                        .arg(alerts.count).arg(alerts.totalReceived)
                        .arg(window.client.subscriptions.join(", "))
                    color: Theme.secondaryText
                    font.pixelSize: Theme.baseFontSize - 1
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                Text {
                    visible: window.backendLabel.length > 0
                    text: window.backendLabel
                    color: Theme.warning
                    font.pixelSize: Theme.baseFontSize - 1
                    font.bold: true
                }
            }
        }
    }
}
