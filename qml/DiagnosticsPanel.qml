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

    // QML has no clipboard API; a hidden TextEdit does the copying.
    TextEdit {
        id: clipboard
        visible: false
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 8 * Theme.scale
        Text {
            visible: panel.rendererSummary.length > 0
            text: qsTr("Renderer: %1").arg(panel.rendererSummary)
            color: Theme.secondaryText
            font.pixelSize: Theme.baseFontSize
            wrapMode: Text.Wrap
            textFormat: Text.PlainText
            Layout.fillWidth: true
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
                required property string direction
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
                    color: frame.direction === "in" ? Theme.text : Theme.accent
                    text: Qt.formatTime(frame.at, "hh:mm:ss.zzz") + (frame.direction === "in" ? " ← " : " → ")
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
