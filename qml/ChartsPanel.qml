// SPDX-License-Identifier: MIT
import QtQuick
import QtQuick.Layouts
import QtCharts
import Nocdash.Models

// Alerts per minute by severity over the last hour (stacked areas, CRITICAL at the bottom) and RTT
// over time. The series are written from C++ with replace(), at most once a second and only while the
// panel is visible; nothing here animates.
Rectangle {
    id: panel
    required property NocClient client
    required property AlertModel alerts
    property bool active: visible
    property int fontSize: Theme.baseFontSize

    // A value axis top that puts its five ticks (four steps) on round whole numbers: 1, 2 or 5 x 10^n
    // per step, never a "37.5" printed as "37".
    function niceMax(value, floor) {
        const raw = Math.max(floor, value) / 4;
        const magnitude = Math.pow(10, Math.floor(Math.log(raw) / Math.LN10));
        let step = magnitude;
        for (const factor of [1, 2, 5, 10]) {
            step = factor * magnitude;
            if (step >= raw)
                break;
        }
        return Math.max(1, Math.ceil(step)) * 4;
    }
    color: Theme.background
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("Charts")

    AlertRateSeries {
        id: rates
        alerts: panel.alerts
        active: panel.active
    }
    RttSeries {
        id: rtt
        client: panel.client
        active: panel.active
    }

    GridLayout {
        anchors.fill: parent
        anchors.margins: 8 * Theme.scale
        columns: panel.width > panel.height * 1.6 ? 2 : 1

        ChartView {
            id: rateChart
            objectName: "rateChart"
            Layout.fillWidth: true
            Layout.fillHeight: true
            title: qsTr("Alerts per minute, last hour")
            titleColor: Theme.text
            titleFont.pixelSize: panel.fontSize + 1
            antialiasing: true
            animationOptions: ChartView.NoAnimation
            backgroundColor: Theme.surface
            legend.labelColor: Theme.text
            legend.font.pixelSize: panel.fontSize - 1
            legend.alignment: Qt.AlignBottom
            Accessible.name: qsTr("Alerts per minute by severity over the last hour")

            DateTimeAxis {
                id: rateTime
                format: "hh:mm"
                min: rates.axisMin
                max: rates.axisMax
                tickCount: 7
                labelsColor: Theme.secondaryText
                labelsFont.pixelSize: panel.fontSize - 2
                gridLineColor: Theme.divider
            }
            ValueAxis {
                id: rateValue
                min: 0
                max: panel.niceMax(rates.maxPerMinute * 1.1, 5)
                labelFormat: "%d"
                labelsColor: Theme.secondaryText
                labelsFont.pixelSize: panel.fontSize - 2
                gridLineColor: Theme.divider
            }

            // Most urgent first, so it is drawn at the bottom of the stack.
            AreaSeries {
                name: Theme.severityNames[Severity.Critical]
                axisX: rateTime
                axisY: rateValue
                color: Theme.severityColors[Severity.Critical]
                borderColor: Theme.severityColors[Severity.Critical]
                upperSeries: LineSeries { id: criticalUpper }
                lowerSeries: LineSeries { id: criticalLower }
                Component.onCompleted: rates.attach(Severity.Critical, criticalUpper, criticalLower)
            }
            AreaSeries {
                name: Theme.severityNames[Severity.High]
                axisX: rateTime
                axisY: rateValue
                color: Theme.severityColors[Severity.High]
                borderColor: Theme.severityColors[Severity.High]
                upperSeries: LineSeries { id: highUpper }
                lowerSeries: LineSeries { id: highLower }
                Component.onCompleted: rates.attach(Severity.High, highUpper, highLower)
            }
            AreaSeries {
                name: Theme.severityNames[Severity.Medium]
                axisX: rateTime
                axisY: rateValue
                color: Theme.severityColors[Severity.Medium]
                borderColor: Theme.severityColors[Severity.Medium]
                upperSeries: LineSeries { id: mediumUpper }
                lowerSeries: LineSeries { id: mediumLower }
                Component.onCompleted: rates.attach(Severity.Medium, mediumUpper, mediumLower)
            }
            AreaSeries {
                name: Theme.severityNames[Severity.Low]
                axisX: rateTime
                axisY: rateValue
                color: Theme.severityColors[Severity.Low]
                borderColor: Theme.severityColors[Severity.Low]
                upperSeries: LineSeries { id: lowUpper }
                lowerSeries: LineSeries { id: lowLower }
                Component.onCompleted: rates.attach(Severity.Low, lowUpper, lowLower)
            }
            AreaSeries {
                name: Theme.severityNames[Severity.Info]
                axisX: rateTime
                axisY: rateValue
                color: Theme.severityColors[Severity.Info]
                borderColor: Theme.severityColors[Severity.Info]
                upperSeries: LineSeries { id: infoUpper }
                lowerSeries: LineSeries { id: infoLower }
                Component.onCompleted: rates.attach(Severity.Info, infoUpper, infoLower)
            }
        }

        ChartView {
            id: rttChart
            Layout.fillWidth: true
            Layout.fillHeight: true
            // The dashboard channel's, as in the connection pill.
            title: panel.client.rttMs >= 0 ? qsTr("Round-trip time (now %1 ms)").arg(panel.client.rttMs) : qsTr("Round-trip time")
            titleColor: Theme.text
            titleFont.pixelSize: panel.fontSize + 1
            antialiasing: true
            animationOptions: ChartView.NoAnimation
            backgroundColor: Theme.surface
            legend.labelColor: Theme.text
            legend.font.pixelSize: panel.fontSize - 1
            legend.alignment: Qt.AlignBottom
            Accessible.name: qsTr("Round-trip time over time")

            DateTimeAxis {
                id: rttTime
                format: "hh:mm:ss"
                min: rtt.axisMin
                max: rtt.axisMax
                tickCount: 5
                labelsColor: Theme.secondaryText
                labelsFont.pixelSize: panel.fontSize - 2
                gridLineColor: Theme.divider
            }
            ValueAxis {
                id: rttValue
                min: 0
                max: panel.niceMax(rtt.maxMs * 1.2, 10)
                labelFormat: "%d"
                titleText: qsTr("ms")
                labelsColor: Theme.secondaryText
                labelsFont.pixelSize: panel.fontSize - 2
                gridLineColor: Theme.divider
            }
            LineSeries {
                id: dashboardRtt
                name: qsTr("dashboard")
                axisX: rttTime
                axisY: rttValue
                color: Theme.accent
                width: 2
                Component.onCompleted: rtt.attach("dashboard", dashboardRtt)
            }
            LineSeries {
                id: presenceRtt
                name: qsTr("presence")
                axisX: rttTime
                axisY: rttValue
                color: Theme.secondaryText
                width: 2
                Component.onCompleted: rtt.attach("presence", presenceRtt)
            }
        }
    }
}
