// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Nocdash.Models

// The alert list with its column titles. Keyboard first: arrows or j/k move, Space selects, Shift
// extends, `a` acknowledges the selection (or the current row), `r` resolves, Shift+A assigns, `e`
// escalates (each asks first), Ctrl+A selects all, the Menu key (or a right click) opens the context
// menu. The current row and the selection follow alerts by key, so inserts and re-sorting never move
// them to another alert.
FocusScope {
    id: table
    required property AlertFilterModel filter
    property bool compact: false
    property int fontSize: Theme.baseFontSize
    property string placeholder: ""
    // The shared clock of the rows' "last 20 s ago".
    property date now: new Date()
    readonly property alias list: list
    readonly property string currentKey: list.currentKey
    // Beside the details pane at 1280 px the message would be 20 characters wide: drop the site
    // column (the pane shows it) and narrow type and state.
    readonly property bool narrow: !compact && width < 1100 * Theme.scale
    // Resolve, assign and escalate need a session (they queue while offline, not while signed out).
    property bool signedIn: true
    readonly property alias contextMenu: contextMenu
    signal acknowledgeRequested(int count)
    // action: AlertActionKind; keys: a JS array of alert keys (the selection or the current row).
    signal actionRequested(int action, var keys)
    // An action asked for where none is possible: why (AlertModel.ActionBlocker, and in words for a notice).
    signal actionBlocked(int blocker, string reason)

    function moveCurrent(delta, extend) {
        if (list.count === 0)
            return;
        const from = list.currentIndex < 0 ? 0 : list.currentIndex;
        const to = Math.max(0, Math.min(list.count - 1, (list.currentIndex < 0 ? -1 : from) + delta));
        list.currentIndex = to;
        if (extend)
            table.filter.selectRange(from, to);
    }

    function clearCurrent() { list.currentIndex = -1; }

    function acknowledge() {
        const asked = table.filter.acknowledgeSelectedOr(list.currentIndex);
        if (asked > 0)
            table.acknowledgeRequested(asked);
        return asked;
    }

    // Why resolve/assign/escalate cannot apply to these keys (AlertModel.ActionBlocker): the model decides.
    function actionBlocker(keys: var): int {
        return table.filter.alerts ? table.filter.alerts.actionBlocker(keys, table.signedIn) : AlertModel.NoRecord;
    }
    function actionBlockerText(blocker: int): string {
        return table.filter.alerts ? table.filter.alerts.actionBlockerText(blocker) : "";
    }

    function requestAction(action: int) {
        const keys = table.filter.selectedKeysOr(list.currentIndex);
        const blocker = table.actionBlocker(keys);
        if (blocker !== AlertModel.ActionAllowed)
            table.actionBlocked(blocker, table.actionBlockerText(blocker));
        else
            table.actionRequested(action, keys);
    }

    function openContextMenu(item: Item, x: real, y: real) {
        contextMenu.keys = table.filter.selectedKeysOr(list.currentIndex);
        contextMenu.popup(item, x, y);
    }

    Menu {
        id: contextMenu
        objectName: "alertContextMenu"
        // What the menu acts on, fixed when it opens. `var`: a JS array of alert keys.
        property var keys: []
        readonly property int blocker: table.actionBlocker(keys)
        readonly property string suffix: keys.length > 1 ? " " + qsTr("(%1 alerts)").arg(keys.length) : ""
        MenuItem {
            text: qsTr("Acknowledge") + contextMenu.suffix + "  (a)"
            enabled: contextMenu.keys.length > 0
            onTriggered: table.acknowledge()
        }
        MenuSeparator {}
        MenuItem {
            objectName: "menuResolve"
            text: qsTr("Resolve…") + contextMenu.suffix + "  (r)"
            enabled: contextMenu.blocker === AlertModel.ActionAllowed
            onTriggered: table.actionRequested(AlertActionKind.Resolve, contextMenu.keys)
        }
        MenuItem {
            objectName: "menuAssign"
            text: qsTr("Assign…") + contextMenu.suffix + "  (" + qsTr("Shift+A") + ")"
            enabled: contextMenu.blocker === AlertModel.ActionAllowed
            onTriggered: table.actionRequested(AlertActionKind.Assign, contextMenu.keys)
        }
        MenuItem {
            objectName: "menuEscalate"
            text: qsTr("Escalate…") + contextMenu.suffix + "  (e)"
            enabled: contextMenu.blocker === AlertModel.ActionAllowed
            onTriggered: table.actionRequested(AlertActionKind.Escalate, contextMenu.keys)
        }
        MenuItem {
            // A disabled item cannot show a tooltip: the reason is a line of its own.
            visible: contextMenu.blocker !== AlertModel.ActionAllowed
            height: visible ? implicitHeight : 0
            enabled: false
            text: table.actionBlockerText(contextMenu.blocker)
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            // Column titles, aligned with AlertRow; a click sorts by that column.
            visible: !table.compact
            Layout.fillWidth: true
            implicitHeight: 26 * Theme.scale
            color: Theme.surfaceRaised
            RowLayout {
                anchors.fill: parent
                anchors.leftMargin: 8 * Theme.scale
                anchors.rightMargin: 8 * Theme.scale
                spacing: 12 * Theme.scale
                Repeater {
                    model: [
                        { title: qsTr("SEVERITY"), width: 84, order: AlertFilterModel.SeverityThenTime },
                        { title: qsTr("TIME"), width: 70, order: AlertFilterModel.Time },
                        { title: qsTr("CLIENT"), width: 80, order: AlertFilterModel.Client },
                        { title: qsTr("TYPE"), width: table.narrow ? 150 : 190, order: AlertFilterModel.Type },
                        { title: qsTr("MESSAGE"), width: -1, order: -1 },
                        { title: qsTr("REPEATS"), width: table.narrow ? 120 : 140, order: AlertFilterModel.Repeats },
                        { title: qsTr("SITE"), width: table.narrow ? 0 : 130, order: -1 },
                        { title: qsTr("STATE"), width: table.narrow ? 120 : 150, order: AlertFilterModel.Status }
                    ]
                    Text {
                        required property var modelData // { title, width, order }: a JS object of the list above
                        readonly property bool sorted: modelData.order === table.filter.sortOrder
                        visible: modelData.width !== 0
                        text: modelData.title + (sorted ? " ▾" : "")
                        color: sorted ? Theme.text : Theme.secondaryText
                        font.pixelSize: Theme.smallFontSize
                        font.bold: true
                        Layout.preferredWidth: modelData.width > 0 ? modelData.width * Theme.scale : -1
                        Layout.fillWidth: modelData.width < 0
                        Accessible.role: modelData.order >= 0 ? Accessible.ColumnHeader : Accessible.StaticText
                        Accessible.name: qsTr("Sort by %1").arg(modelData.title)
                        MouseArea {
                            anchors.fill: parent
                            enabled: parent.modelData.order >= 0
                            cursorShape: enabled ? Qt.PointingHandCursor : Qt.ArrowCursor
                            onClicked: table.filter.sortOrder = parent.modelData.order
                        }
                    }
                }
            }
        }

        ListView {
            id: list
            objectName: "alertList"
            property string currentKey: ""
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: table.filter
            boundsBehavior: Flickable.StopAtBounds
            reuseItems: true
            focus: true
            currentIndex: -1
            highlightFollowsCurrentItem: false
            Accessible.role: Accessible.List
            Accessible.name: qsTr("Alerts")
            ScrollBar.vertical: ScrollBar {}

            onCurrentIndexChanged: currentKey = table.filter.keyAt(currentIndex)

            // Re-sorting (an acknowledged row sinking) keeps the current alert current.
            Connections {
                target: table.filter
                function onLayoutChanged() {
                    if (list.currentKey.length > 0)
                        list.currentIndex = table.filter.rowOfKey(list.currentKey);
                }
                function onModelReset() {
                    list.currentIndex = list.currentKey.length > 0 ? table.filter.rowOfKey(list.currentKey) : -1;
                }
                // The current alert left the list (resolved, filtered out): the one now in its place is
                // current, as in a mail client after a delete. The view moves its index only when it lays
                // out, and not at all when the number stays: follow once it has.
                function onRowsRemoved() {
                    if (list.currentKey.length > 0 && table.filter.rowOfKey(list.currentKey) < 0)
                        Qt.callLater(list.followRemovedCurrent);
                }
            }
            function followRemovedCurrent() {
                if (list.currentKey.length === 0 || table.filter.rowOfKey(list.currentKey) >= 0)
                    return;
                list.forceLayout();
                const index = Math.min(list.currentIndex, list.count - 1);
                if (index !== list.currentIndex)
                    list.currentIndex = index; // its handler sets the key
                else
                    list.currentKey = table.filter.keyAt(index);
            }

            delegate: AlertRow {
                id: rowItem
                width: ListView.view.width
                compact: table.compact
                narrow: table.narrow
                fontSize: table.fontSize
                now: table.now
                current: ListView.isCurrentItem
                // In a storm rows come faster than anyone reads them: no highlight per row then.
                flashes: !(table.filter.alerts && table.filter.alerts.storm)
                onClicked: (rowIndex, modifiers) => {
                    list.forceActiveFocus();
                    if (modifiers & Qt.ShiftModifier)
                        table.filter.selectRange(list.currentIndex < 0 ? rowIndex : list.currentIndex, rowIndex);
                    else if (modifiers & Qt.ControlModifier)
                        table.filter.toggleSelected(rowIndex);
                    list.currentIndex = rowIndex;
                }
                // A right click on a row outside the selection acts on that row alone, as file managers do.
                onContextMenuRequested: (rowIndex, x, y) => {
                    list.forceActiveFocus();
                    if (!rowItem.selected)
                        table.filter.clearSelection();
                    list.currentIndex = rowIndex;
                    table.openContextMenu(rowItem, x, y);
                }
            }

            Keys.onPressed: event => {
                const shift = (event.modifiers & Qt.ShiftModifier) !== 0;
                const ctrl = (event.modifiers & Qt.ControlModifier) !== 0;
                if (event.key === Qt.Key_Down || (event.key === Qt.Key_J && !ctrl)) {
                    table.moveCurrent(1, shift);
                } else if (event.key === Qt.Key_Up || (event.key === Qt.Key_K && !ctrl)) {
                    table.moveCurrent(-1, shift);
                } else if (event.key === Qt.Key_PageDown) {
                    table.moveCurrent(Math.max(1, Math.floor(list.height / Theme.rowHeight) - 1), shift);
                } else if (event.key === Qt.Key_PageUp) {
                    table.moveCurrent(-Math.max(1, Math.floor(list.height / Theme.rowHeight) - 1), shift);
                } else if (event.key === Qt.Key_Home) {
                    table.moveCurrent(-list.count, shift);
                } else if (event.key === Qt.Key_End) {
                    table.moveCurrent(list.count, shift);
                } else if (event.key === Qt.Key_Space) {
                    table.filter.toggleSelected(list.currentIndex);
                } else if (event.key === Qt.Key_A && ctrl) {
                    table.filter.selectAll();
                } else if (event.key === Qt.Key_A && shift) {
                    table.requestAction(AlertActionKind.Assign);
                } else if (event.key === Qt.Key_A) {
                    table.acknowledge();
                } else if (event.key === Qt.Key_R && !ctrl && !shift) {
                    table.requestAction(AlertActionKind.Resolve);
                } else if (event.key === Qt.Key_E && !ctrl && !shift) {
                    table.requestAction(AlertActionKind.Escalate);
                } else if (event.key === Qt.Key_Menu) {
                    const item = list.currentItem;
                    if (item)
                        table.openContextMenu(item, 40 * Theme.scale, item.height);
                } else {
                    return;
                }
                event.accepted = true;
            }

            Text {
                anchors.centerIn: parent
                visible: list.count === 0
                text: table.placeholder
                color: Theme.secondaryText
                font.pixelSize: table.fontSize + 3
            }
        }
    }
}
