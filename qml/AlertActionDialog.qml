// SPDX-License-Identifier: MIT
import QtQuick
import QtQml.Models
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Resolve (notes), assign (a colleague, a comment) or escalate (a colleague, a reason) one alert or a
// selection. Enter confirms, Esc cancels; the first field has the focus. The rows say what became of it.
Dialog {
    id: dialog
    required property AlertModel alerts
    required property NocClient client
    property int action: AlertActionKind.Resolve // the services' kinds of action
    // The alert keys to act on. `var`: a JS array of strings; Qt 6.4 has no list<string> property.
    property var keys: []
    // How many of them have a server record (the others are left out, and said so).
    property int recordCount: 0
    property string subject: ""
    readonly property bool needsColleague: action !== AlertActionKind.Resolve
    readonly property int userId: userField.acceptableInput ? parseInt(userField.text, 10) : 0
    readonly property bool valid: recordCount > 0 && (!needsColleague || userId > 0)
                                  && (action === AlertActionKind.Assign || textField.text.trim().length > 0)

    objectName: "alertActionDialog"
    modal: true
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 520, 520 * Theme.scale)
    title: action === AlertActionKind.Resolve ? qsTr("Resolve")
         : action === AlertActionKind.Assign ? qsTr("Assign") : qsTr("Escalate")

    function openFor(newAction: int, newKeys: var, records: int, newSubject: string) {
        dialog.action = newAction;
        dialog.keys = newKeys;
        dialog.recordCount = records;
        dialog.subject = newSubject;
        userField.text = "";
        people.currentIndex = -1;
        textField.text = "";
        dialog.open();
    }

    function confirm() {
        if (!dialog.valid)
            return;
        const text = textField.text.trim();
        if (dialog.action === AlertActionKind.Resolve)
            dialog.alerts.resolveKeys(dialog.keys, text);
        else if (dialog.action === AlertActionKind.Assign)
            dialog.alerts.assignKeys(dialog.keys, dialog.userId, text);
        else
            dialog.alerts.escalateKeys(dialog.keys, dialog.userId, text);
        dialog.close();
    }

    onOpened: (dialog.needsColleague ? userField : textField).forceActiveFocus()
    onAboutToShow: refreshPeople()

    // The people the presence channel told about, with a user id to assign to (this session's own row
    // has none until the channel reports it). `var`: a JS array of { text, value } for the combo box.
    property var peopleChoices: []
    function refreshPeople() {
        const choices = [];
        for (let i = 0; i < known.count; ++i) {
            const person = known.objectAt(i);
            if (person && /^[0-9]+$/.test(person.userId))
                choices.push({ text: qsTr("%1 (#%2)").arg(person.username).arg(person.userId), value: person.userId });
        }
        dialog.peopleChoices = choices;
        people.currentIndex = people.indexOfValue(userField.text);
    }
    PresenceModel {
        id: presence
        client: dialog.client
    }
    Instantiator {
        id: known
        model: presence
        delegate: QtObject {
            required property string username
            required property string userId
        }
        onObjectAdded: dialog.refreshPeople()
        onObjectRemoved: dialog.refreshPeople()
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 8 * Theme.scale

        Label {
            objectName: "actionSubject"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: dialog.subject
            font.bold: true
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            visible: dialog.recordCount < dialog.keys.length
            text: qsTr("%1 of the %2 selected have no server record (findings, anomalies, tickets) and are left out.")
                  .arg(dialog.keys.length - dialog.recordCount).arg(dialog.keys.length)
            color: Theme.warningText
        }

        Label {
            visible: dialog.needsColleague
            text: dialog.action === AlertActionKind.Assign ? qsTr("Assign to (user id)") : qsTr("Escalate to (user id)")
        }
        RowLayout {
            visible: dialog.needsColleague
            Layout.fillWidth: true
            spacing: 8 * Theme.scale
            TextField {
                id: userField
                objectName: "actionUserId"
                Layout.preferredWidth: 110 * Theme.scale
                placeholderText: qsTr("User id")
                validator: IntValidator { bottom: 1; top: 2147483647 }
                selectByMouse: true
                Accessible.name: qsTr("Colleague's user id")
                // Enter confirms once everything needed is there; before that it goes on to the text.
                onAccepted: dialog.valid ? dialog.confirm() : textField.forceActiveFocus()
                // Typing a number the list knows shows that person.
                onTextChanged: {
                    const at = people.indexOfValue(userField.text);
                    if (at !== people.currentIndex)
                        people.currentIndex = at;
                }
            }
            ComboBox {
                id: people
                objectName: "actionPeople"
                Layout.fillWidth: true
                model: dialog.peopleChoices
                textRole: "text"
                valueRole: "value"
                currentIndex: -1
                displayText: currentIndex < 0 ? (count > 0 ? qsTr("or pick someone on shift") : qsTr("nobody on shift known yet"))
                                              : currentText
                enabled: count > 0
                Accessible.name: qsTr("People on shift")
                onActivated: index => { userField.text = people.valueAt(index); }
            }
        }

        Label {
            text: dialog.action === AlertActionKind.Resolve ? qsTr("Resolution notes")
                : dialog.action === AlertActionKind.Assign ? qsTr("Comment (optional)") : qsTr("Reason")
        }
        TextField {
            id: textField
            objectName: "actionText"
            Layout.fillWidth: true
            // The server's bound, from the services (the model checks it again before anything is sent).
            maximumLength: dialog.alerts.actionTextLimit(dialog.action)
            selectByMouse: true
            placeholderText: (dialog.action === AlertActionKind.Resolve ? qsTr("What was done (up to %1 characters)")
                              : dialog.action === AlertActionKind.Assign ? qsTr("For the colleague (up to %1 characters)")
                              : qsTr("Why it needs more (up to %1 characters)")).arg(maximumLength)
            Accessible.name: dialog.action === AlertActionKind.Resolve ? qsTr("Resolution notes")
                           : dialog.action === AlertActionKind.Assign ? qsTr("Comment") : qsTr("Reason")
            onAccepted: dialog.confirm()
        }
        Label {
            Layout.fillWidth: true
            horizontalAlignment: Text.AlignRight
            text: qsTr("%1/%2").arg(textField.length).arg(textField.maximumLength)
            color: Theme.secondaryText
            font.pixelSize: Theme.smallFontSize
        }
    }

    footer: DialogButtonBox {
        Button {
            objectName: "actionConfirm"
            text: dialog.action === AlertActionKind.Resolve ? qsTr("Resolve (Enter)")
                : dialog.action === AlertActionKind.Assign ? qsTr("Assign (Enter)") : qsTr("Escalate (Enter)")
            enabled: dialog.valid
            highlighted: true
            DialogButtonBox.buttonRole: DialogButtonBox.ActionRole
            onClicked: dialog.confirm()
        }
        Button {
            text: qsTr("Cancel (Esc)")
            DialogButtonBox.buttonRole: DialogButtonBox.RejectRole
        }
    }
}
