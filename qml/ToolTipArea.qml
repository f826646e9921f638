// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls

// Hover text for a plain Text item; nothing when there is nothing to say.
MouseArea {
    property string text
    anchors.fill: parent
    hoverEnabled: text.length > 0
    acceptedButtons: Qt.NoButton
    ToolTip.visible: containsMouse && text.length > 0
    ToolTip.text: text
    ToolTip.delay: 400
}
