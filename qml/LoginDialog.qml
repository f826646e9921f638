// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Server, user, password, remember. The password goes to the engine (and the keychain only when
// "remember" is ticked); it is never written to the settings file.
Dialog {
    id: dialog
    required property NocClient client
    property DashboardSettings settings: null
    title: qsTr("Sign in")
    modal: true
    standardButtons: Dialog.Cancel
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 460, 460 * Theme.scale)

    function submit() {
        if (user.text.length === 0 || password.text.length === 0)
            return;
        if (dialog.settings) {
            const server = serverField.editText.trim();
            if (server.length > 0) {
                const others = dialog.settings.servers.filter(s => s !== server);
                dialog.settings.servers = [server].concat(others);
            }
            dialog.settings.username = user.text;
            dialog.settings.rememberPassword = remember.checked;
            dialog.settings.save();
        }
        dialog.client.signIn(user.text, password.text, remember.checked);
        password.text = "";
        dialog.close();
    }

    onOpened: {
        user.text = dialog.settings && dialog.settings.username ? dialog.settings.username : dialog.client.username;
        remember.checked = dialog.settings ? dialog.settings.rememberPassword : false;
        (user.text.length > 0 ? password : user).forceActiveFocus();
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8 * Theme.scale

        Label { text: qsTr("Server") }
        ComboBox {
            id: serverField
            objectName: "loginServer"
            Layout.fillWidth: true
            editable: true
            enabled: !dialog.settings || !dialog.settings.connectionLocked
            model: dialog.settings ? dialog.settings.servers : [dialog.client.serverName]
            Accessible.name: qsTr("Server address")
        }
        Label { text: qsTr("User") }
        TextField {
            id: user
            objectName: "loginUser"
            Layout.fillWidth: true
            Accessible.name: qsTr("User name")
            onAccepted: password.forceActiveFocus()
        }
        Label { text: qsTr("Password") }
        TextField {
            id: password
            objectName: "loginPassword"
            Layout.fillWidth: true
            echoMode: TextInput.Password
            Accessible.name: qsTr("Password")
            onAccepted: dialog.submit()
        }
        CheckBox {
            id: remember
            text: qsTr("Remember the password in the system keychain")
        }
        Label {
            visible: dialog.client.keychainMessage.length > 0
            text: dialog.client.keychainMessage
            color: Theme.warningText
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Label {
            visible: dialog.client.state === NocClient.Failed && dialog.client.statusMessage.length > 0
            text: dialog.client.statusMessage
            color: Theme.lost
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Button {
            objectName: "loginSubmit"
            text: qsTr("Sign in")
            highlighted: true
            enabled: user.text.length > 0 && password.text.length > 0
            Layout.alignment: Qt.AlignRight
            onClicked: dialog.submit()
        }
    }
}
