// SPDX-License-Identifier: MIT
import QtQuick
import QtTest
import Nocdash.Models
import Nocdash.Ui

TestCase {
    id: test
    name: "MainWindow"
    when: windowShown

    property var window: null

    function init() {
        const component = Qt.createComponent("qrc:/Nocdash/Ui/Main.qml");
        compare(component.status, Component.Ready, component.errorString());
        window = component.createObject(null, { client: testClient });
        verify(window !== null);
        window.settings.fileName = "/dev/null";
    }
    function cleanup() {
        window.destroy();
        window = null;
    }

    function test_selfCheckPropertiesExist() {
        verify(window.alertModel !== null);
        verify(window.alertList !== null);
        compare(window.alertList.objectName, "alertList");
        feed.add(window.alertModel, 1, Severity.Critical);
        tryCompare(window.alertList, "count", 1);
    }

    function test_wallModeSwapsTheViewAndKeepsTheList() {
        feed.add(window.alertModel, 1, Severity.Critical);
        feed.add(window.alertModel, 2, Severity.High);
        window.alertModel.acknowledgeKeys(["alert:2"]); // fails (no server): still unacknowledged
        window.settings.wallMode = true;
        verify(window.alertList !== null);
        tryCompare(window.alertList, "count", 2);
        verify(!window.header.visible);
        window.settings.wallMode = false;
        tryCompare(window.alertList, "count", 2);
    }

    function test_detailsShowOnlyForTheCurrentAlert() {
        feed.add(window.alertModel, 1, Severity.Critical);
        feed.add(window.alertModel, 2, Severity.Medium);
        tryCompare(window.alertList, "count", 2);
        const details = findChild(window.currentView, "detailsPane");
        verify(details !== null);
        verify(!details.visible); // nothing current: the list has the whole width
        tryVerify(() => window.alertList.width > 0);
        const listWidth = window.alertList.width;
        compare(listWidth, window.currentView.width);

        window.alertList.currentIndex = 1;
        tryCompare(details, "visible", true);
        compare(details.alertKey, "alert:2");
        tryVerify(() => window.alertList.width < listWidth);

        mouseClick(findChild(details, "closeDetails"));
        tryCompare(details, "visible", false);
        compare(window.alertList.currentIndex, -1);
        tryCompare(window.alertList, "width", listWidth);

        window.alertList.currentIndex = 0;
        tryCompare(details, "visible", true);
        window.currentView.clearSearchAndSelection(); // what Esc does
        tryCompare(details, "visible", false);
    }

    function test_gapNoticeWaitsForAGapAndSpansReadWell() {
        const notice = findChild(window.currentView, "gapNotice");
        verify(notice !== null); // on the desktop view, hidden while this session had no gap
        verify(!notice.visible);
        compare(Theme.span(8000), "8 s");
        compare(Theme.span(147000), "2 min 27 s");
        compare(Theme.span(3900000), "1 h 5 min");
    }

    function test_relativeTimesStepByTenSeconds() {
        // A "last event" label may change at most every 10 s: no second-by-second repaints.
        const at = new Date(2026, 10, 21, 12, 0, 0);
        const later = (ms) => new Date(at.getTime() + ms);
        compare(Theme.ago(at, later(9400)), "just now");
        compare(Theme.ago(at, later(10000)), "10 s ago");
        compare(Theme.ago(at, later(14000)), "10 s ago");
        compare(Theme.ago(at, later(19400)), "10 s ago");
        compare(Theme.ago(at, later(27000)), "20 s ago");
        compare(Theme.ago(at, later(59400)), "50 s ago");
        compare(Theme.ago(at, later(61000)), "1 min ago");
    }

    function test_themeFollowsTheSettings() {
        window.settings.theme = "light";
        compare(window.color, "#fafafa");
        window.settings.theme = "dark";
        compare(window.color, "#121417");
    }
}
