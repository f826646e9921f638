// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Models

// Shown whenever data is not live, after a short grace: since when, and what happens next. Old rows
// stay on screen. On a wall (`large`) it is a full-width band with the age counting up.
Rectangle {
    id: banner
    objectName: "staleBanner"
    required property NocClient client
    property bool stale: false
    property bool large: false
    // A blip shorter than this (a reconnect that just works) does not deserve a banner.
    property int graceMs: 3000
    property date now: new Date()
    property bool graceOver: false

    implicitHeight: visible ? text.implicitHeight + (large ? 40 : 16) * Theme.scale : 0
    visible: stale && graceOver
    color: !!client && (client.state === NocClient.Failed || client.state === NocClient.LoggedOut) ? Theme.lost : Theme.warning
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text.text

    onStaleChanged: {
        graceOver = false;
        if (stale)
            grace.restart();
        else
            grace.stop();
    }
    Component.onCompleted: if (stale) grace.restart()

    Timer {
        id: grace
        interval: banner.graceMs
        onTriggered: banner.graceOver = true
    }

    Timer {
        // Counts the seconds only while the banner shows: idle means idle.
        interval: 1000
        repeat: true
        running: banner.visible
        triggeredOnStart: true
        onTriggered: banner.now = new Date()
    }

    function message(): string {
        if (!banner.client)
            return "";
        const last = banner.client.lastFrameAt;
        let since;
        if (last && !isNaN(last.getTime())) {
            since = qsTr("No live data since %1").arg(Qt.formatTime(last, "hh:mm:ss"));
            if (banner.large) {
                const age = Math.max(0, Math.floor((banner.now.getTime() - last.getTime()) / 1000));
                since += " " + qsTr("(%1 s)").arg(age);
            }
        } else {
            since = qsTr("No live data yet");
        }
        if (banner.client.needsCredentials)
            return since + " · " + qsTr("sign-in required");
        const retry = banner.client.nextRetryAt;
        let next = banner.client.statusMessage;
        if (retry && !isNaN(retry.getTime())) {
            const seconds = Math.max(0, Math.ceil((retry.getTime() - banner.now.getTime()) / 1000));
            next = qsTr("%1 · reconnecting in %2 s").arg(banner.client.statusMessage).arg(seconds);
        }
        return next ? since + " · " + next : since;
    }

    Text {
        id: text
        anchors.centerIn: parent
        width: parent.width - 24
        horizontalAlignment: Text.AlignHCenter
        wrapMode: Text.Wrap
        color: "#1A1A1A"
        font.pixelSize: banner.large ? Theme.titleFontSize * 1.6 : Theme.baseFontSize + 1
        font.bold: true
        text: banner.message()
    }
}
