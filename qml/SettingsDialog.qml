// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// Servers, sign-in generation, Origin, heartbeat, backoff, notifications, sounds, theme, language,
// retention and wall mode. Saved to nocdash.conf on OK and handed to the engine at once.
Dialog {
    id: dialog
    required property DashboardSettings settings
    property NocClient client: null
    // False when the desktop's notifier found no audio output: alerts are silent on this machine.
    property bool soundAvailable: true
    title: qsTr("Settings")
    modal: true
    standardButtons: Dialog.Ok | Dialog.Cancel
    anchors.centerIn: parent
    width: Math.min(parent ? parent.width - 40 : 640, 640 * Theme.scale)
    height: Math.min(parent ? parent.height - 40 : 600, 600 * Theme.scale)

    // Edits go to a scratch copy; OK copies them over, Cancel forgets them.
    DashboardSettings {
        id: draft
    }
    function copy(from, to) {
        for (const key of ["servers", "authGeneration", "tokenLocation", "origin", "heartbeatSeconds",
                           "backoffBaseMs", "backoffCapMs", "backoffMaxAttempts", "wallMode", "theme",
                           "language", "uiScale", "retention", "notifications", "soundCritical", "soundHigh",
                           "soundMedium", "soundRepeatSeconds", "soundVolume", "muteMinutes", "wallScreen",
                           "wallRotationSeconds", "wallCursorHideSeconds", "keepScreenOn", "blankHours",
                           "connectionLocked"])
            to[key] = from[key];
    }
    onAboutToShow: copy(dialog.settings, draft)
    onAccepted: {
        copy(draft, dialog.settings);
        dialog.settings.save();
    }

    ColumnLayout {
        anchors.fill: parent
        TabBar {
            id: tabs
            Layout.fillWidth: true
            TabButton { text: qsTr("Connection") }
            // "&" would mark a keyboard accelerator here ("Alerts _sound").
            TabButton { text: qsTr("Alerts and sound") }
            TabButton { text: qsTr("Appearance") }
            TabButton { text: qsTr("Wall") }
        }
        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

            GridLayout {
                columns: 2
                enabled: !draft.connectionLocked
                Label { text: qsTr("Servers (one per line, failover order)"); Layout.columnSpan: 2 }
                TextArea {
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                    Layout.preferredHeight: 70 * Theme.scale
                    text: draft.servers.join("\n")
                    placeholderText: "https://noc.example.com"
                    Accessible.name: qsTr("Servers")
                    onEditingFinished: draft.servers = text.split("\n").map(s => s.trim()).filter(s => s.length > 0)
                }
                Label { text: qsTr("Sign-in endpoints") }
                ComboBox {
                    Accessible.name: qsTr("Sign-in endpoints")
                    model: ["auto", "v2", "token"]
                    currentIndex: Math.max(0, model.indexOf(draft.authGeneration))
                    onActivated: index => draft.authGeneration = model[index]
                }
                Label { text: qsTr("Origin") }
                TextField {
                    Layout.fillWidth: true
                    text: draft.origin
                    placeholderText: qsTr("default: the server's own")
                    Accessible.name: qsTr("Origin")
                    onEditingFinished: draft.origin = text.trim()
                }
                Label { text: qsTr("Heartbeat (s)") }
                SpinBox {
                    from: 5; to: 300
                    value: draft.heartbeatSeconds
                    editable: true
                    Accessible.name: qsTr("Heartbeat interval in seconds")
                    onValueModified: draft.heartbeatSeconds = value
                }
                Label { text: qsTr("Reconnect: first wait (ms)") }
                SpinBox {
                    from: 100; to: 60000; stepSize: 100
                    value: draft.backoffBaseMs
                    editable: true
                    Accessible.name: qsTr("First reconnect wait in milliseconds")
                    onValueModified: draft.backoffBaseMs = value
                }
                Label { text: qsTr("Reconnect: longest wait (ms)") }
                SpinBox {
                    from: 1000; to: 600000; stepSize: 1000
                    value: draft.backoffCapMs
                    editable: true
                    Accessible.name: qsTr("Longest reconnect wait in milliseconds")
                    onValueModified: draft.backoffCapMs = value
                }
                Label { text: qsTr("Attempts before giving up") }
                SpinBox {
                    from: 1; to: 1000
                    value: draft.backoffMaxAttempts
                    editable: true
                    Accessible.name: qsTr("Attempts before giving up")
                    onValueModified: draft.backoffMaxAttempts = value
                }
                Label {
                    visible: draft.connectionLocked
                    text: qsTr("The demo backend owns the connection settings.")
                    color: Theme.warningText
                    Layout.columnSpan: 2
                }
                Item { Layout.fillHeight: true }
            }

            GridLayout {
                columns: 2
                CheckBox {
                    text: qsTr("Notify about new CRITICAL and HIGH alerts")
                    checked: draft.notifications
                    onToggled: draft.notifications = checked
                    Layout.columnSpan: 2
                }
                CheckBox {
                    text: qsTr("Sound for CRITICAL (repeats until acknowledged or muted)")
                    checked: draft.soundCritical
                    onToggled: draft.soundCritical = checked
                    Layout.columnSpan: 2
                }
                CheckBox {
                    text: qsTr("Sound for HIGH")
                    checked: draft.soundHigh
                    onToggled: draft.soundHigh = checked
                    Layout.columnSpan: 2
                }
                CheckBox {
                    text: qsTr("Sound for MEDIUM")
                    checked: draft.soundMedium
                    onToggled: draft.soundMedium = checked
                    Layout.columnSpan: 2
                }
                Label { text: qsTr("Repeat the CRITICAL sound every (s)") }
                SpinBox {
                    from: 5; to: 600
                    value: draft.soundRepeatSeconds
                    editable: true
                    Accessible.name: qsTr("Repeat interval in seconds")
                    onValueModified: draft.soundRepeatSeconds = value
                }
                Label { text: qsTr("Volume") }
                Slider {
                    from: 0; to: 100; stepSize: 5
                    value: draft.soundVolume
                    Accessible.name: qsTr("Alert sound volume")
                    onMoved: draft.soundVolume = value
                }
                Label {
                    visible: !dialog.soundAvailable
                    text: qsTr("No audio output device on this machine: alerts are silent.")
                    color: Theme.warningText
                    wrapMode: Text.WordWrap
                    Layout.columnSpan: 2
                    Layout.fillWidth: true
                }
                Label { text: qsTr("Mute for (min)") }
                SpinBox {
                    from: 1; to: 480
                    value: draft.muteMinutes
                    editable: true
                    Accessible.name: qsTr("Mute duration in minutes")
                    onValueModified: draft.muteMinutes = value
                }
                Label { text: qsTr("Alerts kept in memory") }
                SpinBox {
                    from: 100; to: 100000; stepSize: 1000
                    value: draft.retention
                    editable: true
                    Accessible.name: qsTr("Alerts kept in memory")
                    onValueModified: draft.retention = value
                }
                Item { Layout.fillHeight: true }
            }

            GridLayout {
                columns: 2
                Label { text: qsTr("Theme") }
                ComboBox {
                    Accessible.name: qsTr("Theme")
                    // What each entry saves. `var`: a JS array; Qt 6.4 has no list<string>.
                    readonly property var values: ["system", "light", "dark"]
                    model: [qsTr("System"), qsTr("Light"), qsTr("Dark")]
                    currentIndex: Math.max(0, values.indexOf(draft.theme))
                    onActivated: index => draft.theme = values[index]
                }
                Label { text: qsTr("Language") }
                ComboBox {
                    Accessible.name: qsTr("Language")
                    // What each entry saves. `var`: a JS array; Qt 6.4 has no list<string>.
                    readonly property var values: ["", "en", "de"]
                    model: [qsTr("System"), "English", "Deutsch"]
                    currentIndex: Math.max(0, values.indexOf(draft.language))
                    onActivated: index => draft.language = values[index]
                }
                Label { text: qsTr("Scale") }
                RowLayout {
                    Slider {
                        id: scaleSlider
                        from: 1.0; to: 2.0; stepSize: 0.25
                        snapMode: Slider.SnapAlways
                        value: draft.uiScale
                        Accessible.name: qsTr("Interface scale")
                        onMoved: draft.uiScale = value
                    }
                    Label { text: Math.round(scaleSlider.value * 100) + " %" }
                }
                Item { Layout.fillHeight: true }
            }

            GridLayout {
                columns: 2
                CheckBox {
                    text: qsTr("Wall mode: full screen, no dialogs, never stop reconnecting")
                    checked: draft.wallMode
                    onToggled: draft.wallMode = checked
                    Layout.columnSpan: 2
                }
                Label { text: qsTr("Screen") }
                SpinBox {
                    from: -1; to: 16
                    value: draft.wallScreen
                    Accessible.name: qsTr("Screen number, -1 for the primary screen")
                    textFromValue: value => value < 0 ? qsTr("primary") : String(value)
                    onValueModified: draft.wallScreen = value
                }
                Label { text: qsTr("Rotate views every (s, 0 = never)") }
                SpinBox {
                    from: 0; to: 3600
                    value: draft.wallRotationSeconds
                    editable: true
                    Accessible.name: qsTr("Rotation interval in seconds")
                    onValueModified: draft.wallRotationSeconds = value
                }
                Label { text: qsTr("Hide the cursor after (s)") }
                SpinBox {
                    from: 1; to: 600
                    value: draft.wallCursorHideSeconds
                    editable: true
                    Accessible.name: qsTr("Seconds before the cursor hides")
                    onValueModified: draft.wallCursorHideSeconds = value
                }
                CheckBox {
                    text: qsTr("Keep the display on while the wall shows")
                    checked: draft.keepScreenOn
                    onToggled: draft.keepScreenOn = checked
                    Layout.columnSpan: 2
                }
                Label { text: qsTr("Let it sleep from-to (HH:MM-HH:MM, empty = never)") }
                TextField {
                    text: draft.blankHours
                    enabled: draft.keepScreenOn
                    placeholderText: "23:00-06:00"
                    validator: RegularExpressionValidator { regularExpression: /^$|^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/ }
                    Accessible.name: qsTr("Hours in which the wall's display may sleep")
                    onTextEdited: if (acceptableInput) draft.blankHours = text
                }
                Item { Layout.fillHeight: true }
            }
        }
    }
}
