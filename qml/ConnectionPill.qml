// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Models

// Freshness at a glance: colour, and words that say what is happening.
Rectangle {
    id: pill
    required property NocClient client
    readonly property bool live: client && client.state === NocClient.Connected
    readonly property bool failed: client && (client.state === NocClient.Failed || client.state === NocClient.LoggedOut)

    implicitWidth: content.implicitWidth + 20
    implicitHeight: 30
    radius: height / 2
    color: Theme.surfaceRaised
    border.width: 1
    border.color: live ? Theme.live : (failed ? Theme.lost : Theme.warning)
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Connection: %1").arg(label.text)

    Row {
        id: content
        anchors.centerIn: parent
        spacing: 8
        Rectangle {
            width: 10
            height: 10
            radius: 5
            anchors.verticalCenter: parent.verticalCenter
            color: pill.border.color
        }
        Text {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            text: {
                if (!pill.client)
                    return qsTr("No server");
                switch (pill.client.state) {
                case NocClient.Connected:
                    return pill.client.rttMs >= 0 ? qsTr("Live · RTT %1 ms").arg(pill.client.rttMs) : qsTr("Live");
                case NocClient.Authenticating:
                    return qsTr("Signing in…");
                case NocClient.RefreshingToken:
                    return qsTr("Renewing session…");
                case NocClient.Connecting:
                    return qsTr("Connecting…");
                case NocClient.Backoff:
                    return qsTr("Reconnecting");
                case NocClient.Failed:
                    return qsTr("Failed");
                default:
                    return qsTr("Offline");
                }
            }
        }
    }
}
