#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Fills translations/nocdash_de.ts from the table below after `lupdate` added new strings.
# Usage: tools/translations_de.py translations/nocdash_de.ts   (reports strings still untranslated)
import html
import re
import sys

GERMAN = {
    "new": "neu",
    "◔ pending": "◔ ausstehend",
    "✓ ack'd": "✓ quittiert",
    "✗ failed": "✗ fehlgeschlagen",
    "Connection: %1": "Verbindung: %1",
    "No server": "Kein Server",
    "Live · RTT %1 ms": "Live · RTT %1 ms",
    "Live": "Live",
    "Signing in…": "Anmeldung…",
    "Connecting…": "Verbinde…",
    "Reconnecting": "Verbinde neu",
    "Failed": "Fehlgeschlagen",
    "Offline": "Offline",
    "nocdash — %1": "nocdash — %1",
    "SEVERITY": "SCHWERE",
    "TIME": "ZEIT",
    "CLIENT": "KUNDE",
    "TYPE": "TYP",
    "MESSAGE": "MELDUNG",
    "SITE": "STANDORT",
    "STATE": "STATUS",
    "Alerts": "Alarme",
    "No alerts yet. All quiet.": "Noch keine Alarme. Alles ruhig.",
    "Waiting for the alert feed…": "Warte auf den Alarm-Feed…",
    "%1 alerts shown · %2 received · subscribed to %3": "%1 Alarme angezeigt · %2 empfangen · abonniert: %3",
    "No live data since %1": "Keine Live-Daten seit %1",
    "No live data yet": "Noch keine Live-Daten",
    "%1 · reconnecting in %2 s": "%1 · neuer Versuch in %2 s",
    "UNK": "UNBEK",
    "INFO": "INFO",
    "LOW": "NIEDRIG",
    "MED": "MITTEL",
    "HIGH": "HOCH",
    "CRIT": "KRIT",
    "Live NOC alert dashboard. Connects to a NOC server, or with --demo to a built-in simulator.":
        "Live-Alarm-Dashboard für das NOC. Verbindet sich mit einem NOC-Server oder mit --demo mit einem eingebauten Simulator.",
    "Run on the embedded simulator backend.": "Mit dem eingebauten Simulator-Backend starten.",
    "Server base URL (https://…).": "Basis-URL des Servers (https://…).",
    "User name.": "Benutzername.",
    "Read the password from standard input (else NOCDASH_PASSWORD).":
        "Passwort von der Standardeingabe lesen (sonst NOCDASH_PASSWORD).",
    "Auth generation: token, v2 or auto.": "Anmeldeverfahren: token, v2 oder auto.",
    "Origin header (default: the server's).": "Origin-Header (Standard: der des Servers).",
    "Send the token in the query, header or cookie.": "Token in Query, Header oder Cookie senden.",
    "Subscribe to this client (repeatable).": "Diesen Kunden abonnieren (mehrfach möglich).",
    "User interface language (en, de); default: the system's.":
        "Sprache der Oberfläche (en, de); Standard: die des Systems.",
    "Self-check: exit once N alerts are shown.": "Selbsttest: beenden, sobald N Alarme angezeigt werden.",
    "Self-check: save a screenshot here.": "Selbsttest: Bildschirmfoto hier speichern.",
    "Self-check: give up after S seconds.": "Selbsttest: nach S Sekunden aufgeben.",
    "DEMO BACKEND": "DEMO-BACKEND",
    "No server configured": "Kein Server konfiguriert",
    "Signing in as %1": "Anmeldung als %1",
    "Disconnected": "Getrennt",
    "Sign-in failed: %1": "Anmeldung fehlgeschlagen: %1",
    "Session expired; signing in again": "Sitzung abgelaufen; erneute Anmeldung",
    "Token refresh failed: %1": "Token-Erneuerung fehlgeschlagen: %1",
    "Connecting to %1": "Verbinde mit %1",
    "Connection lost before the server confirmed": "Verbindung verloren, bevor der Server bestätigte",
    "Server refused the connection; renewing the session": "Server hat die Verbindung abgelehnt; Sitzung wird erneuert",
    "Server refused the connection (permission, origin or connection limit)":
        "Server hat die Verbindung abgelehnt (Berechtigung, Origin oder Verbindungslimit)",
    "Server closed the connection (%1%2)": "Server hat die Verbindung geschlossen (%1%2)",
    "Connection lost": "Verbindung verloren",
    "Renewing the session": "Sitzung wird erneuert",
    "Not connected": "Nicht verbunden",
    "Connection attempt timed out": "Zeitüberschreitung beim Verbindungsaufbau",
    "Closed by operator": "Vom Bediener geschlossen",
    "binary frame of %1 bytes": "Binärframe mit %1 Bytes",
    "No data from the server for %1 s": "Seit %1 s keine Daten vom Server",
}


def main(path):
    text = open(path, encoding="utf-8").read()
    missing = []

    def fill(match):
        source = html.unescape(match.group(1))
        german = GERMAN.get(source)
        if german is None:
            missing.append(source)
            return match.group(0)
        return "<source>%s</source>\n        <translation>%s</translation>" % (
            match.group(1), html.escape(german, quote=False).replace("'", "&apos;"))

    text = re.sub(r"<source>(.*?)</source>\s*<translation[^>]*>.*?</translation>", fill, text, flags=re.S)
    open(path, "w", encoding="utf-8").write(text)
    for source in missing:
        print("untranslated:", source)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
