<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
</context>
<context>
    <name>Main</name>
    <message>
        <source>nocdash — %1</source>
        <translation>nocdash — %1</translation>
    </message>
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
        <source>Alerts</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>No alerts yet. All quiet.</source>
        <translation>Noch keine Alarme. Alles ruhig.</translation>
    </message>
    <message>
        <source>Waiting for the alert feed…</source>
        <translation>Warte auf den Alarm-Feed…</translation>
    </message>
    <message>
        <source>%1 alerts shown · %2 received · subscribed to %3</source>
        <translation>%1 Alarme angezeigt · %2 empfangen · abonniert: %3</translation>
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
        <source>Server base URL (https://…).</source>
        <translation>Basis-URL des Servers (https://…).</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>Benutzername.</translation>
    </message>
    <message>
        <source>Read the password from standard input (else NOCDASH_PASSWORD).</source>
        <translation>Passwort von der Standardeingabe lesen (sonst NOCDASH_PASSWORD).</translation>
    </message>
    <message>
        <source>Auth generation: token, v2 or auto.</source>
        <translation>Anmeldeverfahren: token, v2 oder auto.</translation>
    </message>
    <message>
        <source>Origin header (default: the server&apos;s).</source>
        <translation>Origin-Header (Standard: der des Servers).</translation>
    </message>
    <message>
        <source>Send the token in the query, header or cookie.</source>
        <translation>Token in Query, Header oder Cookie senden.</translation>
    </message>
    <message>
        <source>Subscribe to this client (repeatable).</source>
        <translation>Diesen Kunden abonnieren (mehrfach möglich).</translation>
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
</context>
<context>
    <name>noc::NocClient</name>
    <message>
        <source>No server configured</source>
        <translation>Kein Server konfiguriert</translation>
    </message>
    <message>
        <source>Signing in as %1</source>
        <translation>Anmeldung als %1</translation>
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
        <source>Session expired; signing in again</source>
        <translation>Sitzung abgelaufen; erneute Anmeldung</translation>
    </message>
    <message>
        <source>Token refresh failed: %1</source>
        <translation>Token-Erneuerung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Connecting to %1</source>
        <translation>Verbinde mit %1</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Connection lost before the server confirmed</source>
        <translation>Verbindung verloren, bevor der Server bestätigte</translation>
    </message>
    <message>
        <source>Server refused the connection; renewing the session</source>
        <translation>Server hat die Verbindung abgelehnt; Sitzung wird erneuert</translation>
    </message>
    <message>
        <source>Server refused the connection (permission, origin or connection limit)</source>
        <translation>Server hat die Verbindung abgelehnt (Berechtigung, Origin oder Verbindungslimit)</translation>
    </message>
    <message>
        <source>Server closed the connection (%1%2)</source>
        <translation>Server hat die Verbindung geschlossen (%1%2)</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>Renewing the session</source>
        <translation>Sitzung wird erneuert</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
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
</context>
</TS>
