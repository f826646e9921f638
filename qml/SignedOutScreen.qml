// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Nocdash.Models

// A wall the server signed out says so from across the room: since when, and what brings it back.
// Nobody at a wall can type a password; someone runs `nocctl login` on the machine and the wall
// resumes by itself (the engine watches the keychain). What is behind stays visible, dimmed: the last
// list the wall had, never passed off as live.
Rectangle {
    id: screen
    required property NocClient client
    // The shared 10 s clock: "4 h 10 min ago" moves with every other relative time.
    property date now: new Date()

    readonly property date signedOutAt: client.signedOutAt
    readonly property bool refused: !isNaN(signedOutAt.getTime())
    readonly property string command: "nocctl login"

    visible: client.signedOut
    color: Qt.rgba(0, 0, 0, 0.8) // dims what is behind
    Accessible.role: Accessible.AlertMessage
    Accessible.name: headline.text + ". " + qsTr("This screen needs %1 on this machine.").arg(screen.command)

    function headlineText(): string {
        if (!screen.refused)
            return qsTr("Not signed in");
        // The date too when it was not today: after a long weekend "03:12" alone would mislead.
        const sameDay = screen.signedOutAt.toDateString() === screen.now.toDateString();
        const at = sameDay ? screen.signedOutAt.toLocaleTimeString(Qt.locale(), Locale.ShortFormat)
                           : screen.signedOutAt.toLocaleString(Qt.locale(), Locale.ShortFormat);
        const ago = Theme.span(Math.max(0, screen.now.getTime() - screen.signedOutAt.getTime()));
        return qsTr("Signed out at %1 (%2 ago)").arg(at).arg(ago);
    }

    // Clicks and wheel turns stay here: nothing behind reacts to a screen that is not live.
    MouseArea {
        anchors.fill: parent
        acceptedButtons: Qt.AllButtons
        onWheel: wheel => wheel.accepted = true
    }

    Rectangle {
        id: panel
        anchors.centerIn: parent
        width: parent.width * 0.86
        height: column.implicitHeight + 2 * margins
        readonly property real margins: Math.round(28 * Theme.scale)
        // White on deep red (6.6:1): read as "not live" from across the room, never by colour alone.
        color: "#B71C1C"
        radius: Math.round(8 * Theme.scale)

        ColumnLayout {
            id: column
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            anchors.margins: panel.margins
            spacing: Math.round(16 * Theme.scale)

            Text {
                id: headline
                objectName: "signedOutHeadline"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: "#FFFFFF"
                font.pixelSize: Math.round(36 * Theme.scale)
                font.bold: true
                text: "⚠ " + screen.headlineText()
                Accessible.ignored: true // the screen says it all at once
            }
            Text {
                id: instruction
                objectName: "signedOutInstruction"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: "#FFFFFF"
                font.pixelSize: Math.round(30 * Theme.scale)
                textFormat: Text.StyledText
                text: qsTr("This screen needs %1 on this machine.")
                    .arg("<font face=\"" + Theme.monoFamily + "\"><b>" + screen.command + "</b></font>")
                Accessible.ignored: true
            }
            Text {
                objectName: "signedOutDetail"
                Layout.fillWidth: true
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.Wrap
                color: "#FFFFFF"
                font.pixelSize: Theme.titleFontSize
                text: qsTr("It comes back by itself a few seconds after the sign-in.")
                      + (screen.client.username.length > 0
                         ? "\n" + qsTr("Account %1 on %2").arg(screen.client.username).arg(screen.client.serverName)
                         : "")
                Accessible.ignored: true
            }
        }
    }
}
