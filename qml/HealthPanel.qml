// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// One card per channel: state, round trips, uptime, reconnects, traffic and a 0-100 score.
Rectangle {
    id: panel
    required property NocClient client
    property int fontSize: Theme.baseFontSize
    property date now: new Date()
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Connection health")

    ConnectionHealthModel {
        id: health
        client: panel.client
        active: panel.visible
    }

    function stateName(state: int): string {
        switch (state) {
        case ChannelState.Closed: return qsTr("closed");
        case ChannelState.Connecting: return qsTr("connecting");
        case ChannelState.Open: return qsTr("open");
        }
        return "";
    }
    function ms(value: int): string {
        return value < 0 ? "—" : qsTr("%1 ms").arg(value);
    }
    function duration(seconds: real): string {
        if (seconds < 60)
            return qsTr("%1 s").arg(seconds);
        if (seconds < 3600)
            return qsTr("%1 min").arg(Math.floor(seconds / 60));
        return qsTr("%1 h %2 min").arg(Math.floor(seconds / 3600)).arg(Math.floor(seconds % 3600 / 60));
    }

    Flow {
        anchors.fill: parent
        anchors.margins: 16 * Theme.scale
        spacing: 16 * Theme.scale

        Repeater {
            model: health
            delegate: Rectangle {
                id: card
                objectName: "healthCard"
                required property string name
                required property string path
                required property int channelState
                required property date stateSince
                required property int rttLastMs
                required property int rttP50Ms
                required property int rttP95Ms
                // The 64-bit counters as double: exact up to 2^53, where int would wrap at 2^31.
                required property double uptimeSeconds
                required property int reconnects
                required property double framesIn
                required property double framesOut
                required property int errors
                required property double lastInboundAgeMs
                required property int score
                required property bool stale

                // As wide as its figures need: German labels ("Zuletzt empfangen") ran out of a fixed width.
                width: Math.max(380 * Theme.scale, grid.implicitWidth + 24 * Theme.scale)
                height: grid.implicitHeight + pathText.implicitHeight + 66 * Theme.scale
                radius: 6
                color: Theme.surface
                border.width: 2
                border.color: channelState === ChannelState.Open && !stale ? Theme.live
                              : (channelState === ChannelState.Connecting ? Theme.warning : Theme.lost)
                Accessible.role: Accessible.Grouping
                Accessible.name: qsTr("%1 channel: %2, score %3").arg(name).arg(panel.stateName(channelState)).arg(score)

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 12 * Theme.scale
                    spacing: 6 * Theme.scale
                    RowLayout {
                        Text {
                            text: card.name
                            color: Theme.text
                            font.pixelSize: panel.fontSize + 2
                            font.bold: true
                            Layout.fillWidth: true
                            elide: Text.ElideRight
                        }
                        Text {
                            text: qsTr("score %1").arg(card.score)
                            color: card.score >= 80 ? Theme.live : (card.score >= 40 ? Theme.warning : Theme.lost)
                            font.pixelSize: panel.fontSize + 2
                            font.bold: true
                        }
                    }
                    Text {
                        // On its own line: next to a translated score it was cut ("/ws/noc/das…").
                        id: pathText
                        text: card.path
                        color: Theme.secondaryText
                        font.pixelSize: panel.fontSize
                        font.family: Theme.monoFamily
                        Layout.fillWidth: true
                        elide: Text.ElideMiddle
                    }
                    GridLayout {
                        id: grid
                        columns: 4
                        columnSpacing: 12 * Theme.scale
                        rowSpacing: 2 * Theme.scale
                        Repeater {
                            model: [
                                qsTr("State"), panel.stateName(card.channelState) + (card.stale ? " · " + qsTr("stale") : ""),
                                qsTr("Since"), Qt.formatTime(card.stateSince, "hh:mm:ss"),
                                qsTr("RTT"), panel.ms(card.rttLastMs),
                                qsTr("p50 / p95"), panel.ms(card.rttP50Ms) + " / " + panel.ms(card.rttP95Ms),
                                qsTr("Uptime"), panel.duration(card.uptimeSeconds),
                                qsTr("Reconnects"), String(card.reconnects),
                                qsTr("Frames in"), String(card.framesIn),
                                qsTr("Frames out"), String(card.framesOut),
                                qsTr("Errors"), String(card.errors),
                                qsTr("Last inbound"), card.lastInboundAgeMs < 0 ? "—" : panel.duration(Math.floor(card.lastInboundAgeMs / 1000))
                            ]
                            Text {
                                required property string modelData
                                required property int index
                                text: modelData
                                color: index % 2 === 0 ? Theme.secondaryText : Theme.text
                                font.pixelSize: panel.fontSize
                            }
                        }
                    }
                }
            }
        }
    }
}
