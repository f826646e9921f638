// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

ApplicationWindow {
    id: window
    required property NocClient client
    // The application hands in the loaded settings; tests and previews get defaults.
    property DashboardSettings settings: DashboardSettings {}
    property string backendLabel: ""
    // How often a stream of alerts may change the view ([ui] and [wall] updatesPerSecond); an urgent
    // alert shows at once regardless.
    property int desktopUpdatesPerSecond: 10
    property int wallUpdatesPerSecond: 3
    // Which Qt Quick renderer draws this window, and why (for Diagnostics).
    property string rendererSummary: ""
    // Sounds and their mute live in the desktop's notifier (the application's Dashboard.qml binds it
    // here); without one (tests, previews) there is nothing to mute.
    property bool soundControls: false
    property bool muted: false
    property date mutedUntil
    property bool soundAvailable: true
    signal muteRequested(int minutes)
    signal unmuteRequested()
    readonly property bool wallMode: settings.wallMode
    readonly property alias alertModel: alertStore
    readonly property Item alertList: content.item ? content.item.list : null
    readonly property alias currentView: content.item

    // One shared clock for every "3 min ago": relative times move at most every 10 s.
    property date now: new Date()
    Timer {
        interval: 10000
        running: true
        repeat: true
        onTriggered: window.now = new Date()
    }

    width: 1280
    height: 760
    visible: true
    title: window.client.serverName.length > 0 ? qsTr("nocdash — %1").arg(window.client.serverName) : "nocdash"
    color: Theme.background
    // The controls (tabs, fields, combo boxes, menus, dialogs) follow the theme too, not only our own
    // items: a dark dashboard with light tab bars and dialogs glares on a night shift.
    palette {
        window: Theme.background
        windowText: Theme.text
        base: Theme.surface
        alternateBase: Theme.surfaceRaised
        text: Theme.text
        button: Theme.surfaceRaised
        buttonText: Theme.text
        brightText: Theme.text
        highlight: Theme.accent
        highlightedText: Theme.dark ? "#0B0C0E" : "#FFFFFF"
        placeholderText: Theme.secondaryText
        toolTipBase: Theme.surfaceRaised
        toolTipText: Theme.text
        light: Theme.dark ? "#3a4048" : "#FFFFFF"
        midlight: Theme.dark ? "#30353d" : "#F0F1F3"
        mid: Theme.divider
        dark: Theme.dark ? "#0B0C0E" : "#BDBDBD"
        shadow: Theme.dark ? "#000000" : "#9E9E9E"
    }

    Binding { target: Theme; property: "dark"; value: window.settings.effectiveDark }
    Binding { target: Theme; property: "wall"; value: window.wallMode }
    // A wall is read from across the room: type follows the screen's height (2x at 1080p).
    Binding { target: Theme; property: "scale"; value: window.wallMode ? Math.max(1.0, window.height / 540) : window.settings.uiScale }

    AlertModel {
        id: alertStore
        client: window.client
        maxAlerts: window.settings.retention
        coalesceIntervalMs: Math.round(1000 / Math.max(1, window.wallMode ? window.wallUpdatesPerSecond
                                                                          : window.desktopUpdatesPerSecond))
    }

    // The server refused a resolve, assign or escalate (the row says it too), or one was asked for
    // where none is possible.
    Connections {
        target: alertStore
        function onActionRefused(message) { window.showToast(qsTr("Action refused"), message, Severity.High); }
    }
    Connections {
        target: content.item
        ignoreUnknownSignals: true // the wall has nothing to act on
        function onNotice(message) { window.showToast(qsTr("Not possible"), message, Severity.Info); }
    }

    header: Rectangle {
        visible: !window.wallMode
        implicitHeight: visible ? headerRow.implicitHeight + 20 * Theme.scale : 0
        color: Theme.surface

        RowLayout {
            id: headerRow
            anchors.fill: parent
            anchors.margins: 10 * Theme.scale
            spacing: 8 * Theme.scale

            Text {
                text: "nocdash"
                color: Theme.text
                font.pixelSize: Theme.titleFontSize
                font.bold: true
                Layout.rightMargin: 12 * Theme.scale
            }
            Repeater {
                model: Theme.severitiesMostUrgentFirst
                SeverityCounter {
                    required property int modelData
                    severity: modelData
                    value: alertStore.unacknowledgedBySeverity[modelData] ?? 0
                    checked: window.currentView && window.currentView.filter
                             ? window.currentView.filter.severities.indexOf(modelData) >= 0 : false
                    onClicked: if (window.currentView && window.currentView.filter) window.currentView.filter.toggleSeverity(modelData)
                }
            }
            Text {
                // Short, so it keeps its place beside five three-digit counters; the sentence is in the
                // tooltip and for screen readers.
                visible: alertStore.storm
                text: "⚡ " + qsTr("%1/min").arg(alertStore.receivedLastMinute)
                color: Theme.warningText
                font.pixelSize: Theme.baseFontSize
                font.bold: true
                Accessible.role: Accessible.StaticText
                Accessible.name: qsTr("%1 new in the last minute").arg(alertStore.receivedLastMinute)
                ToolTipArea { text: parent.Accessible.name }
            }
            // Who and where gives way first when the header runs out of room (a storm's counter, a long
            // host name): the freshness pill and the menu never leave the screen.
            Text {
                text: window.client.username.length > 0 ? window.client.username + "@" + window.client.serverName : window.client.serverName
                color: Theme.secondaryText
                font.pixelSize: Theme.baseFontSize
                horizontalAlignment: Text.AlignRight
                elide: Text.ElideLeft
                Layout.fillWidth: true
                Layout.minimumWidth: 0
            }
            ToolButton {
                visible: window.soundControls
                text: window.muted
                      ? qsTr("♪ muted until %1").arg(Qt.formatTime(window.mutedUntil, "hh:mm")) : qsTr("♪ Mute")
                font.pixelSize: Theme.smallFontSize
                palette.buttonText: Theme.text
                Accessible.name: window.muted ? qsTr("Unmute sounds") : qsTr("Mute sounds")
                onClicked: window.toggleMute()
            }
            ConnectionPill {
                client: window.client
                now: window.now
            }
            ToolButton {
                text: "☰"
                font.pixelSize: Theme.titleFontSize
                palette.buttonText: Theme.text
                Accessible.name: qsTr("Menu")
                onClicked: menu.open()
                Menu {
                    id: menu
                    y: parent.height
                    MenuItem { text: qsTr("Sign in…"); onTriggered: login.open() }
                    MenuItem {
                        text: qsTr("Sign out")
                        enabled: window.client.state !== NocClient.LoggedOut
                        onTriggered: window.client.signOut()
                    }
                    MenuItem {
                        text: qsTr("Retry now")
                        enabled: window.client.canRetry
                        onTriggered: window.client.retryNow()
                    }
                    MenuSeparator {}
                    MenuItem { text: qsTr("Settings… (Ctrl+,)"); onTriggered: settingsDialog.open() }
                    MenuItem { text: qsTr("Wall mode"); onTriggered: window.settings.wallMode = true }
                    MenuItem { text: qsTr("Keyboard shortcuts (?)"); onTriggered: shortcuts.open() }
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StaleBanner {
            visible: stale && graceOver && !window.wallMode
            Layout.fillWidth: true
            client: window.client
            stale: window.client.stale
        }

        Loader {
            id: content
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: window.wallMode ? wallComponent : desktopComponent
        }

        Rectangle {
            visible: !window.wallMode
            Layout.fillWidth: true
            implicitHeight: visible ? 26 * Theme.scale : 0
            color: Theme.surface
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 10 * Theme.scale
                anchors.rightMargin: 10 * Theme.scale
                Text {
                    text: qsTr("%1 alerts shown · %2 received · subscribed to %3")
                        .arg(window.alertList ? window.alertList.count : 0).arg(alertStore.totalReceived)
                        .arg(window.client.subscriptions.join(", "))
                    color: Theme.secondaryText
                    font.pixelSize: Theme.smallFontSize
                    Layout.fillWidth: true
                    elide: Text.ElideRight
                }
                Text {
                    // Another nocdash or nocctl owns the outbox file: acks of this window are not kept.
                    objectName: "outboxNote"
                    visible: window.client.outboxSharedNote.length > 0
                    text: "⚠ " + qsTr("Acknowledgements not kept on disk")
                    color: Theme.warningText
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                    ToolTipArea { text: window.client.outboxSharedNote }
                }
                Text {
                    visible: window.backendLabel.length > 0
                    text: window.backendLabel
                    color: Theme.warningText
                    font.pixelSize: Theme.smallFontSize
                    font.bold: true
                }
            }
        }
    }

    Component {
        id: desktopComponent
        DesktopView {
            client: window.client
            alerts: alertStore
            settings: window.settings
            now: window.now
            rendererSummary: window.rendererSummary
        }
    }
    Component {
        id: wallComponent
        WallView {
            client: window.client
            alerts: alertStore
            settings: window.settings
            now: window.now
        }
    }

    function toggleMute() {
        if (!window.soundControls)
            return;
        if (window.muted)
            window.unmuteRequested();
        else
            window.muteRequested(window.settings.muteMinutes);
    }

    // Desktop shortcuts; a wall screen has no keyboard user to serve and nothing to open.
    Shortcut { sequence: "/"; enabled: !window.wallMode; onActivated: content.item.focusSearch() }
    Shortcut {
        sequence: "Esc"
        enabled: !window.wallMode
        onActivated: content.item.clearSearchAndSelection()
    }
    Shortcut { sequence: "?"; enabled: !window.wallMode; onActivated: shortcuts.open() }
    Shortcut { sequence: "Ctrl+M"; onActivated: window.toggleMute() }
    Shortcut { sequence: "Ctrl+,"; enabled: !window.wallMode; onActivated: settingsDialog.open() }
    Shortcut { sequence: "F11"; onActivated: window.settings.wallMode = !window.settings.wallMode }
    Repeater {
        model: 6
        Item {
            required property int index
            Shortcut {
                sequence: String(index + 1)
                enabled: !window.wallMode
                onActivated: content.item.currentTab = index
            }
        }
    }

    LoginDialog {
        id: login
        objectName: "loginDialog"
        client: window.client
        settings: window.settings
    }
    // Never a modal dialog on a wall: there the banner says that a sign-in is needed.
    Connections {
        target: window.client
        function onStateChanged() {
            if (window.client.needsCredentials && !window.wallMode && !login.visible)
                login.open();
        }
    }
    onWallModeChanged: if (wallMode) { login.close(); settingsDialog.close(); shortcuts.close(); toast.visible = false; }

    SettingsDialog {
        id: settingsDialog
        settings: window.settings
        client: window.client
        soundAvailable: window.soundAvailable
    }
    ShortcutsDialog {
        id: shortcuts
    }

    // Without a system tray, notifications get a small window of their own: on top, never taking focus,
    // visible even when the dashboard is behind other windows or minimised; gone by itself.
    Window {
        id: toastWindow
        flags: Qt.Tool | Qt.FramelessWindowHint | Qt.WindowStaysOnTopHint | Qt.WindowDoesNotAcceptFocus
        visible: toast.visible
        width: toast.width
        height: toast.implicitHeight
        color: "transparent"
        title: qsTr("nocdash notification")
        screen: window.screen
        x: window.screen ? window.screen.virtualX + window.screen.width - width - 24 : 0
        y: window.screen ? window.screen.virtualY + window.screen.height - height - 48 : 0

        Toast {
            id: toast
            objectName: "toast"
            width: Math.min(460 * Theme.scale, window.screen ? window.screen.width - 48 : 460)
            height: implicitHeight
        }
    }
    // A notification where there is no system tray. A wall shows everything in its list already;
    // nothing may cover it.
    function showToast(title: string, body: string, severity: int) {
        if (!window.wallMode)
            toast.show(title, body, severity);
    }
}
