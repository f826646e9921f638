<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AlertActionDialog</name>
    <message>
        <source>Resolve</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Zuweisen</translation>
    </message>
    <message>
        <source>Escalate</source>
        <translation>Eskalieren</translation>
    </message>
    <message>
        <source>%1 of the %2 selected have no server record (findings, anomalies, tickets) and are left out.</source>
        <translation>%1 der %2 ausgewählten haben keinen Servereintrag (Befunde, Anomalien, Tickets) und bleiben außen vor.</translation>
    </message>
    <message>
        <source>Assign to (user id)</source>
        <translation>Zuweisen an (Benutzer-ID)</translation>
    </message>
    <message>
        <source>Escalate to (user id)</source>
        <translation>Eskalieren an (Benutzer-ID)</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Benutzer-ID</translation>
    </message>
    <message>
        <source>Colleague&apos;s user id</source>
        <translation>Benutzer-ID der Kollegin oder des Kollegen</translation>
    </message>
    <message>
        <source>or pick someone on shift</source>
        <translation>oder jemanden aus der Schicht wählen</translation>
    </message>
    <message>
        <source>nobody on shift known yet</source>
        <translation>noch niemand aus der Schicht bekannt</translation>
    </message>
    <message>
        <source>%1 (#%2)</source>
        <translation>%1 (#%2)</translation>
    </message>
    <message>
        <source>People on shift</source>
        <translation>Personen in der Schicht</translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation>Lösungsnotizen</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (optional)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>What was done (up to %1 characters)</source>
        <translation>Was getan wurde (bis zu %1 Zeichen)</translation>
    </message>
    <message>
        <source>For the colleague (up to %1 characters)</source>
        <translation>Für die Kollegin oder den Kollegen (bis zu %1 Zeichen)</translation>
    </message>
    <message>
        <source>Why it needs more (up to %1 characters)</source>
        <translation>Warum es mehr braucht (bis zu %1 Zeichen)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Resolve (Enter)</source>
        <translation>Lösen (Enter)</translation>
    </message>
    <message>
        <source>Assign (Enter)</source>
        <translation>Zuweisen (Enter)</translation>
    </message>
    <message>
        <source>Escalate (Enter)</source>
        <translation>Eskalieren (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Abbrechen (Esc)</translation>
    </message>
</context>
<context>
    <name>AlertModel</name>
    <message>
        <source>Not connected to a server</source>
        <translation>Nicht mit einem Server verbunden</translation>
    </message>
    <message numerus="yes">
        <source>%n selected item(s) have no server record (findings, anomalies, tickets)</source>
        <translation>
            <numerusform>%n ausgewählter Eintrag hat keinen Servereintrag (Befunde, Anomalien, Tickets)</numerusform>
            <numerusform>%n ausgewählte Einträge haben keinen Servereintrag (Befunde, Anomalien, Tickets)</numerusform>
        </translation>
    </message>
    <message>
        <source>No alert selected</source>
        <translation>Kein Alarm ausgewählt</translation>
    </message>
    <message>
        <source>Findings, anomalies and tickets have no server record to resolve, assign or escalate</source>
        <translation>Befunde, Anomalien und Tickets haben keinen Servereintrag, der gelöst, zugewiesen oder eskaliert werden kann</translation>
    </message>
    <message>
        <source>Sign in to resolve, assign or escalate alerts</source>
        <translation>Melden Sie sich an, um Alarme zu lösen, zuzuweisen oder zu eskalieren</translation>
    </message>
    <message>
        <source>Resolving…</source>
        <translation>Wird gelöst…</translation>
    </message>
    <message>
        <source>Assigning…</source>
        <translation>Wird zugewiesen…</translation>
    </message>
    <message>
        <source>Escalating…</source>
        <translation>Wird eskaliert…</translation>
    </message>
    <message>
        <source>Resolve refused: %1</source>
        <translation>Lösen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Assign refused: %1</source>
        <translation>Zuweisen abgelehnt: %1</translation>
    </message>
    <message>
        <source>Escalate refused: %1</source>
        <translation>Eskalieren abgelehnt: %1</translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
</context>
<context>
    <name>AlertRecordView</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
</context>
<context>
    <name>AlertRow</name>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>◔ pending</source>
        <translation>◔ ausstehend</translation>
    </message>
    <message>
        <source>✓ ack&apos;d</source>
        <translation>✓ quittiert</translation>
    </message>
    <message>
        <source>✗ failed</source>
        <translation>✗ fehlgeschlagen</translation>
    </message>
    <message>
        <source>✓ %1 %2</source>
        <translation>✓ %1 %2</translation>
    </message>
    <message>
        <source>✓ assigned</source>
        <translation>✓ zugewiesen</translation>
    </message>
    <message>
        <source>⇧ escalated</source>
        <translation>⇧ eskaliert</translation>
    </message>
    <message>
        <source>✓ resolved</source>
        <translation>✓ gelöst</translation>
    </message>
    <message>
        <source>suppressed</source>
        <translation>unterdrückt</translation>
    </message>
    <message>
        <source>✓ assigned to %1</source>
        <translation>✓ zugewiesen an %1</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Zugewiesen an %1</translation>
    </message>
    <message>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <source>×%1 · just now</source>
        <translation>×%1 · gerade eben</translation>
    </message>
    <message>
        <source>×%1 · last %2</source>
        <translation>×%1 · zuletzt %2</translation>
    </message>
    <message>
        <source>repeated %1 times</source>
        <translation>%1-mal wiederholt</translation>
    </message>
    <message>
        <source>repeated once</source>
        <translation>einmal wiederholt</translation>
    </message>
</context>
<context>
    <name>AlertTable</name>
    <message>
        <source>SEVERITY</source>
        <translation>SCHWERE</translation>
    </message>
    <message>
        <source>TIME</source>
        <translation>ZEIT</translation>
    </message>
    <message>
        <source>CLIENT</source>
        <translation>KUNDE</translation>
    </message>
    <message>
        <source>TYPE</source>
        <translation>TYP</translation>
    </message>
    <message>
        <source>MESSAGE</source>
        <translation>MELDUNG</translation>
    </message>
    <message>
        <source>SITE</source>
        <translation>STANDORT</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>STATUS</translation>
    </message>
    <message>
        <source>Sort by %1</source>
        <translation>Nach %1 sortieren</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>(%1 alerts)</source>
        <translation>(%1 Alarme)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Resolve…</source>
        <translation>Lösen…</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Zuweisen…</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Umschalt+A</translation>
    </message>
    <message>
        <source>Escalate…</source>
        <translation>Eskalieren…</translation>
    </message>
    <message>
        <source>REPEATS</source>
        <translation>WIEDERHOLT</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Alerts per minute, last hour</source>
        <translation>Alarme pro Minute, letzte Stunde</translation>
    </message>
    <message>
        <source>Alerts per minute by severity over the last hour</source>
        <translation>Alarme pro Minute nach Schwere in der letzten Stunde</translation>
    </message>
    <message>
        <source>Round-trip time (now %1 ms)</source>
        <translation>Umlaufzeit (jetzt %1 ms)</translation>
    </message>
    <message>
        <source>Round-trip time</source>
        <translation>Umlaufzeit</translation>
    </message>
    <message>
        <source>Round-trip time over time</source>
        <translation>Umlaufzeit im Verlauf</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>presence</source>
        <translation>Präsenz</translation>
    </message>
</context>
<context>
    <name>ConnectionPill</name>
    <message>
        <source>Connection: %1</source>
        <translation>Verbindung: %1</translation>
    </message>
    <message>
        <source>No server</source>
        <translation>Kein Server</translation>
    </message>
    <message>
        <source>Live · RTT %1 ms</source>
        <translation>Live · RTT %1 ms</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Anmeldung…</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Verbinde neu</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>last event %1</source>
        <translation>letztes Ereignis %1</translation>
    </message>
    <message>
        <source>Renewing session…</source>
        <translation>Sitzung wird erneuert…</translation>
    </message>
</context>
<context>
    <name>DesktopView</name>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Presence</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>No alert matches the filters.</source>
        <translation>Kein Alarm passt zu den Filtern.</translation>
    </message>
    <message>
        <source>Waiting for the alert feed…</source>
        <translation>Warte auf den Alarm-Feed…</translation>
    </message>
    <message>
        <source>Live feed only: the server&apos;s alert history is unavailable (%1). Alerts raised before sign-in or during a gap are not shown; colleagues&apos; actions show only when the server pushes them.</source>
        <translation>Nur Live-Daten: Der Alarmverlauf des Servers ist nicht verfügbar (%1). Alarme von vor der Anmeldung oder aus einer Lücke fehlen; Aktionen von Kollegen erscheinen nur, wenn der Server sie sendet.</translation>
    </message>
    <message>
        <source>Showing the newest %1 of %2 open alerts on the server.</source>
        <translation>Angezeigt werden die neuesten %1 von %2 offenen Alarmen auf dem Server.</translation>
    </message>
    <message>
        <source>No open alerts on the server.</source>
        <translation>Keine offenen Alarme auf dem Server.</translation>
    </message>
    <message>
        <source>Live feed only: the server&apos;s alert history is unavailable (%1). Alerts appear as they are raised.</source>
        <translation>Nur Live-Daten: Der Alarmverlauf des Servers ist nicht verfügbar (%1). Alarme erscheinen, sobald sie ausgelöst werden.</translation>
    </message>
    <message>
        <source>Loading the server&apos;s open alerts…</source>
        <translation>Lade die offenen Alarme des Servers…</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s)</source>
        <translation>
            <numerusform>%n Alarm</numerusform>
            <numerusform>%n Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>Alert %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Alert details</source>
        <translation>Alarmdetails</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Empfangen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledged by</source>
        <translation>Quittiert von</translation>
    </message>
    <message>
        <source>Acknowledged at</source>
        <translation>Quittiert um</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>The server cannot acknowledge this kind; acknowledging marks it as seen here.</source>
        <translation>Der Server kann diese Art nicht quittieren; Quittieren markiert sie hier als gesehen.</translation>
    </message>
    <message>
        <source>Retry acknowledgement</source>
        <translation>Quittierung wiederholen</translation>
    </message>
    <message>
        <source>As received</source>
        <translation>Wie empfangen</translation>
    </message>
    <message>
        <source>This alert is no longer in the list.</source>
        <translation>Dieser Alarm ist nicht mehr in der Liste.</translation>
    </message>
    <message>
        <source>Close details (Esc)</source>
        <translation>Details schließen (Esc)</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 um %2</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>not read from the server</source>
        <translation>nicht vom Server gelesen</translation>
    </message>
    <message>
        <source>assigned to %1</source>
        <translation>zugewiesen an %1</translation>
    </message>
    <message>
        <source>On the server</source>
        <translation>Auf dem Server</translation>
    </message>
    <message>
        <source>Who/when unavailable: the server refuses its alert records (%1).</source>
        <translation>Wer/wann nicht verfügbar: Der Server verweigert seine Alarmeinträge (%1).</translation>
    </message>
    <message>
        <source>Who/when could not be read: %1</source>
        <translation>Wer/wann konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Reading who acted on it and when…</source>
        <translation>Lese, wer wann daran gearbeitet hat…</translation>
    </message>
    <message>
        <source>Nobody has acted on it yet (read %1).</source>
        <translation>Noch niemand hat daran gearbeitet (gelesen %1).</translation>
    </message>
    <message>
        <source>Read %1.</source>
        <translation>Gelesen %1.</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Zugewiesen an</translation>
    </message>
    <message>
        <source>Escalated to</source>
        <translation>Eskaliert an</translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation>Gelöst von</translation>
    </message>
    <message>
        <source>Resolution notes</source>
        <translation>Lösungsnotizen</translation>
    </message>
    <message>
        <source>Acknowledge (a)</source>
        <translation>Quittieren (a)</translation>
    </message>
    <message>
        <source>Resolve… (r)</source>
        <translation>Lösen… (r)</translation>
    </message>
    <message>
        <source>Assign… (Shift+A)</source>
        <translation>Zuweisen… (Umschalt+A)</translation>
    </message>
    <message>
        <source>Escalate… (e)</source>
        <translation>Eskalieren… (e)</translation>
    </message>
    <message>
        <source>First seen</source>
        <translation>Zuerst gesehen</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Zuletzt gesehen</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Wiederholungen</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPanel</name>
    <message>
        <source>Diagnostics</source>
        <translation>Diagnose</translation>
    </message>
    <message>
        <source>%1 frames shown · %2 seen</source>
        <translation>%1 Frames angezeigt · %2 gesehen</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>Frames</translation>
    </message>
    <message>
        <source>No frames recorded yet.</source>
        <translation>Noch keine Frames aufgezeichnet.</translation>
    </message>
    <message>
        <source>Renderer: %1</source>
        <translation>Darstellung: %1</translation>
    </message>
    <message>
        <source>Pong after %1 ms</source>
        <translation>Pong nach %1 ms</translation>
    </message>
    <message>
        <source>Server stats: %1</source>
        <translation>Serverstatistik: %1</translation>
    </message>
    <message>
        <source>Metrics of %1: %2</source>
        <translation>Metriken von %1: %2</translation>
    </message>
    <message>
        <source>Server error: %1</source>
        <translation>Serverfehler: %1</translation>
    </message>
    <message>
        <source>Send this frame to the server?</source>
        <translation>Diesen Frame an den Server senden?</translation>
    </message>
    <message>
        <source>Frame sent</source>
        <translation>Frame gesendet</translation>
    </message>
    <message>
        <source>Not sent: not a JSON object, or no live connection</source>
        <translation>Nicht gesendet: kein JSON-Objekt oder keine Live-Verbindung</translation>
    </message>
    <message>
        <source>Reconnect now</source>
        <translation>Jetzt neu verbinden</translation>
    </message>
    <message>
        <source>Ping</source>
        <translation>Ping</translation>
    </message>
    <message>
        <source>Presence is not connected</source>
        <translation>Presence ist nicht verbunden</translation>
    </message>
    <message>
        <source>Server stats</source>
        <translation>Serverstatistik</translation>
    </message>
    <message>
        <source>Client id</source>
        <translation>Kunden-ID</translation>
    </message>
    <message>
        <source>Client id for metrics</source>
        <translation>Kunden-ID für Metriken</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Metriken</translation>
    </message>
    <message>
        <source>Test frame, e.g. {&quot;type&quot;: &quot;ping&quot;}</source>
        <translation>Test-Frame, z. B. {"type": "ping"}</translation>
    </message>
    <message>
        <source>Test frame to send</source>
        <translation>Zu sendender Test-Frame</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Senden…</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) %1</source>
        <translation>
            <numerusform>%n Tag %1</numerusform>
            <numerusform>%n Tage %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Up %1</source>
        <translation>Läuft seit %1</translation>
    </message>
    <message>
        <source>memory unknown</source>
        <translation>Speicher unbekannt</translation>
    </message>
    <message>
        <source>memory %1 MiB</source>
        <translation>Speicher %1 MiB</translation>
    </message>
    <message>
        <source>CPU unknown</source>
        <translation>CPU unbekannt</translation>
    </message>
    <message>
        <source>CPU %1 % since %2</source>
        <translation>CPU %1 % seit %2</translation>
    </message>
    <message numerus="yes">
        <source>%n reconnect(s)</source>
        <translation>
            <numerusform>%n Neuverbindung</numerusform>
            <numerusform>%n Neuverbindungen</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 in all)</source>
        <translation>(%1 insgesamt)</translation>
    </message>
    <message numerus="yes">
        <source>%n token renewal(s)</source>
        <translation>
            <numerusform>%n Token-Erneuerung</numerusform>
            <numerusform>%n Token-Erneuerungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n REST call(s)</source>
        <translation>
            <numerusform>%n REST-Aufruf</numerusform>
            <numerusform>%n REST-Aufrufe</numerusform>
        </translation>
    </message>
    <message>
        <source>longest stale spell %1 s at %2: %3</source>
        <translation>längste veraltete Phase %1 s um %2: %3</translation>
    </message>
    <message>
        <source>never stale</source>
        <translation>nie veraltet</translation>
    </message>
    <message>
        <source>Session health: %1</source>
        <translation>Zustand der Sitzung: %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search alerts (/)</source>
        <translation>Alarme suchen (/)</translation>
    </message>
    <message>
        <source>Search alerts</source>
        <translation>Alarme suchen</translation>
    </message>
    <message>
        <source>Show only %1 (%2 shown)</source>
        <translation>Nur %1 zeigen (%2 angezeigt)</translation>
    </message>
    <message>
        <source>Acknowledgement filter</source>
        <translation>Quittierungsfilter</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Nicht quittiert</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Quittiert</translation>
    </message>
    <message>
        <source>Client filter</source>
        <translation>Kundenfilter</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Alle Kunden</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Filter zurücksetzen</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>%1 ausgewählt</translation>
    </message>
    <message>
        <source>Acknowledge %1 (a)</source>
        <translation>%1 quittieren (a)</translation>
    </message>
    <message>
        <source>Acknowledge (a)</source>
        <translation>Quittieren (a)</translation>
    </message>
    <message>
        <source>%1 %2 alerts in the list (acknowledged ones included); click to show only these</source>
        <translation>%1 Alarme der Stufe %2 in der Liste (quittierte eingeschlossen); klicken, um nur diese zu zeigen</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Open statuses</source>
        <translation>Offene Status</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Zugewiesen</translation>
    </message>
    <message>
        <source>Escalated</source>
        <translation>Eskaliert</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>Unterdrückt</translation>
    </message>
    <message>
        <source>Resolved/suppressed</source>
        <translation>Gelöst/unterdrückt</translation>
    </message>
    <message>
        <source>Show resolved and suppressed alerts</source>
        <translation>Gelöste und unterdrückte Alarme zeigen</translation>
    </message>
    <message>
        <source>Resolved and suppressed alerts leave the list; this shows them again</source>
        <translation>Gelöste und unterdrückte Alarme verlassen die Liste; dies zeigt sie wieder</translation>
    </message>
</context>
<context>
    <name>GapNotice</name>
    <message>
        <source>No feed from %1 to %2 (%3): alerts raised meanwhile are not replayed by the server. Check the NOC console for that time.</source>
        <translation>Kein Datenstrom von %1 bis %2 (%3): in dieser Zeit ausgelöste Alarme sendet der Server nicht nach. Bitte die NOC-Konsole für diesen Zeitraum prüfen.</translation>
    </message>
    <message>
        <source>Got it</source>
        <translation>Verstanden</translation>
    </message>
    <message>
        <source>No feed from %1 to %2 (%3): loading what was raised meanwhile…</source>
        <translation>Keine Daten von %1 bis %2 (%3): Lade, was in der Zwischenzeit ausgelöst wurde…</translation>
    </message>
    <message>
        <source>No feed from %1 to %2 (%3): %4 alerts raised meanwhile were loaded from the server.</source>
        <translation>Keine Daten von %1 bis %2 (%3): %4 in der Zwischenzeit ausgelöste Alarme wurden vom Server geladen.</translation>
    </message>
    <message>
        <source>No feed from %1 to %2 (%3): the newest %4 alerts raised meanwhile were loaded from the server; more were raised than the dashboard reads at once, so the oldest of that time are missing. Check the NOC console for them.</source>
        <translation>Keine Daten von %1 bis %2 (%3): Die neuesten %4 in der Zwischenzeit ausgelösten Alarme wurden vom Server geladen; es wurden mehr ausgelöst, als das Dashboard auf einmal liest, daher fehlen die ältesten aus dieser Zeit. Bitte in der NOC-Konsole nachsehen.</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <source>Connection health</source>
        <translation>Verbindungszustand</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 channel: %2, score %3</source>
        <translation>Kanal %1: %2, Bewertung %3</translation>
    </message>
    <message>
        <source>score %1</source>
        <translation>Bewertung %1</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>RTT</source>
        <translation>RTT</translation>
    </message>
    <message>
        <source>p50 / p95</source>
        <translation>p50 / p95</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>Neuverbindungen</translation>
    </message>
    <message>
        <source>Frames in</source>
        <translation>Frames rein</translation>
    </message>
    <message>
        <source>Frames out</source>
        <translation>Frames raus</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Last inbound</source>
        <translation>Zuletzt empfangen</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>nocdash — %1</source>
        <translation>nocdash — %1</translation>
    </message>
    <message>
        <source>%1 alerts shown · %2 received · subscribed to %3</source>
        <translation>%1 Alarme angezeigt · %2 empfangen · abonniert: %3</translation>
    </message>
    <message>
        <source>%1 new in the last minute</source>
        <translation>%1 neu in der letzten Minute</translation>
    </message>
    <message>
        <source>Unmute sounds</source>
        <translation>Töne wieder einschalten</translation>
    </message>
    <message>
        <source>Mute sounds</source>
        <translation>Töne stummschalten</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Settings… (Ctrl+,)</source>
        <translation>Einstellungen… (Strg+,)</translation>
    </message>
    <message>
        <source>Wall mode</source>
        <translation>Wandmodus</translation>
    </message>
    <message>
        <source>Keyboard shortcuts (?)</source>
        <translation>Tastenkürzel (?)</translation>
    </message>
    <message>
        <source>♪ muted until %1</source>
        <translation>♪ stumm bis %1</translation>
    </message>
    <message>
        <source>♪ Mute</source>
        <translation>♪ Stumm</translation>
    </message>
    <message>
        <source>nocdash notification</source>
        <translation>nocdash-Benachrichtigung</translation>
    </message>
    <message>
        <source>Acknowledgements not kept on disk</source>
        <translation>Quittierungen nicht auf der Festplatte gesichert</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>Action refused</source>
        <translation>Aktion abgelehnt</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Nicht möglich</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>CRITICAL: %1</source>
        <translation>KRITISCH: %1</translation>
    </message>
    <message>
        <source>HIGH: %1</source>
        <translation>HOCH: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n new urgent alerts</source>
        <translation>
            <numerusform>%n neuer dringender Alarm</numerusform>
            <numerusform>%n neue dringende Alarme</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 CRITICAL, %2 HIGH. Newest: %3</source>
        <translation>%1 KRITISCH, %2 HOCH. Neuester: %3</translation>
    </message>
    <message>
        <source>nocdash: %1 unacknowledged (%2 CRITICAL, %3 HIGH)</source>
        <translation>nocdash: %1 nicht quittiert (%2 KRITISCH, %3 HOCH)</translation>
    </message>
    <message>
        <source>No live data: the feed is lost</source>
        <translation>Keine Live-Daten: der Feed ist verloren</translation>
    </message>
</context>
<context>
    <name>PresencePanel</name>
    <message>
        <source>Presence</source>
        <translation>Präsenz</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>beschäftigt</translation>
    </message>
    <message>
        <source>away</source>
        <translation>abwesend</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>%1 of %2 people online</source>
        <translation>%1 von %2 Personen online</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personen</translation>
    </message>
    <message>
        <source>(you)</source>
        <translation>(Sie)</translation>
    </message>
    <message>
        <source>last seen %1</source>
        <translation>zuletzt gesehen %1</translation>
    </message>
    <message>
        <source>updated %1</source>
        <translation>aktualisiert %1</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Darstellung</translation>
    </message>
    <message>
        <source>Wall</source>
        <translation>Wand</translation>
    </message>
    <message>
        <source>Servers (one per line, failover order)</source>
        <translation>Server (einer pro Zeile, in Failover-Reihenfolge)</translation>
    </message>
    <message>
        <source>Servers</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Sign-in endpoints</source>
        <translation>Anmelde-Endpunkte</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>default: the server&apos;s own</source>
        <translation>Standard: die des Servers</translation>
    </message>
    <message>
        <source>Heartbeat (s)</source>
        <translation>Heartbeat (s)</translation>
    </message>
    <message>
        <source>Heartbeat interval in seconds</source>
        <translation>Heartbeat-Intervall in Sekunden</translation>
    </message>
    <message>
        <source>Reconnect: first wait (ms)</source>
        <translation>Neuverbindung: erste Wartezeit (ms)</translation>
    </message>
    <message>
        <source>First reconnect wait in milliseconds</source>
        <translation>Erste Wartezeit vor Neuverbindung in Millisekunden</translation>
    </message>
    <message>
        <source>Reconnect: longest wait (ms)</source>
        <translation>Neuverbindung: längste Wartezeit (ms)</translation>
    </message>
    <message>
        <source>Longest reconnect wait in milliseconds</source>
        <translation>Längste Wartezeit vor Neuverbindung in Millisekunden</translation>
    </message>
    <message>
        <source>Attempts before giving up</source>
        <translation>Versuche vor dem Aufgeben</translation>
    </message>
    <message>
        <source>The demo backend owns the connection settings.</source>
        <translation>Das Demo-Backend bestimmt die Verbindungseinstellungen.</translation>
    </message>
    <message>
        <source>Notify about new CRITICAL and HIGH alerts</source>
        <translation>Bei neuen KRITISCHEN und HOHEN Alarmen benachrichtigen</translation>
    </message>
    <message>
        <source>Sound for CRITICAL (repeats until acknowledged or muted)</source>
        <translation>Ton für KRITISCH (wiederholt sich bis zur Quittierung oder Stummschaltung)</translation>
    </message>
    <message>
        <source>Sound for HIGH</source>
        <translation>Ton für HOCH</translation>
    </message>
    <message>
        <source>Sound for MEDIUM</source>
        <translation>Ton für MITTEL</translation>
    </message>
    <message>
        <source>Repeat the CRITICAL sound every (s)</source>
        <translation>KRITISCH-Ton wiederholen alle (s)</translation>
    </message>
    <message>
        <source>Repeat interval in seconds</source>
        <translation>Wiederholintervall in Sekunden</translation>
    </message>
    <message>
        <source>Mute for (min)</source>
        <translation>Stumm für (min)</translation>
    </message>
    <message>
        <source>Mute duration in minutes</source>
        <translation>Dauer der Stummschaltung in Minuten</translation>
    </message>
    <message>
        <source>Alerts kept in memory</source>
        <translation>Im Speicher gehaltene Alarme</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Interface scale</source>
        <translation>Skalierung der Oberfläche</translation>
    </message>
    <message>
        <source>Wall mode: full screen, no dialogs, never stop reconnecting</source>
        <translation>Wandmodus: Vollbild, keine Dialoge, Neuverbindung ohne Aufgeben</translation>
    </message>
    <message>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <source>Screen number, -1 for the primary screen</source>
        <translation>Bildschirmnummer, -1 für den Hauptbildschirm</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Hauptbildschirm</translation>
    </message>
    <message>
        <source>Rotate views every (s, 0 = never)</source>
        <translation>Ansichten wechseln alle (s, 0 = nie)</translation>
    </message>
    <message>
        <source>Rotation interval in seconds</source>
        <translation>Wechselintervall in Sekunden</translation>
    </message>
    <message>
        <source>Hide the cursor after (s)</source>
        <translation>Mauszeiger ausblenden nach (s)</translation>
    </message>
    <message>
        <source>Seconds before the cursor hides</source>
        <translation>Sekunden bis zum Ausblenden des Mauszeigers</translation>
    </message>
    <message>
        <source>Alerts and sound</source>
        <translation>Alarme und Ton</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Lautstärke</translation>
    </message>
    <message>
        <source>Alert sound volume</source>
        <translation>Lautstärke der Alarmtöne</translation>
    </message>
    <message>
        <source>No audio output device on this machine: alerts are silent.</source>
        <translation>Kein Audioausgabegerät an diesem Rechner: Alarme bleiben stumm.</translation>
    </message>
    <message>
        <source>Keep the display on while the wall shows</source>
        <translation>Bildschirm eingeschaltet lassen, solange die Wandanzeige läuft</translation>
    </message>
    <message>
        <source>Let it sleep from-to (HH:MM-HH:MM, empty = never)</source>
        <translation>Ruhezeit von-bis (HH:MM-HH:MM, leer = nie)</translation>
    </message>
    <message>
        <source>Hours in which the wall&apos;s display may sleep</source>
        <translation>Stunden, in denen der Bildschirm der Wandanzeige ruhen darf</translation>
    </message>
</context>
<context>
    <name>SeverityCounter</name>
    <message>
        <source>%1: %2 unacknowledged</source>
        <translation>%1: %2 nicht quittiert</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Move through the alerts</source>
        <translation>Durch die Alarme bewegen</translation>
    </message>
    <message>
        <source>Shift+↑ ↓</source>
        <translation>Umschalt+↑ ↓</translation>
    </message>
    <message>
        <source>Extend the selection</source>
        <translation>Auswahl erweitern</translation>
    </message>
    <message>
        <source>Space</source>
        <translation>Leertaste</translation>
    </message>
    <message>
        <source>Select or deselect the current alert</source>
        <translation>Aktuellen Alarm aus- oder abwählen</translation>
    </message>
    <message>
        <source>Ctrl+A</source>
        <translation>Strg+A</translation>
    </message>
    <message>
        <source>Select every alert shown</source>
        <translation>Alle angezeigten Alarme auswählen</translation>
    </message>
    <message>
        <source>Acknowledge the selection (or the current alert)</source>
        <translation>Auswahl (oder aktuellen Alarm) quittieren</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <source>Alerts, health, presence, charts, subscriptions, diagnostics</source>
        <translation>Alarme, Zustand, Präsenz, Diagramme, Abonnements, Diagnose</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Strg+M</translation>
    </message>
    <message>
        <source>Mute sounds (again: unmute)</source>
        <translation>Töne stummschalten (nochmals: wieder einschalten)</translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation>Strg+,</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>Diese Liste</translation>
    </message>
    <message>
        <source>Clear the search and the selection, close the details</source>
        <translation>Suche und Auswahl zurücksetzen, Details schließen</translation>
    </message>
    <message>
        <source>Resolve the selection (or the current alert), with notes</source>
        <translation>Auswahl (oder aktuellen Alarm) mit Notizen lösen</translation>
    </message>
    <message>
        <source>Shift+A</source>
        <translation>Umschalt+A</translation>
    </message>
    <message>
        <source>Assign the selection (or the current alert) to a colleague</source>
        <translation>Auswahl (oder aktuellen Alarm) jemandem zuweisen</translation>
    </message>
    <message>
        <source>Escalate the selection (or the current alert) to a colleague, with a reason</source>
        <translation>Auswahl (oder aktuellen Alarm) mit Begründung an jemanden eskalieren</translation>
    </message>
    <message>
        <source>Menu key, right click</source>
        <translation>Menütaste, Rechtsklick</translation>
    </message>
    <message>
        <source>Everything you can do with the selection (or the alert)</source>
        <translation>Alles, was mit der Auswahl (oder dem Alarm) möglich ist</translation>
    </message>
    <message>
        <source>Enter / Esc</source>
        <translation>Enter / Esc</translation>
    </message>
    <message>
        <source>In a dialog: confirm / cancel</source>
        <translation>In einem Dialog: bestätigen / abbrechen</translation>
    </message>
</context>
<context>
    <name>SignedOutScreen</name>
    <message>
        <source>This screen needs %1 on this machine.</source>
        <translation>Dieser Bildschirm braucht %1 auf diesem Rechner.</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Signed out at %1 (%2 ago)</source>
        <translation>Abgemeldet um %1 (vor %2)</translation>
    </message>
    <message>
        <source>It comes back by itself a few seconds after the sign-in.</source>
        <translation>Er kommt wenige Sekunden nach der Anmeldung von selbst zurück.</translation>
    </message>
    <message>
        <source>Account %1 on %2</source>
        <translation>Konto %1 auf %2</translation>
    </message>
</context>
<context>
    <name>StaleBanner</name>
    <message>
        <source>No live data since %1</source>
        <translation>Keine Live-Daten seit %1</translation>
    </message>
    <message>
        <source>No live data yet</source>
        <translation>Noch keine Live-Daten</translation>
    </message>
    <message>
        <source>%1 · reconnecting in %2 s</source>
        <translation>%1 · neuer Versuch in %2 s</translation>
    </message>
    <message>
        <source>(%1 s)</source>
        <translation>(%1 s)</translation>
    </message>
    <message>
        <source>sign-in required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
</context>
<context>
    <name>SubscriptionsPanel</name>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Client id, e.g. acme</source>
        <translation>Kunden-ID, z. B. acme</translation>
    </message>
    <message>
        <source>Client id to subscribe to</source>
        <translation>Zu abonnierende Kunden-ID</translation>
    </message>
    <message>
        <source>Subscribe</source>
        <translation>Abonnieren</translation>
    </message>
    <message>
        <source>The protocol has no unsubscribe: a removed client stops once the connection is renewed.</source>
        <translation>Das Protokoll kennt kein Abbestellen: ein entfernter Kunde endet mit der nächsten Verbindung.</translation>
    </message>
    <message>
        <source>Subscribed clients</source>
        <translation>Abonnierte Kunden</translation>
    </message>
    <message>
        <source>✓ confirmed</source>
        <translation>✓ bestätigt</translation>
    </message>
    <message>
        <source>✗ refused: %1</source>
        <translation>✗ abgelehnt: %1</translation>
    </message>
    <message>
        <source>◔ waiting for the server</source>
        <translation>◔ warte auf den Server</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>%1 entfernen</translation>
    </message>
</context>
<context>
    <name>Theme</name>
    <message>
        <source>UNK</source>
        <translation>UNBEK</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>INFO</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>NIEDRIG</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>MITTEL</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>HOCH</translation>
    </message>
    <message>
        <source>CRIT</source>
        <translation>KRIT</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Info</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Critical alert</source>
        <translation>Kritischer Alarm</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Anomaly</source>
        <translation>Anomalie</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Ticket</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>acknowledged</source>
        <translation>quittiert</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 d ago</source>
        <translation>vor %1 d</translation>
    </message>
    <message>
        <source>Event of an unknown kind</source>
        <translation>Ereignis unbekannter Art</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
</context>
<context>
    <name>WallView</name>
    <message>
        <source>Alert storm: %1 new in the last minute</source>
        <translation>Alarmsturm: %1 neu in der letzten Minute</translation>
    </message>
    <message>
        <source>All quiet: nothing unacknowledged.</source>
        <translation>Alles ruhig: nichts unquittiert.</translation>
    </message>
    <message>
        <source>Waiting for the alert feed…</source>
        <translation>Warte auf den Alarm-Feed…</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Live feed only: the server&apos;s alert history is unavailable.</source>
        <translation>Nur Live-Daten: Der Alarmverlauf des Servers ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>Loading the server&apos;s open alerts…</source>
        <translation>Lade die offenen Alarme des Servers…</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Live NOC alert dashboard. Connects to a NOC server, or with --demo to a built-in simulator.</source>
        <translation>Live-Alarm-Dashboard für das NOC. Verbindet sich mit einem NOC-Server oder mit --demo mit einem eingebauten Simulator.</translation>
    </message>
    <message>
        <source>Run on the embedded simulator backend.</source>
        <translation>Mit dem eingebauten Simulator-Backend starten.</translation>
    </message>
    <message>
        <source>User interface language (en, de); default: the system&apos;s.</source>
        <translation>Sprache der Oberfläche (en, de); Standard: die des Systems.</translation>
    </message>
    <message>
        <source>Self-check: exit once N alerts are shown.</source>
        <translation>Selbsttest: beenden, sobald N Alarme angezeigt werden.</translation>
    </message>
    <message>
        <source>Self-check: save a screenshot here.</source>
        <translation>Selbsttest: Bildschirmfoto hier speichern.</translation>
    </message>
    <message>
        <source>Self-check: give up after S seconds.</source>
        <translation>Selbsttest: nach S Sekunden aufgeben.</translation>
    </message>
    <message>
        <source>DEMO BACKEND</source>
        <translation>DEMO-BACKEND</translation>
    </message>
    <message>
        <source>Wall mode: full screen, large type, no dialogs, no cursor.</source>
        <translation>Wandmodus: Vollbild, große Schrift, keine Dialoge, kein Mauszeiger.</translation>
    </message>
    <message>
        <source>Wall mode: the screen to fill (0, 1, ...).</source>
        <translation>Wandmodus: der zu füllende Bildschirm (0, 1, ...).</translation>
    </message>
    <message>
        <source>Write the health line (nocdash.health) every S seconds; 0: never.</source>
        <translation>Die Zustandszeile (nocdash.health) alle S Sekunden schreiben; 0: nie.</translation>
    </message>
    <message>
        <source>Wall screen: showing live alerts</source>
        <translation>Wandanzeige: zeigt Live-Alarme</translation>
    </message>
</context>
<context>
    <name>noc::AckOutbox</name>
    <message>
        <source>the acknowledgement outbox</source>
        <translation>der Quittierungs-Ausgang</translation>
    </message>
</context>
<context>
    <name>noc::ActionOutbox</name>
    <message>
        <source>the action outbox</source>
        <translation>der Aktions-Ausgang</translation>
    </message>
</context>
<context>
    <name>noc::AlertHistory</name>
    <message>
        <source>the server refuses to list alerts (HTTP 403: %1)</source>
        <translation>der Server verweigert die Alarmliste (HTTP 403: %1)</translation>
    </message>
    <message>
        <source>this account may not list alerts (%1)</source>
        <translation>dieses Konto darf keine Alarme auflisten (%1)</translation>
    </message>
    <message>
        <source>the server has no alert list (HTTP 404)</source>
        <translation>der Server hat keine Alarmliste (HTTP 404)</translation>
    </message>
    <message>
        <source>the server did not accept the session&apos;s token</source>
        <translation>der Server hat das Token der Sitzung nicht angenommen</translation>
    </message>
    <message>
        <source>reading the alert list failed: %1</source>
        <translation>Lesen der Alarmliste fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>noc::AuthClient</name>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>TLS-Zertifikat abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>noc::CloseClassification</name>
    <message>
        <source>The server refused the connection (permission, Origin or connection limit)</source>
        <translation>Der Server hat die Verbindung abgelehnt (Berechtigung, Origin oder Verbindungslimit)</translation>
    </message>
    <message>
        <source>The server answered HTTP %1 to the WebSocket upgrade</source>
        <translation>Der Server antwortete mit HTTP %1 auf das WebSocket-Upgrade</translation>
    </message>
    <message>
        <source>Cannot reach the server: %1</source>
        <translation>Server nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>The server closed the connection (%1)</source>
        <translation>Der Server hat die Verbindung geschlossen (%1)</translation>
    </message>
    <message>
        <source>Too many connections (%1)</source>
        <translation>Zu viele Verbindungen (%1)</translation>
    </message>
    <message>
        <source>Server error (%1)</source>
        <translation>Serverfehler (%1)</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
</context>
<context>
    <name>noc::ConnectionOptions</name>
    <message>
        <source>Server base URL (https://…); repeat for failover, in order.</source>
        <translation>Basis-URL des Servers (https://…); mehrfach für Ausweichserver, in Reihenfolge.</translation>
    </message>
    <message>
        <source>User name (default: the one in the settings).</source>
        <translation>Benutzername (Standard: der aus den Einstellungen).</translation>
    </message>
    <message>
        <source>Read the password from standard input (else NOCDASH_PASSWORD).</source>
        <translation>Passwort von der Standardeingabe lesen (sonst NOCDASH_PASSWORD).</translation>
    </message>
    <message>
        <source>Login endpoints: token, v2 or auto.</source>
        <translation>Anmelde-Endpunkte: token, v2 oder auto.</translation>
    </message>
    <message>
        <source>Origin header for WebSockets (default: the server&apos;s own).</source>
        <translation>Origin-Header für WebSockets (Standard: der des Servers).</translation>
    </message>
    <message>
        <source>Send the WebSocket token in the query, header or cookie.</source>
        <translation>WebSocket-Token in der Abfrage, im Header oder im Cookie senden.</translation>
    </message>
    <message>
        <source>PEM file with extra CA certificates (a company CA).</source>
        <translation>PEM-Datei mit zusätzlichen CA-Zertifikaten (eine Firmen-CA).</translation>
    </message>
    <message>
        <source>Do not verify TLS certificates (never in production).</source>
        <translation>TLS-Zertifikate nicht prüfen (nie im Betrieb).</translation>
    </message>
    <message>
        <source>Follow this client&apos;s alerts (repeatable).</source>
        <translation>Alarme dieses Kunden verfolgen (wiederholbar).</translation>
    </message>
</context>
<context>
    <name>noc::CredentialStore</name>
    <message>
        <source>sign in with your password this time.</source>
        <translation>melden Sie sich diesmal mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <source>nothing was saved, so you will have to sign in again next time.</source>
        <translation>es wurde nichts gespeichert, Sie müssen sich beim nächsten Mal erneut anmelden.</translation>
    </message>
    <message>
        <source>a sign-in saved earlier may still be stored: remove the &quot;nocdash&quot; entries with your keyring manager (e.g. Seahorse).</source>
        <translation>eine früher gespeicherte Anmeldung ist eventuell noch vorhanden: entfernen Sie die "nocdash"-Einträge mit Ihrer Schlüsselbundverwaltung (z. B. Seahorse).</translation>
    </message>
    <message>
        <source>No saved sign-in in the keychain for this server and user: sign in with your password.</source>
        <translation>Keine gespeicherte Anmeldung im Schlüsselbund für diesen Server und Benutzer: melden Sie sich mit Ihrem Passwort an.</translation>
    </message>
    <message>
        <source>The keychain has no such entry.</source>
        <translation>Der Schlüsselbund hat keinen solchen Eintrag.</translation>
    </message>
    <message>
        <source>The keychain could not delete the saved sign-in: %1</source>
        <translation>Der Schlüsselbund konnte die gespeicherte Anmeldung nicht löschen: %1</translation>
    </message>
    <message>
        <source>Access to the keychain was refused at its prompt; allow nocdash when it asks, or %1</source>
        <translation>Der Zugriff auf den Schlüsselbund wurde an dessen Abfrage verweigert; erlauben Sie nocdash den Zugriff, oder %1</translation>
    </message>
    <message>
        <source>The keychain is locked or refused access: unlock your keyring (e.g. in Seahorse) and try again; until then %1</source>
        <translation>Der Schlüsselbund ist gesperrt oder verweigert den Zugriff: entsperren Sie ihn (z. B. in Seahorse) und versuchen Sie es erneut; bis dahin %1</translation>
    </message>
    <message>
        <source>No keychain is available (no Secret Service running): %1</source>
        <translation>Kein Schlüsselbund verfügbar (kein Secret Service aktiv): %1</translation>
    </message>
    <message>
        <source>This system&apos;s keychain cannot do that: %1</source>
        <translation>Der Schlüsselbund dieses Systems kann das nicht: %1</translation>
    </message>
    <message>
        <source>The keychain has no default keyring (&quot;login&quot;): create or unlock one in your keyring manager (e.g. Seahorse); until then %1</source>
        <translation>Der Schlüsselbund hat keinen Standard-Schlüsselring ("login"): legen Sie einen in Ihrer Schlüsselbundverwaltung an oder entsperren Sie ihn (z. B. Seahorse); bis dahin %1</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>The keychain failed (%1): %2</source>
        <translation>Der Schlüsselbund ist fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>No server or user name: there is nothing to forget.</source>
        <translation>Kein Server oder Benutzername: es gibt nichts zu vergessen.</translation>
    </message>
    <message>
        <source>No server or user name: there is no saved sign-in to read.</source>
        <translation>Kein Server oder Benutzername: es gibt keine gespeicherte Anmeldung zu lesen.</translation>
    </message>
    <message>
        <source>No server or user name: nothing was saved.</source>
        <translation>Kein Server oder Benutzername: nichts wurde gespeichert.</translation>
    </message>
</context>
<context>
    <name>noc::DashboardCommands</name>
    <message>
        <source>The server closes the connection whenever this alert is acknowledged (unknown alert?)</source>
        <translation>Der Server schließt die Verbindung bei jeder Quittierung dieses Alarms (unbekannter Alarm?)</translation>
    </message>
</context>
<context>
    <name>noc::DurableStore</name>
    <message>
        <source>%1 cannot be read (%2) nor moved aside: the next change replaces it</source>
        <translation>%1 kann nicht gelesen (%2) und nicht beiseitegelegt werden: Die nächste Änderung ersetzt die Datei</translation>
    </message>
    <message>
        <source>%1 cannot be read (%2): it was kept as %3, and nothing in it is sent</source>
        <translation>%1 kann nicht gelesen werden (%2): Die Datei wurde als %3 aufbewahrt, nichts daraus wird gesendet</translation>
    </message>
    <message>
        <source>%1 cannot be written (%2): the latest changes are kept in memory only</source>
        <translation>%1 kann nicht geschrieben werden (%2): Die letzten Änderungen liegen nur im Speicher</translation>
    </message>
    <message>
        <source>%1 is in use by %2 (pid %3 on %4, lock %5): what is queued here is kept in memory only, and sent while this program runs</source>
        <translation>%1 wird von %2 benutzt (PID %3 auf %4, Sperre %5): Was hier wartet, bleibt nur im Speicher und wird gesendet, solange dieses Programm läuft</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>einem anderen Programm</translation>
    </message>
    <message>
        <source>%1 (%2) cannot be locked: what is queued here is kept in memory only</source>
        <translation>%1 (%2) kann nicht gesperrt werden: Was hier wartet, bleibt nur im Speicher</translation>
    </message>
</context>
<context>
    <name>noc::NocClient</name>
    <message>
        <source>No server configured</source>
        <translation>Kein Server konfiguriert</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Gave up after %1 attempts: %2</source>
        <translation>Nach %1 Versuchen aufgegeben: %2</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>Anmeldung erforderlich</translation>
    </message>
    <message>
        <source>The network is back</source>
        <translation>Das Netzwerk ist wieder da</translation>
    </message>
    <message>
        <source>Resumed from sleep</source>
        <translation>Aus dem Ruhezustand fortgesetzt</translation>
    </message>
    <message>
        <source>Too many sign-in attempts: %1</source>
        <translation>Zu viele Anmeldeversuche: %1</translation>
    </message>
    <message>
        <source>Session expired: %1</source>
        <translation>Sitzung abgelaufen: %1</translation>
    </message>
    <message>
        <source>Too many token renewals: %1</source>
        <translation>Zu viele Token-Erneuerungen: %1</translation>
    </message>
    <message>
        <source>Token renewal failed: %1</source>
        <translation>Token-Erneuerung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>text longer than %1 characters</source>
        <translation>Text länger als %1 Zeichen</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>no frames heard while connected</source>
        <translation>verbunden, aber keine Frames empfangen</translation>
    </message>
</context>
<context>
    <name>noc::WebSocketChannel</name>
    <message>
        <source>Connection attempt timed out</source>
        <translation>Zeitüberschreitung beim Verbindungsaufbau</translation>
    </message>
    <message>
        <source>Closed by operator</source>
        <translation>Vom Bediener geschlossen</translation>
    </message>
    <message>
        <source>binary frame of %1 bytes</source>
        <translation>Binärframe mit %1 Bytes</translation>
    </message>
    <message>
        <source>No data from the server for %1 s</source>
        <translation>Seit %1 s keine Daten vom Server</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>TLS-Zertifikat abgelehnt: %1</translation>
    </message>
    <message>
        <source>&lt;binary frame of %1 bytes&gt;</source>
        <translation>&lt;Binärframe mit %1 Bytes&gt;</translation>
    </message>
</context>
</TS>
