// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// The last frames in and out, redacted by the engine, like a browser's network tab: for the operator
// who has to tell the server team what the server said.
Rectangle {
    id: panel
    required property NocClient client
    // Frames are collected (and redacted by the engine) only while the tab is shown.
    property bool active: true
    property string rendererSummary: ""
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Diagnostics")

    FrameLogModel {
        id: frames
        client: panel.client
        active: panel.active
    }

    HealthFiguresView {
        id: health
        client: panel.client
        active: panel.active
    }

    function uptimeText(seconds) {
        const days = Math.floor(seconds / 86400);
        const clock = [Math.floor(seconds / 3600) % 24, Math.floor(seconds / 60) % 60, seconds % 60]
                .map(n => String(n).padStart(2, "0")).join(":");
        return days > 0 ? qsTr("%n day(s) %1", "", days).arg(clock) : clock;
    }

    // QML has no clipboard API; a hidden TextEdit does the copying.
    TextEdit {
        id: clipboard
        visible: false
    }

    // What the developer tools last heard, in words.
    property string toolResult: ""

    Connections {
        target: panel.client
        function onPongReceived(roundTripMs) { panel.toolResult = qsTr("Pong after %1 ms").arg(roundTripMs); }
        function onStatsReceived(stats) { panel.toolResult = qsTr("Server stats: %1").arg(JSON.stringify(stats)); }
        function onMetricsReceived(clientId, metrics) {
            panel.toolResult = qsTr("Metrics of %1: %2").arg(clientId).arg(JSON.stringify(metrics));
        }
        function onServerErrorReceived(message) { panel.toolResult = qsTr("Server error: %1").arg(message); }
    }

    Dialog {
        id: confirmRaw
        objectName: "confirmRawFrame"
        title: qsTr("Send this frame to the server?")
        modal: true
        anchors.centerIn: parent
        standardButtons: Dialog.Ok | Dialog.Cancel
        Label {
            text: rawFrame.text
            wrapMode: Text.WrapAnywhere
            width: 420 * Theme.scale
        }
        onAccepted: panel.toolResult = panel.client.sendRawFrame(rawFrame.text)
                    ? qsTr("Frame sent") : qsTr("Not sent: not a JSON object, or no live connection")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8 * Theme.scale
        // Developer tools, like the SDK's test page: on the real session, every frame through the pacer.
        RowLayout {
            objectName: "developerTools"
            Button {
                text: qsTr("Reconnect now")
                onClicked: panel.client.reconnectNow()
            }
            Button {
                text: qsTr("Ping")
                onClicked: if (!panel.client.ping()) panel.toolResult = qsTr("Presence is not connected")
            }
            Button {
                text: qsTr("Server stats")
                onClicked: if (!panel.client.requestStats()) panel.toolResult = qsTr("Presence is not connected")
            }
            TextField {
                id: metricsClient
                placeholderText: qsTr("Client id")
                Accessible.name: qsTr("Client id for metrics")
                Layout.preferredWidth: 120 * Theme.scale
            }
            Button {
                text: qsTr("Metrics")
                enabled: metricsClient.text.trim().length > 0
                onClicked: panel.client.requestMetrics(metricsClient.text.trim())
            }
            TextField {
                id: rawFrame
                placeholderText: qsTr("Test frame, e.g. {\"type\": \"ping\"}")
                Accessible.name: qsTr("Test frame to send")
                Layout.fillWidth: true
            }
            Button {
                text: qsTr("Send…")
                enabled: rawFrame.text.trim().length > 0
                onClicked: confirmRaw.open()
            }
        }
        Text {
            visible: panel.toolResult.length > 0
            text: panel.toolResult
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }
        Text {
            visible: panel.rendererSummary.length > 0
            text: qsTr("Renderer: %1").arg(panel.rendererSummary)
            color: Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
        }
        // The same figures as the hourly nocdash.health line, for the period that line will cover.
        Text {
            objectName: "healthFigures"
            readonly property string since: Qt.formatTime(health.periodStart, Qt.locale().timeFormat(Locale.ShortFormat))
            text: [qsTr("Up %1").arg(panel.uptimeText(health.uptimeSeconds)),
                   health.pssMiB < 0 ? qsTr("memory unknown") : qsTr("memory %1 MiB").arg(health.pssMiB.toFixed(1)),
                   health.cpuPercent < 0 ? qsTr("CPU unknown") : qsTr("CPU %1 % since %2").arg(health.cpuPercent.toFixed(2)).arg(since),
                   qsTr("%n reconnect(s)", "", health.reconnects) + " " + qsTr("(%1 in all)").arg(health.reconnectsTotal),
                   qsTr("%n token renewal(s)", "", health.tokenRenewals),
                   qsTr("%n REST call(s)", "", health.restCalls),
                   health.longestStaleSeconds > 0
                       ? qsTr("longest stale spell %1 s at %2: %3").arg(health.longestStaleSeconds)
                             .arg(Qt.formatTime(health.longestStaleAt, Qt.locale().timeFormat(Locale.ShortFormat)))
                             .arg(health.longestStaleCause)
                       : qsTr("never stale")].join(" · ")
            color: Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
            Accessible.role: Accessible.StaticText
            Accessible.name: qsTr("Session health: %1").arg(text)
        }
        RowLayout {
            Text {
                text: qsTr("%1 frames shown · %2 seen").arg(frames.count).arg(frames.totalFrames)
                color: Theme.secondaryText
                font.pixelSize: Theme.baseFontSize
                Layout.fillWidth: true
            }
            Button {
                text: frames.paused ? qsTr("Resume") : qsTr("Pause")
                onClicked: frames.paused = !frames.paused
            }
            Button {
                text: qsTr("Copy")
                onClicked: {
                    clipboard.text = frames.toText();
                    clipboard.selectAll();
                    clipboard.copy();
                }
            }
            Button {
                text: qsTr("Clear")
                onClicked: frames.clear()
            }
        }
        ListView {
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: frames
            reuseItems: true
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Frames")
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: frame
                required property int index
                required property int direction // FrameDirection
                required property string channel
                required property date at
                required property string text
                width: ListView.view.width
                height: body.implicitHeight + 6
                color: index % 2 === 0 ? Theme.surface : Theme.background
                Text {
                    id: body
                    anchors.verticalCenter: parent.verticalCenter
                    x: 8
                    width: parent.width - 16
                    elide: Text.ElideRight
                    maximumLineCount: 2
                    wrapMode: Text.WrapAnywhere
                    textFormat: Text.PlainText
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.smallFontSize
                    color: frame.direction === FrameDirection.In ? Theme.text : Theme.accent
                    text: Qt.formatTime(frame.at, "hh:mm:ss.zzz") + (frame.direction === FrameDirection.In ? " ← " : " → ")
                          + frame.channel + "  " + frame.text
                }
            }
            Text {
                anchors.centerIn: parent
                visible: frames.count === 0
                text: qsTr("No frames recorded yet.")
                color: Theme.secondaryText
                font.pixelSize: Theme.baseFontSize
            }
        }
    }
}
