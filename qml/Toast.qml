// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import Nocdash.Models

// Where there is no system tray, notifications appear here (in a window of their own, see Main.qml):
// never modal, gone by themselves after a while.
Rectangle {
    id: toast
    property string title: ""
    property string body: ""
    property int severity: Severity.Unknown
    property int timeoutMs: 8000

    function show(newTitle: string, newBody: string, newSeverity: int) {
        title = newTitle;
        body = newBody;
        severity = newSeverity;
        visible = true;
        hideTimer.restart();
    }

    visible: false
    implicitHeight: column.implicitHeight + 20 * Theme.scale
    radius: 6
    color: Theme.surfaceRaised
    border.width: 3
    border.color: Theme.severityColors[severity] ?? Theme.warning
    Accessible.role: Accessible.AlertMessage
    Accessible.name: title + ". " + body

    Timer {
        id: hideTimer
        interval: toast.timeoutMs
        onTriggered: toast.visible = false
    }
    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: 10 * Theme.scale
        Text {
            text: toast.title
            color: Theme.text
            font.pixelSize: Theme.baseFontSize + 1
            font.bold: true
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
        Text {
            text: toast.body
            color: Theme.text
            font.pixelSize: Theme.baseFontSize
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            maximumLineCount: 4
            elide: Text.ElideRight
        }
    }
    MouseArea {
        anchors.fill: parent
        onClicked: toast.visible = false
    }
}
