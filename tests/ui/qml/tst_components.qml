// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Nocdash.Models
import Nocdash.Ui

Item {
    id: root
    width: 1000
    height: 400

    AlertModel {
        id: alerts
        coalesceIntervalMs: 0
    }
    AlertFilterModel {
        id: filter
        alerts: alerts
    }
    AlertTable {
        id: table
        anchors.fill: parent
        filter: filter
        focus: true
    }
    SeverityBadge {
        id: badge
        severity: Severity.Critical
    }
    ChartsPanel {
        id: charts
        width: 400
        height: 300
        client: testClient
        alerts: alerts
        active: false
    }
    StaleBanner {
        id: banner
        width: 600
        client: testClient
        stale: true
        graceMs: 10
    }

    function textOf(item) {
        let found = [];
        function walk(node) {
            if (node.text !== undefined && typeof node.text === "string")
                found.push(node.text);
            for (let i = 0; i < node.children.length; ++i)
                walk(node.children[i]);
        }
        walk(item);
        return found.join("|");
    }

    SignalSpy {
        id: actionSpy
        target: table
        signalName: "actionRequested"
    }
    SignalSpy {
        id: blockedSpy
        target: table
        signalName: "actionBlocked"
    }

    TestCase {
        name: "Components"
        when: windowShown

        function init() {
            filter.clearSelection();
            filter.clearFilters();
            alerts.clear();
            table.list.currentIndex = -1;
        }

        function test_chartAxesEndOnRoundNumbers() {
            compare(charts.niceMax(0, 5), 8); // ticks 0 2 4 6 8
            compare(charts.niceMax(4.8, 10), 20);
            compare(charts.niceMax(68 * 1.1, 5), 80); // not 75 with ticks at 18.75 and 37.5
            compare(charts.niceMax(450, 10), 800);
            for (const value of [3, 17, 99, 1234]) {
                const top = charts.niceMax(value, 1);
                verify(top >= value && top % 4 === 0, value + " -> " + top);
            }
        }

        // Theme looks severities up by name: every one has a colour, text colour, glyph and words.
        function test_everySeverityHasItsLooks() {
            const all = [Severity.Unknown, Severity.Info, Severity.Low, Severity.Medium, Severity.High,
                         Severity.Critical];
            for (const severity of all) {
                verify(severity !== undefined);
                for (const looks of [Theme.severityColors, Theme.severityTextColors, Theme.severityGlyphs,
                                     Theme.severityShortNames, Theme.severityNames])
                    verify(typeof looks[severity] === "string" && looks[severity].length > 0, severity);
            }
            compare(Theme.severityNames[Severity.High], "High");
            compare(Theme.severitiesMostUrgentFirst, all.slice(1).reverse());
        }

        function test_badgeIsColourGlyphAndWord() {
            const text = root.textOf(badge);
            verify(text.indexOf("‼") >= 0, text);
            verify(text.indexOf("CRIT") >= 0, text);
            compare(badge.Accessible.name, "Critical");
        }

        function test_keyboardMovesSelectsAndAcknowledges() {
            feed.add(alerts, 1, Severity.Low, "acme", "ticket");
            feed.add(alerts, 2, Severity.Critical, "acme", "ticket");
            feed.add(alerts, 3, Severity.Medium, "acme", "ticket");
            compare(table.list.count, 3);
            table.list.forceActiveFocus();
            keyClick(Qt.Key_J);
            compare(table.list.currentIndex, 0);
            compare(table.currentKey, "ticket:2"); // CRITICAL first
            keyClick(Qt.Key_J);
            compare(table.currentKey, "ticket:3");
            keyClick(Qt.Key_K);
            compare(table.currentKey, "ticket:2");
            keyClick(Qt.Key_Space);
            keyClick(Qt.Key_Down, Qt.ShiftModifier);
            compare(filter.selectedCount, 2);
            keyClick(Qt.Key_A);
            // Tickets cannot be acknowledged on the wire: they are marked as seen at once.
            compare(alerts.unacknowledgedCount, 1);
            compare(alerts.get("ticket:2").ackState, AlertModel.Acknowledged);
        }

        function test_currentAlertSurvivesInsertsAndResorting() {
            feed.add(alerts, 10, Severity.Medium, "acme", "ticket");
            feed.add(alerts, 11, Severity.Low, "acme", "ticket");
            table.list.forceActiveFocus();
            table.list.currentIndex = 1;
            compare(table.currentKey, "ticket:11");
            feed.addMany(alerts, 100, 5, Severity.Critical); // five CRITICAL land above it
            table.list.forceLayout(); // the view applies model changes when it lays out
            compare(table.currentKey, "ticket:11");
            compare(filter.keyAt(table.list.currentIndex), "ticket:11");
            alerts.acknowledgeKeys(["ticket:10"]); // re-sorts
            table.list.forceLayout();
            compare(table.currentKey, "ticket:11");
            compare(filter.keyAt(table.list.currentIndex), "ticket:11");
        }

        function test_scrollPositionSurvivesUpdates() {
            feed.addMany(alerts, 1000, 200, Severity.Low);
            table.list.positionViewAtIndex(100, ListView.Beginning);
            table.list.forceLayout();
            const topIndex = table.list.indexAt(10, table.list.contentY + 2);
            const topKey = filter.keyAt(topIndex);
            feed.addMany(alerts, 2000, 30, Severity.Low); // newer rows arrive above
            table.list.forceLayout();
            const nowTop = filter.keyAt(table.list.indexAt(10, table.list.contentY + 2));
            compare(nowTop, topKey);
        }

        function test_failedAcknowledgementShowsOnTheRow() {
            feed.add(alerts, 42, Severity.High); // server-acknowledgeable, but there is no connection
            table.list.forceActiveFocus();
            table.list.currentIndex = 0;
            keyClick(Qt.Key_A);
            compare(alerts.get("alert:42").ackState, AlertModel.Failed);
            table.list.forceLayout();
            const text = root.textOf(table.list.itemAtIndex(0));
            verify(text.indexOf("failed") >= 0, text);
        }

        // r, Shift+A and e ask for their dialog, for the selection or the current row; a row without a
        // server record (a ticket) cannot have them, and the table says why.
        function test_actionKeysAskForTheirDialog() {
            actionSpy.clear();
            blockedSpy.clear();
            feed.add(alerts, 42, Severity.High);
            feed.add(alerts, 43, Severity.Low);
            feed.add(alerts, 7, Severity.Medium, "acme", "ticket");
            table.list.forceActiveFocus();
            table.list.currentIndex = filter.rowOfKey("alert:42");
            keyClick(Qt.Key_R);
            compare(actionSpy.count, 1);
            compare(actionSpy.signalArguments[0][0], AlertActionKind.Resolve);
            compare(actionSpy.signalArguments[0][1], ["alert:42"]);
            filter.select(filter.rowOfKey("alert:43"), true);
            filter.select(filter.rowOfKey("alert:42"), true);
            keyClick(Qt.Key_A, Qt.ShiftModifier);
            compare(actionSpy.count, 2);
            compare(actionSpy.signalArguments[1][0], AlertActionKind.Assign);
            compare(actionSpy.signalArguments[1][1], ["alert:42", "alert:43"]);
            compare(alerts.get("alert:42").ackState, AlertModel.New); // Shift+A is not `a`
            keyClick(Qt.Key_E);
            compare(actionSpy.signalArguments[2][0], AlertActionKind.Escalate);
            filter.clearSelection();
            table.list.currentIndex = filter.rowOfKey("ticket:7");
            keyClick(Qt.Key_R);
            compare(actionSpy.count, 3);
            compare(blockedSpy.count, 1);
            compare(blockedSpy.signalArguments[0][0], AlertModel.NoRecord);
            verify(blockedSpy.signalArguments[0][1].length > 0); // and in words, for the notice
            table.signedIn = false;
            table.list.currentIndex = filter.rowOfKey("alert:42");
            keyClick(Qt.Key_E);
            compare(actionSpy.count, 3);
            compare(blockedSpy.signalArguments[1][0], AlertModel.SignedOut);
            table.signedIn = true;
        }

        // The STATE column sorts by the server's status; the status filter keeps one status.
        function test_statusSortsAndFilters() {
            feed.add(alerts, 50, Severity.Low);
            feed.add(alerts, 51, Severity.Critical);
            feed.add(alerts, 52, Severity.Medium);
            alerts.acknowledgeKeys(["alert:51"]); // no client: fails, stays new
            feed.acknowledged(alerts, "52"); // acknowledged: sinks below the new ones
            filter.sortOrder = AlertFilterModel.Status;
            compare(filter.keyAt(2), "alert:52");
            filter.statuses = [AlertStatus.Acknowledged];
            compare(filter.count, 1);
            compare(filter.keyAt(0), "alert:52");
            filter.statuses = [AlertStatus.New];
            compare(filter.count, 2);
            filter.clearFilters();
            compare(filter.statuses, []);
            compare(filter.count, 3);
            filter.sortOrder = AlertFilterModel.SeverityThenTime;
        }

        // A row says how often the server counted the alert again and when last, in words for a screen
        // reader too; the time moves with the shared clock, not a timer of the row's own.
        function test_repeatsShowOnTheRow() {
            feed.addRepeated(alerts, 60, 38, 25);
            filter.sortOrder = AlertFilterModel.Repeats; // the most repeated first
            compare(filter.keyAt(0), "alert:60");
            table.list.positionViewAtBeginning();
            table.now = new Date();
            const row = table.list.itemAtIndex(0);
            verify(row);
            const text = root.textOf(row);
            verify(text.indexOf("×38 · last 20 s ago") >= 0, text);
            verify(row.Accessible.name.indexOf("repeated 38 times") >= 0, row.Accessible.name);
            table.now = new Date(table.now.getTime() + 3 * 60 * 1000);
            verify(root.textOf(row).indexOf("×38 · last 3 min ago") >= 0, root.textOf(row));
            filter.sortOrder = AlertFilterModel.SeverityThenTime;
        }

        function test_staleBannerSaysSinceWhenAndWhatNext() {
            tryCompare(banner, "visible", true);
            const text = root.textOf(banner);
            verify(text.indexOf("No live data yet") >= 0, text);
            banner.stale = false;
            compare(banner.visible, false);
        }
    }
}
