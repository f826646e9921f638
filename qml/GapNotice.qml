// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// After the feed came back: the server does not replay what it pushed meanwhile, so say which stretch
// of time the list cannot show. Stays until the operator has read it (desktop) or for a while (wall).
Rectangle {
    id: notice
    required property NocClient client
    property bool large: false
    // Wall screens have nobody to dismiss it: it goes by itself after this long.
    property int autoHideMs: 0
    property int dismissedGaps: 0
    // The reconnect after the operator's own resolve/assign/escalate (current servers drop every socket
    // then) is no news once the records show nothing was missed; it still is where they cannot.
    readonly property bool ownActionCovered: client.lastGapOwnAction
        && (client.lastBackfillCount === 0 || client.historyState === NocClient.Loading)
    readonly property bool pending: client.feedGaps > dismissedGaps && !ownActionCovered

    visible: pending
    implicitHeight: visible ? row.implicitHeight + (large ? 20 : 10) * Theme.scale : 0
    color: Theme.surfaceRaised
    border.color: Theme.warning
    border.width: 1
    Accessible.role: Accessible.AlertMessage
    Accessible.name: text.text

    function dismiss() { dismissedGaps = client.feedGaps; }

    Timer {
        running: notice.pending && notice.autoHideMs > 0
        interval: notice.autoHideMs
        onTriggered: notice.dismiss()
    }

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 10 * Theme.scale
        anchors.rightMargin: 10 * Theme.scale
        spacing: 10 * Theme.scale
        Text {
            id: text
            objectName: "gapText"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: Theme.text
            font.pixelSize: notice.large ? Theme.baseFontSize + 4 : Theme.baseFontSize
            text: {
                const from = notice.client.lastGapFrom;
                const to = notice.client.lastGapTo;
                if (!from || !to || isNaN(from.getTime()) || isNaN(to.getTime()))
                    return "";
                const stretch = [Qt.formatTime(from, "hh:mm:ss"), Qt.formatTime(to, "hh:mm:ss"),
                                 Theme.span(to.getTime() - from.getTime())];
                const loaded = notice.client.lastBackfillCount;
                if (loaded >= 0)
                    return "↻ " + qsTr("No feed from %1 to %2 (%3): %4 alerts raised meanwhile were loaded from the server.")
                        .arg(stretch[0]).arg(stretch[1]).arg(stretch[2]).arg(loaded);
                if (notice.client.historyState === NocClient.Loading)
                    return "↻ " + qsTr("No feed from %1 to %2 (%3): loading what was raised meanwhile…")
                        .arg(stretch[0]).arg(stretch[1]).arg(stretch[2]);
                return "⚠ " + qsTr("No feed from %1 to %2 (%3): alerts raised meanwhile are not replayed by the server. Check the NOC console for that time.")
                    .arg(stretch[0]).arg(stretch[1]).arg(stretch[2]);
            }
        }
        Button {
            visible: !notice.large
            objectName: "dismissGap"
            text: qsTr("Got it")
            font.pixelSize: Theme.baseFontSize
            onClicked: notice.dismiss()
        }
    }
}
