// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Which clients' alerts this session follows. Each line says whether the server confirmed it; the
// list is saved so the next start subscribes again.
Rectangle {
    id: panel
    required property NocClient client
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Subscriptions")

    function add() {
        const id = input.text.trim();
        if (id.length === 0)
            return;
        subscriptions.subscribe(id);
        input.text = "";
    }

    SubscriptionModel {
        id: subscriptions
        client: panel.client
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12 * Theme.scale
        spacing: 8 * Theme.scale

        RowLayout {
            TextField {
                id: input
                objectName: "subscriptionInput"
                placeholderText: qsTr("Client id, e.g. acme")
                Accessible.name: qsTr("Client id to subscribe to")
                Layout.preferredWidth: 260 * Theme.scale
                onAccepted: panel.add()
            }
            Button {
                text: qsTr("Subscribe")
                enabled: input.text.trim().length > 0
                onClicked: panel.add()
            }
        }
        Text {
            text: qsTr("The protocol has no unsubscribe: a removed client stops once the connection is renewed.")
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: subscriptions
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Subscribed clients")
            delegate: Rectangle {
                id: line
                required property string clientId
                required property int status
                required property string reason
                required property int index
                width: ListView.view.width
                height: Theme.rowHeight + 4
                color: index % 2 === 0 ? Theme.surface : Theme.background
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 8 * Theme.scale
                    anchors.rightMargin: 8 * Theme.scale
                    Text {
                        text: line.clientId
                        color: Theme.text
                        font.pixelSize: Theme.baseFontSize
                        font.bold: true
                        Layout.preferredWidth: 200 * Theme.scale
                    }
                    Text {
                        text: line.status === SubscriptionModel.Confirmed ? qsTr("✓ confirmed")
                              : line.status === SubscriptionModel.Refused ? qsTr("✗ refused: %1").arg(line.reason)
                              : qsTr("◔ waiting for the server")
                        color: line.status === SubscriptionModel.Refused ? Theme.lost
                               : (line.status === SubscriptionModel.Confirmed ? Theme.live : Theme.secondaryText)
                        font.pixelSize: Theme.baseFontSize
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("Remove")
                        flat: true
                        Accessible.name: qsTr("Remove %1").arg(line.clientId)
                        onClicked: subscriptions.unsubscribe(line.clientId)
                    }
                }
            }
        }
    }
}
