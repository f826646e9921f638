// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Who is on shift: online, busy, away or last seen, with this session first.
Rectangle {
    id: panel
    required property NocClient client
    property date now: new Date()
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Presence")

    PresenceModel {
        id: presence
        client: panel.client
    }

    function stateColor(state) {
        switch (state) {
        case "online": return Theme.live;
        case "busy": return Theme.lost;
        case "away": case "connecting": return Theme.warning;
        }
        return Theme.secondaryText;
    }
    function stateWord(state) {
        switch (state) {
        case "online": return qsTr("online");
        case "busy": return qsTr("busy");
        case "away": return qsTr("away");
        case "offline": return qsTr("offline");
        case "connecting": return qsTr("connecting");
        }
        return state;
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12 * Theme.scale
        Text {
            text: qsTr("%1 of %2 people online").arg(presence.onlineCount).arg(presence.count)
            color: Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
        }
        ListView {
            id: list
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: presence
            Accessible.role: Accessible.List
            Accessible.name: qsTr("People")
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: person
                required property int index
                required property string username
                required property string state
                required property date lastSeen
                required property date updatedAt
                required property bool isSelf
                width: ListView.view.width
                height: Theme.rowHeight
                color: index % 2 === 0 ? Theme.surface : Theme.background
                Accessible.role: Accessible.ListItem
                Accessible.name: username + ", " + panel.stateWord(state)
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 8 * Theme.scale
                    anchors.rightMargin: 8 * Theme.scale
                    spacing: 10 * Theme.scale
                    Rectangle {
                        width: 10 * Theme.scale
                        height: width
                        radius: width / 2
                        color: panel.stateColor(person.state)
                    }
                    Text {
                        text: person.username + (person.isSelf ? " " + qsTr("(you)") : "")
                        color: Theme.text
                        font.pixelSize: Theme.baseFontSize
                        font.bold: person.isSelf
                        Layout.preferredWidth: 220 * Theme.scale
                        elide: Text.ElideRight
                    }
                    Text {
                        text: panel.stateWord(person.state)
                        color: Theme.text
                        font.pixelSize: Theme.baseFontSize
                        Layout.preferredWidth: 120 * Theme.scale
                    }
                    Text {
                        text: !isNaN(person.lastSeen.getTime()) ? qsTr("last seen %1").arg(Theme.ago(person.lastSeen, panel.now))
                                                                : qsTr("updated %1").arg(Theme.ago(person.updatedAt, panel.now))
                        color: Theme.secondaryText
                        font.pixelSize: Theme.baseFontSize
                        Layout.fillWidth: true
                    }
                }
            }
        }
    }
}
