// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Models

// Shown whenever data is not live: since when, and what happens next. Old rows stay on screen.
Rectangle {
    id: banner
    required property NocClient client
    property bool stale: false
    property date now: new Date()

    implicitHeight: visible ? text.implicitHeight + 16 : 0
    visible: stale
    color: client && client.state === NocClient.Failed ? Theme.lost : Theme.warning

    Timer {
        // Counts the seconds only while the banner shows: idle means idle.
        interval: 1000
        repeat: true
        running: banner.visible
        triggeredOnStart: true
        onTriggered: banner.now = new Date()
    }

    Text {
        id: text
        anchors.centerIn: parent
        width: parent.width - 24
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: "#1A1A1A"
        font.pixelSize: Theme.baseFontSize + 1
        font.bold: true
        text: {
            if (!banner.client)
                return "";
            const last = banner.client.lastFrameAt;
            const since = last && !isNaN(last.getTime())
                ? qsTr("No live data since %1").arg(Qt.formatTime(last, "hh:mm:ss"))
                : qsTr("No live data yet");
            const retry = banner.client.nextRetryAt;
            let next = banner.client.statusMessage;
            if (retry && !isNaN(retry.getTime())) {
                const seconds = Math.max(0, Math.ceil((retry.getTime() - banner.now.getTime()) / 1000));
                next = qsTr("%1 · reconnecting in %2 s").arg(banner.client.statusMessage).arg(seconds);
            }
            return next ? since + " · " + next : since;
        }
    }
}
