// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Models

// Freshness at a glance: colour, and words that say what is happening ("Live · RTT 12 ms · last event
// 4 s ago"). Turns amber the moment data stops being live.
Rectangle {
    id: pill
    required property NocClient client
    property int fontSize: Theme.baseFontSize
    // Relative times tick at most every 10 s: the owner passes one shared clock.
    property date now: new Date()
    readonly property bool live: !!client && client.state === NocClient.Connected
    readonly property bool failed: !!client && (client.state === NocClient.Failed || client.state === NocClient.LoggedOut)

    implicitWidth: content.implicitWidth + 20 * Theme.scale
    implicitHeight: Math.max(30 * Theme.scale, content.implicitHeight + 8 * Theme.scale)
    radius: height / 2
    color: Theme.surfaceRaised
    border.width: live ? 1 : 2
    border.color: live ? Theme.live : (failed ? Theme.lost : Theme.warning)
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("Connection: %1").arg(label.text)

    function stateWords(): string {
        if (!pill.client)
            return qsTr("No server");
        switch (pill.client.state) {
        case NocClient.Connected: {
            let words = pill.client.rttMs >= 0 ? qsTr("Live · RTT %1 ms").arg(pill.client.rttMs) : qsTr("Live");
            const last = pill.client.lastFrameAt;
            if (last && !isNaN(last.getTime()))
                words += " · " + qsTr("last event %1").arg(Theme.ago(last, pill.now));
            return words;
        }
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

    Row {
        id: content
        anchors.centerIn: parent
        spacing: 8 * Theme.scale
        Rectangle {
            width: 10 * Theme.scale
            height: width
            radius: width / 2
            anchors.verticalCenter: parent.verticalCenter
            color: pill.border.color
        }
        Text {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.text
            font.pixelSize: pill.fontSize
            text: pill.stateWords()
        }
    }
}
