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
    property var settings: null
    // clientId -> { state: "pending" | "confirmed" | "failed", reason }
    property var status: ({})
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Subscriptions")

    function setStatus(clientId, state, reason) {
        const next = Object.assign({}, panel.status);
        next[clientId] = { state: state, reason: reason };
        panel.status = next;
    }
    function add() {
        const id = input.text.trim();
        if (id.length === 0)
            return;
        panel.setStatus(id, "pending", "");
        panel.client.subscribe(id);
        input.text = "";
        panel.persist();
    }
    function persist() {
        if (panel.settings) {
            panel.settings.subscriptions = panel.client.subscriptions;
            panel.settings.save();
        }
    }

    Connections {
        target: panel.client
        function onSubscriptionConfirmed(clientId) { panel.setStatus(clientId, "confirmed", ""); }
        function onSubscriptionFailed(clientId, reason) { panel.setStatus(clientId, "failed", reason); }
        function onStateChanged() {
            // Subscriptions belong to the socket: after a reconnect each one waits for its new answer.
            if (panel.client.state !== NocClient.Connected) {
                const next = {};
                for (const id of panel.client.subscriptions)
                    next[id] = { state: "pending", reason: "" };
                panel.status = next;
            }
        }
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
            model: panel.client.subscriptions
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Subscribed clients")
            delegate: Rectangle {
                id: line
                required property string modelData
                required property int index
                readonly property var info: panel.status[modelData] ?? { state: "pending", reason: "" }
                width: ListView.view.width
                height: Theme.rowHeight + 4
                color: index % 2 === 0 ? Theme.surface : Theme.background
                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: 8 * Theme.scale
                    anchors.rightMargin: 8 * Theme.scale
                    Text {
                        text: line.modelData
                        color: Theme.text
                        font.pixelSize: Theme.baseFontSize
                        font.bold: true
                        Layout.preferredWidth: 200 * Theme.scale
                    }
                    Text {
                        text: line.info.state === "confirmed" ? qsTr("✓ confirmed")
                              : line.info.state === "failed" ? qsTr("✗ refused: %1").arg(line.info.reason)
                              : qsTr("◔ waiting for the server")
                        color: line.info.state === "failed" ? Theme.lost : (line.info.state === "confirmed" ? Theme.live : Theme.secondaryText)
                        font.pixelSize: Theme.baseFontSize
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                    }
                    Button {
                        text: qsTr("Remove")
                        flat: true
                        Accessible.name: qsTr("Remove %1").arg(line.modelData)
                        onClicked: {
                            panel.client.unsubscribe(line.modelData);
                            panel.persist();
                        }
                    }
                }
            }
        }
    }
}
