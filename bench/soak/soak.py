#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# An accelerated week on a wall screen (issue 19): the shipped `nocdash --kiosk` against the shipped
# noc-sim, each its own process, with time compressed (access tokens living seconds, refresh tokens
# rotated and the old one refused, heartbeats every few seconds) and a schedule of what a week brings,
# each several times: token renewals, server restarts, a long outage, 1000/4408/1011 closes, colleagues
# acting over REST (delivered, or closing every socket with 1011 as current servers do), a storm, alerts
# raised while the wall is away, the wall killed with SIGKILL and started again, refresh tokens revoked
# (the wall must say it is signed out and come back when `nocctl login` provisions a session), and the
# wall's clock stepped by an hour (libfaketime, when installed).
#
# It samples from outside the process (PSS, descriptors, sockets, threads, CPU from /proc) and reads the
# screen through nocdash's own view line (QT_LOGGING_RULES="nocdash.view.info=true": stale band,
# signed-out screen, the counters as drawn). After each quiet spell the counters must equal the alerts
# the simulator holds as NEW. It prints a report, writes samples.csv, and draws soak.png when matplotlib
# is installed. Exit status 1 when a target is missed.
#
#   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
#       python3 bench/soak/soak.py --build build/bench --keyring --out /tmp/soak
#
# `--profile short` is the 3-minute version ctest runs (label soak), offscreen, on fewer cycles.
import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ui"))
from bench_dashboard import cpu_ns, free_port, pss_kib, start_keyring  # noqa: E402

MIB = 1024.0
# The client's Severity codes (services/protocol/Severity.h) for the simulator's words.
SEVERITY_CODES = {"INFO": 1, "LOW": 2, "MEDIUM": 3, "HIGH": 4, "CRITICAL": 5}

PROFILES = {
    # About 25 minutes: three cycles, two of them with the long outage.
    "week": dict(cycles=3, long_outage_cycles=(0, 2), access_ttl=8, refresh_ttl=240, heartbeat=5,
                 colleagues="6,12", rate=0.5, seed=300, quiet=35, busy=25, storm_rate=1000, storm_s=10,
                 long_outage_s=150, restart_down_s=3, sample_s=2.0, pss_tolerance=0.05, fd_slack=2),
    # About 3 minutes, for ctest: one cycle of everything, a short "long" outage.
    "short": dict(cycles=1, long_outage_cycles=(0,), access_ttl=8, refresh_ttl=120, heartbeat=4,
                  colleagues="3,6", rate=0.5, seed=150, quiet=20, busy=10, storm_rate=300, storm_s=4,
                  long_outage_s=15, restart_down_s=2, sample_s=1.0, pss_tolerance=0.10, fd_slack=3),
}


def start_own_keyring():
    """An unlocked keyring of its own on this bus, in a home of its own: a login keyring already in $HOME
    was made with another password (tools/test.sh's), which this daemon could not unlock."""
    home = tempfile.mkdtemp(prefix="soak-keyring-")
    os.makedirs(os.path.join(home, "run"), mode=0o700)
    os.environ.update(HOME=home, XDG_DATA_HOME=os.path.join(home, ".local", "share"),
                      XDG_RUNTIME_DIR=os.path.join(home, "run"))
    start_keyring()


class Sim:
    """noc-sim in its own process, and its control API."""

    def __init__(self, build, port, profile):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [os.path.join(build, "app/noc-sim/noc-sim"), "--port", str(port), "--quiet",
             "--access-ttl", str(profile["access_ttl"]), "--refresh-ttl", str(profile["refresh_ttl"]),
             "--heartbeat-interval", str(profile["heartbeat"]), "--colleague-interval", profile["colleagues"],
             "--seed-alerts", str(profile["seed"]), "--rate", str(profile["rate"]), "--burst", "0",
             "--tenant-events", "0", "--presence-updates", "0", "--no-traffic",
             # The server's sign-in budget (60 an hour per address, for tokens that live minutes) is
             # compressed with the token lifetime, or the wall spends the run waiting out its 429s.
             "--login-throttle", str(5 * 3600 // profile["access_ttl"])],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                self.get("status")
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("noc-sim did not start")

    def call(self, method, endpoint, body=None, timeout=10):
        data = json.dumps(body or {}).encode() if method == "POST" else None
        request = urllib.request.Request(f"{self.url}/control/{endpoint}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return json.loads(reply.read() or b"{}")

    def get(self, endpoint):
        return self.call("GET", endpoint)

    def post(self, endpoint, body=None):
        return self.call("POST", endpoint, body)

    def unhandled(self):
        """What the wall's counters must show: NEW alerts by the client's severity code."""
        fresh = self.get("alerts").get("new_by_severity", {})
        return {SEVERITY_CODES.get(k, 0): v for k, v in fresh.items() if v}

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()


class Wall:
    """`nocdash --kiosk`, started again after a kill; its log lines timestamped as they arrive."""

    def __init__(self, args, sim_url, home, log):
        self.args, self.sim_url, self.home, self.log = args, sim_url, home, log
        self.process = None
        self.lock = threading.Lock()
        self.view = None  # the last view line: dict + "t"
        self.views = []  # (t, stale, band, signed_out, unhandled or None)
        self.health = []  # the health lines, as printed
        self.expected_exit = False
        self.unexpected_exits = []
        self.started_at = None
        self.clients = []

    def env(self):
        env = dict(os.environ, HOME=self.home, XDG_CONFIG_HOME=os.path.join(self.home, ".config"),
                   XDG_DATA_HOME=os.path.join(self.home, ".local/share"),
                   XDG_STATE_HOME=os.path.join(self.home, ".local/state"),
                   XDG_RUNTIME_DIR=os.path.join(self.home, "run"),
                   QT_LOGGING_RULES="nocdash.view.info=true;nocdash.health.info=true")
        env.pop("NOCDASH_PASSWORD", None)  # a wall has no password: only the session nocctl stored
        if self.args.faketime:
            env.update(LD_PRELOAD=self.args.faketime, FAKETIME_TIMESTAMP_FILE=self.args.clock_file,
                       FAKETIME_CACHE_DURATION="1", DONT_FAKE_MONOTONIC="1")
        return env

    def login(self):
        """`nocctl login` as an operator would over SSH: writes the session into the keychain."""
        env = self.env()
        env.pop("LD_PRELOAD", None)
        env["NOCDASH_PASSWORD"] = "operator"
        result = subprocess.run([os.path.join(self.args.build, "app/nocctl/nocctl"), "login", "--server",
                                 self.sim_url, "--user", "operator"], env=env, capture_output=True, timeout=60)
        if result.returncode != 0:
            raise RuntimeError(f"nocctl login failed: {result.stderr.decode(errors='replace')}")

    def start(self):
        command = [os.path.join(self.args.build, "app/nocdash/nocdash"), "--kiosk", "--server", self.sim_url,
                   "--user", "operator", "--lang", "en", "--health-log-interval",
                   str(self.args.health_interval)]
        # A wall follows the whole NOC: every client the server has.
        for client in self.clients:
            command += ["--client", client]
        with self.lock:
            self.view = None
        self.expected_exit = False
        self.started_at = time.monotonic()
        self.process = subprocess.Popen(command, env=self.env(), stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE, text=True, errors="replace")
        threading.Thread(target=self.read_log, args=(self.process,), daemon=True).start()

    def read_log(self, process):
        for line in process.stderr:
            now = time.monotonic()
            self.log.write(f"{now:.3f} {line}")
            if "view: " in line:
                words = dict(w.split("=", 1) for w in line.split("view: ", 1)[1].split() if "=" in w)
                unhandled = None if words.get("unhandled", "-") == "-" else int(words["unhandled"])
                counters = {}
                if words.get("counters", "-") != "-":
                    for pair in words["counters"].split(","):
                        severity, value = pair.split(":")
                        if int(value):
                            counters[int(severity)] = int(value)
                view = {"t": now, "stale": words.get("stale") == "1", "band": words.get("stale_band") == "1",
                        "signed_out": words.get("signed_out_screen") == "1", "unhandled": unhandled,
                        "counters": counters}
                with self.lock:
                    self.view = view
                    self.views.append((now, view["stale"], view["band"], view["signed_out"], unhandled))
            elif "nocdash.health" in line or "uptime=" in line:
                self.health.append(line.strip())
        code = process.wait()
        if not self.expected_exit:
            self.unexpected_exits.append((time.monotonic(), code))

    def current(self):
        with self.lock:
            return dict(self.view) if self.view else None

    def alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        self.expected_exit = True
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.alive():
            self.expected_exit = True
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()


def proc_figures(pid):
    """What /proc says of one process: PSS, descriptors by kind, threads, POSIX timers, CPU."""
    kinds = {"socket": 0, "timerfd": 0, "eventfd": 0, "other": 0}
    fd_dir = f"/proc/{pid}/fd"
    for fd in os.listdir(fd_dir):
        try:
            target = os.readlink(os.path.join(fd_dir, fd))
        except OSError:
            continue
        kind = ("socket" if target.startswith("socket:") else "timerfd" if "timerfd" in target
                else "eventfd" if "eventfd" in target else "other")
        kinds[kind] += 1
    with open(f"/proc/{pid}/status") as f:
        threads = next(int(line.split()[1]) for line in f if line.startswith("Threads:"))
    try:
        with open(f"/proc/{pid}/timers") as f:
            posix_timers = sum(1 for line in f if line.startswith("ID:"))
    except OSError:
        posix_timers = 0
    return {"pss": pss_kib(pid) / MIB, "fds": sum(kinds.values()), "sockets": kinds["socket"],
            "timerfds": kinds["timerfd"], "posix_timers": posix_timers, "threads": threads,
            "cpu_ns": cpu_ns(pid)}


class Sampler(threading.Thread):
    def __init__(self, wall, interval):
        super().__init__(daemon=True)
        self.wall, self.interval = wall, interval
        self.rows = []
        self.running = True
        self.last = None  # (t, pid, cpu_ns)

    def run(self):
        while self.running:
            t = time.monotonic()
            if self.wall.alive():
                pid = self.wall.process.pid
                try:
                    row = proc_figures(pid)
                except (OSError, StopIteration):
                    row = None
                if row:
                    cpu_pct = None
                    if self.last and self.last[1] == pid:
                        cpu_pct = 100.0 * (row["cpu_ns"] - self.last[2]) / 1e9 / (t - self.last[0])
                    self.last = (t, pid, row["cpu_ns"])
                    view = self.wall.current() or {}
                    row.update(t=t, cpu_pct=cpu_pct, band=int(view.get("band", 0)),
                               stale=int(view.get("stale", 0)), signed_out=int(view.get("signed_out", 0)))
                    self.rows.append(row)
            time.sleep(max(0.0, self.interval - (time.monotonic() - t)))


class Soak:
    def __init__(self, args, profile):
        self.args, self.p = args, profile
        self.t0 = time.monotonic()
        self.events = []  # (t, label)
        self.quiet_spans = []  # (start, end): no fault, no traffic: idle CPU is measured here
        self.outages = []  # (start, end, what)
        self.checks = []  # (label, ok, detail)
        self.spells = []  # quiet-spell results
        self.cold_starts = []
        self.signed_out = []
        self.home = tempfile.mkdtemp(prefix="nocdash-soak-")
        os.makedirs(os.path.join(self.home, ".config", "nocdash"))
        os.makedirs(os.path.join(self.home, "run"), mode=0o700)
        os.makedirs(args.out, exist_ok=True)
        self.log = open(os.path.join(args.out, "nocdash.log"), "w", buffering=1)
        self.sim = Sim(args.build, free_port(), profile)
        self.wall = Wall(args, self.sim.url, self.home, self.log)
        self.wall.clients = self.sim.get("status").get("clients", [])
        self.sampler = Sampler(self.wall, profile["sample_s"])

    def at(self):
        return time.monotonic() - self.t0

    def mark(self, label):
        self.events.append((time.monotonic(), label))
        print(f"[{self.at():7.1f} s] {label}", flush=True)

    def check(self, label, ok, detail=""):
        self.checks.append((label, ok, detail))
        print(f"[{self.at():7.1f} s]   {'ok  ' if ok else 'MISS'} {label}: {detail}", flush=True)

    def wait_view(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            view = self.wall.current()
            if view and predicate(view):
                return time.monotonic()
            if not self.wall.alive():
                self.restart_after_crash()
            time.sleep(0.2)
        return None

    def restart_after_crash(self):
        # What nocdash-wall.service does (Restart=always): counted as an exit nobody planned.
        self.mark("nocdash exited by itself: started again")
        self.wall.start()

    def counters_match(self, view, expected):
        return view["unhandled"] is not None and view["counters"] == expected

    # ---- the steps of a cycle ----------------------------------------------------------------------

    def quiet_spell(self, name):
        """Traffic and colleagues off; the counters must equal the server's NEW alerts by the end."""
        self.sim.post("traffic", {"on": False})
        start = time.monotonic()
        self.mark(f"quiet spell ({name})")
        deadline = start + self.p["quiet"]
        equal_at = None
        expected = self.sim.unhandled()
        while time.monotonic() < deadline:
            expected = self.sim.unhandled()
            view = self.wall.current()
            if view and self.counters_match(view, expected):
                if equal_at is None:
                    equal_at = time.monotonic()
            else:
                equal_at = None
            time.sleep(1.0)
        view = self.wall.current() or {}
        ok = equal_at is not None
        shown = view.get("counters")
        self.spells.append({"name": name, "ok": ok, "after_s": None if not ok else equal_at - start,
                            "expected": expected, "shown": shown})
        detail = (f"equal {equal_at - start:.1f} s into the spell" if ok else
                  f"server NEW {sum(expected.values())} {expected}, wall shows {view.get('unhandled')} {shown}")
        self.check(f"counters equal the server's after the quiet spell ({name})", ok, detail)
        # The second half of the spell had no fault and no traffic: idle CPU comes from there.
        self.quiet_spans.append((start + self.p["quiet"] / 2, time.monotonic()))

    def busy(self, seconds, mode="deliver"):
        self.sim.post("alert-api", {"alert_updated": mode})
        self.sim.post("traffic", {"on": True, "rate": self.p["rate"]})
        self.mark(f"colleagues act ({'alert_updated delivered' if mode == 'deliver' else '1011 closes'})"
                  f" and {self.p['rate']} alerts/s for {seconds} s")
        time.sleep(seconds)

    def outage(self, down_s, what):
        hb = self.p["heartbeat"]
        start = time.monotonic()
        self.mark(f"{what}: server down {down_s} s")
        self.sim.post("restart", {"down_ms": int(down_s * 1000)})
        # Must be loudly stale within two heartbeats (plus the band's 2 s grace and one probe tick).
        limit = 2 * hb + 3
        band_at = self.wait_view(lambda v: v["band"], limit) if down_s > limit else None
        if down_s > limit:
            self.check(f"stale band within two heartbeats of the {what}", band_at is not None,
                       f"after {band_at - start:.1f} s" if band_at else f"not within {limit} s")
        time.sleep(max(0.0, start + down_s - time.monotonic()))
        self.outages.append((start, time.monotonic(), what))
        fresh_at = self.wait_view(lambda v: not v["band"] and not v["stale"], 60)
        self.check(f"fresh again after the {what}", fresh_at is not None,
                   f"{fresh_at - (start + down_s):.1f} s after the server came back" if fresh_at else "not in 60 s")

    def closes(self):
        for code, path, what in ((1000, "/ws/noc/dashboard/", "normal close"),
                                 (4408, "/ws/noc/presence/", "presence timeout close"),
                                 (1011, "/ws/noc/dashboard/", "server error close")):
            self.mark(f"{code} ({what})")
            before = self.sim.get("status").get("accepted", {}).get(path.strip("/").split("/")[-1], 0)
            self.sim.post("close", {"code": code, "path": path})
            # Back means a new socket on that path and a view that is not stale.
            deadline = time.monotonic() + 30
            back = None
            while time.monotonic() < deadline and back is None:
                accepted = self.sim.get("status").get("accepted", {}).get(path.strip("/").split("/")[-1], 0)
                view = self.wall.current()
                if accepted > before and view and not view["stale"]:
                    back = time.monotonic()
                time.sleep(0.2)
            self.check(f"live again after {code}", back is not None, "a new socket, not stale" if back else "not in 30 s")
            time.sleep(2)

    def storm(self):
        rate, seconds = self.p["storm_rate"], self.p["storm_s"]
        self.mark(f"storm: {rate} alerts/s for {seconds} s")
        first_id = self.sim.post("publish", {"severity": "INFO", "message": "soak marker"})["alert_id"]
        self.sim.post("traffic", {"on": True, "rate": rate})
        time.sleep(seconds)
        self.sim.post("traffic", {"on": False, "rate": self.p["rate"]})
        last_id = self.sim.post("publish", {"severity": "INFO", "message": "soak marker"})["alert_id"]
        # Colleagues clear the storm in bulk, delivered as alert_updated (a 1011 for each of these
        # calls would be a storm of its own).
        self.sim.post("alert-api", {"alert_updated": "deliver"})
        self.mark(f"colleagues resolve the storm's {last_id - first_id + 1} alerts in bulk")
        ids = list(range(first_id, last_id + 1))
        refused = 0
        for i in range(0, len(ids), 100):
            answer = self.sim.post("alerts/act", {"as": "anna", "action": "bulk-action",
                                                  "fields": {"alert_ids": ids[i:i + 100], "action": "resolve",
                                                             "resolution_notes": "storm over"}})
            refused += answer.get("http_status") != 200
        if refused:
            self.mark(f"{refused} of the bulk calls were refused (the server's rate limit?)")

    def crash_and_cold_start(self):
        self.mark("SIGKILL; alerts raised while the wall is away")
        self.wall.kill()
        self.sim.post("alerts/seed", {"count": 20, "statuses": ["NEW"], "min_age_s": 1, "max_age_s": 30})
        time.sleep(1)
        expected = self.sim.unhandled()
        start = time.monotonic()
        self.wall.start()
        first = self.wait_view(lambda v: v["unhandled"] is not None and not v["stale"], 60)
        equal = self.wait_view(lambda v: self.counters_match(v, expected), 60)
        self.cold_starts.append((first and first - start, equal and equal - start, sum(expected.values())))
        self.mark(f"started again: live counters after {first - start if first else float('nan'):.1f} s, equal "
                  f"to the server's {sum(expected.values())} after {equal - start if equal else float('nan'):.1f} s")
        self.check("counters equal the server's after SIGKILL and start", equal is not None, "")

    def revoke_and_login(self):
        self.mark("refresh tokens revoked")
        self.sim.post("revoke-tokens")
        self.sim.post("expire-tokens", {"close_sockets": True})
        start = time.monotonic()
        out = self.wait_view(lambda v: v["signed_out"], 3 * self.p["access_ttl"] + 20)
        self.check("signed-out screen once the server refuses the session", out is not None,
                   f"after {out - start:.1f} s" if out else "never")
        time.sleep(3)
        self.mark("nocctl login (another process provisions a session)")
        login = time.monotonic()
        self.wall.login()
        back = self.wait_view(lambda v: not v["signed_out"] and not v["stale"], 30)
        self.signed_out.append((out and out - start, back and back - login))
        self.check("live again within 10 s of nocctl login", back is not None and back - login <= 10,
                   f"{back - login:.1f} s" if back else "not in 30 s")

    def clock_step(self):
        if not self.args.faketime:
            return
        for offset, what in (("+3600", "forward"), ("-3600", "back"), ("+0", "to the true time")):
            self.mark(f"wall clock stepped {what} ({offset} s)")
            with open(self.args.clock_file, "w") as f:
                f.write(offset + "\n")
            time.sleep(self.p["heartbeat"] * 2 + 2)
            live = self.wait_view(lambda v: not v["stale"], 30)
            self.check(f"live after the clock stepped {what}", live is not None, "")

    def run(self):
        self.wall.login()
        self.wall.start()
        self.sampler.start()
        up = self.wait_view(lambda v: v["unhandled"] is not None and not v["stale"], 60)
        if up is None:
            raise RuntimeError("the wall never showed live counters; see nocdash.log")
        self.mark(f"wall live, counters after {up - self.wall.started_at:.1f} s")
        for cycle in range(self.p["cycles"]):
            self.mark(f"--- cycle {cycle + 1} of {self.p['cycles']}")
            self.busy(self.p["busy"], "deliver")
            self.quiet_spell(f"cycle {cycle + 1}, actions delivered")
            self.busy(self.p["busy"], "close")
            self.quiet_spell(f"cycle {cycle + 1}, actions closing sockets 1011")
            self.outage(self.p["restart_down_s"], "restart")
            self.closes()
            self.storm()
            self.quiet_spell(f"cycle {cycle + 1}, after the storm")
            self.crash_and_cold_start()
            self.revoke_and_login()
            self.clock_step()
            if cycle in self.p["long_outage_cycles"]:
                self.outage(self.p["long_outage_s"], "long outage")
            self.quiet_spell(f"cycle {cycle + 1}, end")
        self.sampler.running = False
        self.sampler.join()

    # ---- the report ----------------------------------------------------------------------------------

    def stale_without_band(self):
        """The longest time the engine said stale while no band showed (signed-out screen aside)."""
        longest, since = 0.0, None
        for t, stale, band, signed_out, _ in self.wall.views:
            if stale and not band and not signed_out:
                since = since if since is not None else t
                longest = max(longest, t - since)
            else:
                since = None
        return longest

    def report(self):
        rows = self.sampler.rows
        span = rows[-1]["t"] - rows[0]["t"] if rows else 0
        out = []

        def say(line):
            out.append(line)
            print(line, flush=True)

        say(f"soak ({self.args.profile}): {span / 60:.1f} min of samples, {len(rows)} samples, "
            f"{self.p['cycles']} cycles; access tokens {self.p['access_ttl']} s, refresh {self.p['refresh_ttl']} s "
            f"(rotated), heartbeat {self.p['heartbeat']} s, {self.p['seed']} alerts seeded")
        quarters = [[r for r in rows if rows[0]["t"] + q * span / 4 <= r["t"] < rows[0]["t"] + (q + 1) * span / 4]
                    for q in range(4)]

        def median(values):
            values = sorted(values)
            return values[len(values) // 2] if values else float("nan")

        pss2, pss4 = median([r["pss"] for r in quarters[1]]), median([r["pss"] for r in quarters[3]])
        drift = (pss4 - pss2) / pss2 if pss2 else float("nan")
        say(f"PSS median: 2nd quarter {pss2:.1f} MiB, last quarter {pss4:.1f} MiB ({100 * drift:+.1f} %; "
            f"target within {100 * self.p['pss_tolerance']:.0f} %); min {min(r['pss'] for r in rows):.1f}, "
            f"max {max(r['pss'] for r in rows):.1f} MiB")
        self.check("PSS flat (last quarter against the second)", abs(drift) <= self.p["pss_tolerance"],
                   f"{100 * drift:+.1f} %")
        for key in ("fds", "sockets", "timerfds", "posix_timers", "threads"):
            q2 = max(r[key] for r in quarters[1]) if quarters[1] else 0
            q4 = max(r[key] for r in quarters[3]) if quarters[3] else 0
            say(f"{key}: max {q2} in the 2nd quarter, {q4} in the last (overall {min(r[key] for r in rows)}"
                f"..{max(r[key] for r in rows)})")
            self.check(f"{key} flat", q4 <= q2 + self.p["fd_slack"], f"{q2} -> {q4}")
        idle = []
        for start, end in self.quiet_spans:
            inside = [r for r in rows if start <= r["t"] <= end and r["cpu_pct"] is not None]
            if len(inside) >= 2:
                cpu = (inside[-1]["cpu_ns"] - inside[0]["cpu_ns"]) / 1e9 / (inside[-1]["t"] - inside[0]["t"])
                if inside[-1]["cpu_ns"] >= inside[0]["cpu_ns"]:
                    idle.append(100.0 * cpu)
        if idle:
            say(f"idle CPU in the quiet spells: {', '.join(f'{c:.2f}' for c in idle)} % of a core "
                f"(median {median(idle):.2f} %; target < 0.5 %)")
            self.check("idle CPU between faults < 0.5 % of a core", median(idle) < 0.5, f"median {median(idle):.2f} %")
        longest = self.stale_without_band()
        limit = 2 * self.p["heartbeat"]
        self.check("never stale without the band for longer than two heartbeats", longest <= limit + 2.5,
                   f"longest {longest:.1f} s (two heartbeats: {limit} s, the band's grace 2 s)")
        good = sum(1 for s in self.spells if s["ok"])
        say(f"quiet spells: {good} of {len(self.spells)} equal; "
            + "; ".join(f"{s['name']}: " + (f"equal after {s['after_s']:.0f} s" if s["ok"] else
                                             f"server {s['expected']} wall {s['shown']}") for s in self.spells))
        for first, equal, count in self.cold_starts:
            say(f"cold start after SIGKILL: live counters {first:.2f} s, equal to the server's {count} NEW "
                f"after {equal:.2f} s" if first and equal else "cold start: not live in 60 s")
        for out_after, back_after in self.signed_out:
            say(f"signed out: screen after {out_after or float('nan'):.1f} s; live {back_after or float('nan'):.1f} s "
                f"after nocctl login")
        unexpected = self.wall.unexpected_exits
        self.check("no exit other than the planned SIGKILL", not unexpected, f"{len(unexpected)} unplanned: {unexpected}")
        if self.wall.health:
            say(f"last health line: {self.wall.health[-1]}")
        missed = [c for c in self.checks if not c[1]]
        say(f"checks: {len(self.checks) - len(missed)} of {len(self.checks)} ok"
            + ("" if not missed else "; missed: " + "; ".join(f"{label} ({detail})" for label, _, detail in missed)))
        with open(os.path.join(self.args.out, "report.txt"), "w") as f:
            f.write("\n".join(out) + "\n")
        self.write_samples()
        self.draw()
        return not missed

    def write_samples(self):
        with open(os.path.join(self.args.out, "samples.csv"), "w", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["t_s", "pss_mib", "cpu_pct", "fds", "sockets", "threads", "stale", "band", "signed_out"])
            for r in self.sampler.rows:
                writer.writerow([f"{r['t'] - self.t0:.1f}", f"{r['pss']:.2f}",
                                 "" if r["cpu_pct"] is None else f"{r['cpu_pct']:.3f}", r["fds"], r["sockets"],
                                 r["threads"], r["stale"], r["band"], r["signed_out"]])
        with open(os.path.join(self.args.out, "events.txt"), "w") as f:
            for t, label in self.events:
                f.write(f"{t - self.t0:.1f} {label}\n")

    def draw(self):
        try:
            import matplotlib
            matplotlib.use("Agg")
            import matplotlib.pyplot as plt
        except ImportError:
            print("no picture: matplotlib is not installed (apt-get install python3-matplotlib)")
            return
        rows = self.sampler.rows
        t = [(r["t"] - self.t0) / 60 for r in rows]
        fig, (mem, cpu, fresh) = plt.subplots(3, 1, sharex=True, figsize=(14, 8),
                                              gridspec_kw={"height_ratios": [3, 3, 1]})
        mem.plot(t, [r["pss"] for r in rows], color="tab:blue")
        mem.set_ylabel("PSS (MiB)")
        cpu.plot([x for x, r in zip(t, rows) if r["cpu_pct"] is not None],
                 [r["cpu_pct"] for r in rows if r["cpu_pct"] is not None], color="tab:orange", linewidth=0.8)
        cpu.set_ylabel("CPU (% of a core)")
        cpu.set_yscale("symlog", linthresh=1)
        for start, end in self.quiet_spans:
            cpu.axvspan((start - self.t0) / 60, (end - self.t0) / 60, color="tab:green", alpha=0.15)
        fresh.fill_between(t, [r["band"] for r in rows], step="post", color="tab:red", label="stale band")
        fresh.fill_between(t, [r["signed_out"] for r in rows], step="post", color="black", label="signed out")
        fresh.set_yticks([])
        fresh.set_ylabel("on screen")
        fresh.legend(loc="upper right", fontsize=8)
        for t_event, label in self.events:
            if label.startswith("---") or label.startswith("wall live"):
                continue
            x = (t_event - self.t0) / 60
            for axis in (mem, cpu, fresh):
                axis.axvline(x, color="grey", linewidth=0.5, alpha=0.5)
            mem.annotate(label.split(":")[0][:22], (x, 1.0), xycoords=("data", "axes fraction"), rotation=90,
                         fontsize=6, va="top", ha="right", color="dimgrey")
        fresh.set_xlabel("minutes into the soak (green: quiet spells where idle CPU is measured)")
        fig.suptitle(f"nocdash --kiosk, accelerated week ({self.args.profile}): memory, CPU and freshness, "
                     "faults marked")
        fig.tight_layout()
        path = os.path.join(self.args.out, "soak.png")
        fig.savefig(path, dpi=110)
        print(f"picture: {path}")

    def close(self):
        self.sampler.running = False
        self.wall.stop()
        self.sim.stop()
        self.log.close()
        if not self.args.keep:
            shutil.rmtree(self.home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build/bench")
    parser.add_argument("--profile", choices=sorted(PROFILES), default="week")
    parser.add_argument("--out", default="", help="folder for report.txt, samples.csv, soak.png, nocdash.log")
    parser.add_argument("--keyring", action="store_true", help="start an unlocked GNOME keyring on this bus")
    parser.add_argument("--keep", action="store_true", help="keep the wall's temporary home")
    parser.add_argument("--health-interval", type=int, default=60, help="seconds between nocdash.health lines")
    args = parser.parse_args()
    args.out = args.out or tempfile.mkdtemp(prefix="soak-")
    os.makedirs(args.out, exist_ok=True)
    if args.keyring:
        start_own_keyring()
    args.faketime = next((p for p in ("/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1",
                                      "/usr/lib/aarch64-linux-gnu/faketime/libfaketime.so.1")
                          if os.path.exists(p)), "")
    args.clock_file = os.path.join(args.out, "clock-offset")
    with open(args.clock_file, "w") as f:
        f.write("+0\n")
    profile = PROFILES[args.profile]
    soak = Soak(args, profile)
    print(f"soak: {args.profile}, out {args.out}, display {os.environ.get('DISPLAY') or os.environ.get('QT_QPA_PLATFORM')}"
          f", clock steps {'through libfaketime' if args.faketime else 'skipped (faketime is not installed)'}",
          flush=True)
    try:
        soak.run()
        ok = soak.report()
    finally:
        soak.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
