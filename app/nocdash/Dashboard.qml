// SPDX-License-Identifier: MIT
import QtQuick
import Nocdash.Ui
import Nocdash.Desktop

// The dashboard as the application runs it: the window (Nocdash.Ui, presentation only) with the
// desktop's notifier beside it. Composed here, in the application's module, so the window knows no
// tray or sound output, and the notifier finds the window's alert list by binding, not by lookup.
Main {
    id: dashboard

    soundControls: true
    muted: notifier.muted
    mutedUntil: notifier.mutedUntil
    soundAvailable: notifier.soundAvailable
    onMuteRequested: minutes => notifier.muteFor(minutes)
    onUnmuteRequested: notifier.unmute()

    Notifier {
        id: notifier
        alerts: dashboard.alertModel
        client: dashboard.client
        settings: dashboard.settings
        window: dashboard
        onToastRequested: (title, body, severity) => dashboard.showToast(title, body, severity)
    }
}
