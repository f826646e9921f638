#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The alert list as the NOC's state (issue 10), measured from outside: the shipped noc-sim and
# `nocctl watch --json` (the engine nocdash runs) as two processes on loopback, each run with a fresh
# home, settings, state directory and keychain service of its own. Run on demand, never in ctest:
#
#   python3 bench/history/measure_history.py --build build/ci [--only rest,latency,restart,current]
#
# It starts itself again inside `dbus-run-session` with an unlocked gnome-keyring when no session bus is
# there (nocctl keeps the session's refresh token in the keychain). Every figure is printed with what it
# means. Figures:
#   rest     REST calls of the user in the first minute after sign-in (300 open alerts on the server),
#            per reconnect (a 1001 close and a 1011 close nobody here caused), and per hour in steady
#            state (from /control/rest-calls, the simulator's own count of the user's alert API calls).
#   latency  a colleague resolves an alert (/control/alerts/act, the colleague's REST call); time until
#            nocctl prints the `status` event, with alert_updated delivered and with it closing sockets.
#   restart  a 100 alerts/s stream, the server restarts in the middle (/control/restart: every socket
#            closed 1001, the port closed for --down-ms, the store and the stream going on as a DB-backed
#            server's ingest does): alerts the server created vs alerts nocctl printed (live + back-filled),
#            with the alert list working and refused.
#   current  current servers (list refused, alert_updated closes every socket) with colleagues acting
#            every 20-40 s: REST calls and reconnects per hour (no retry loop, within the budget).
import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

CLIENTS = ["acme", "globex", "initech", "umbrella", "hooli", "soylent"]
OPEN_STATUSES = ["NEW", "ACKNOWLEDGED", "ASSIGNED", "ESCALATED"]
USER = "operator"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def say(text=""):
    print(text, flush=True)


class Sim:
    """One noc-sim process on a free loopback port, driven through its control API."""

    def __init__(self, build, args, log_dir):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        exe = os.path.join(build, "app", "noc-sim", "noc-sim")
        self.log = open(os.path.join(log_dir, f"noc-sim-{self.port}.log"), "w")
        self.process = subprocess.Popen([exe, "--port", str(self.port)] + args, stdout=self.log,
                                        stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                self.get("status")
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("noc-sim did not answer on its control API")
        # `--no-traffic` zeroes the rates `/control/traffic` would start with: the traffic starts with the
        # process and is stopped at once, to be started when a measurement wants it.
        self.post("traffic", {"on": False})

    def call(self, method, endpoint, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(f"{self.base}/control/{endpoint}", data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as reply:
            return json.loads(reply.read())

    def get(self, endpoint):
        return self.call("GET", endpoint)

    def post(self, endpoint, body=None):
        return self.call("POST", endpoint, body or {})

    def calls(self):
        """The user's alert API calls so far: total, list, detail, actions, throttled."""
        return self.get("rest-calls")["calls"].get(USER, {"total": 0, "list": 0, "detail": 0, "actions": 0,
                                                           "throttled": 0})

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.log.close()


class Watch:
    """`nocctl watch --json` with its own home; every line kept with the monotonic time it was read."""

    def __init__(self, build, sim, log_dir, conf="", clients=CLIENTS):
        self.home = tempfile.mkdtemp(prefix="nocctl-history-", dir=log_dir)
        config = os.path.join(self.home, "config", "nocdash")
        os.makedirs(config)
        with open(os.path.join(config, "nocdash.conf"), "w") as f:
            f.write(conf)
        env = dict(os.environ)
        env.update({"HOME": self.home, "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
                    "XDG_DATA_HOME": os.path.join(self.home, "data"),
                    "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
                    "NOCDASH_PASSWORD": USER, "NOCDASH_KEYCHAIN_SERVICE": "nocdash-bench-history"})
        exe = os.path.join(build, "app", "nocctl", "nocctl")
        args = [exe, "--server", sim.base, "--user", USER, "--state-dir", os.path.join(self.home, "state")]
        for client in clients:
            args += ["--client", client]
        args += ["watch", "--json"]
        self.started = time.monotonic()
        self.stderr = open(os.path.join(self.home, "stderr.log"), "w")
        self.process = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=self.stderr, text=True)
        self.events = []  # (monotonic seconds, event dict)
        self.lock = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.process.stdout:
            now = time.monotonic()
            try:
                event = json.loads(line)
            except ValueError:
                event = {"event": "unparsed", "line": line.rstrip()}
            with self.lock:
                self.events.append((now, event))
                self.lock.notify_all()

    def wait_for(self, predicate, timeout, start=0):
        """The first (time, event) from index `start` on that matches, or None after `timeout` s."""
        deadline = time.monotonic() + timeout
        index = start
        with self.lock:
            while True:
                while index < len(self.events):
                    if predicate(self.events[index][1]):
                        return self.events[index]
                    index += 1
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self.lock.wait(left)

    def mark(self):
        with self.lock:
            return len(self.events)

    def since(self, index):
        with self.lock:
            return list(self.events[index:])

    def stop(self):
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(5)
        self.stderr.close()


def is_event(kind, **fields):
    return lambda e: e.get("event") == kind and all(e.get(k) == v for k, v in fields.items())


def connected(e):
    return e.get("event") == "state" and e.get("state") == "Connected"


def history_settled(e):
    return e.get("event") in ("history_loaded", "history_unavailable")


def sim_args(list_mode="working", updated="deliver", rate=0, colleagues="0", extra=()):
    return ["--quiet", "--seed-alerts", "0", "--alert-list", list_mode, "--alert-updated", updated,
            "--rate", str(rate), "--burst", "0", "--tenant-events", "0", "--presence-updates", "0",
            "--colleague-interval", colleagues] + list(extra)


def delta(after, before):
    return {k: after[k] - before.get(k, 0) for k in after}


def calls_text(c):
    return f"{c['total']} (list {c['list']}, detail {c['detail']}, actions {c['actions']}, " \
           f"throttled {c['throttled']})"


def seed_open(sim, count):
    ids = []
    statuses = ["NEW", "NEW", "NEW", "ACKNOWLEDGED", "ASSIGNED", "ESCALATED"]
    ids += sim.post("alerts/seed", {"count": count, "statuses": statuses, "min_age_s": 120,
                                    "max_age_s": 8 * 3600})["ids"]
    return ids


# ---- 1. REST calls ---------------------------------------------------------------------------------

def measure_rest(opts):
    say("== 1. REST calls (list working, alert_updated delivered, 300 open alerts seeded, a 3/s stream) ==")
    sim = Sim(opts.build, sim_args(rate=3), opts.logs)
    watch = None
    try:
        seed_open(sim, 300)
        say(f"server: {sim.get('alerts')['open']} open alerts before sign-in")
        sim.post("traffic", {"on": True})
        watch = Watch(opts.build, sim, opts.logs)
        loaded = watch.wait_for(history_settled, 60)
        if loaded:
            say(f"start-up load: {json.dumps(loaded[1])} {loaded[0] - watch.started:.1f} s after start")
        first_minute_end = watch.started + 60
        time.sleep(max(0, first_minute_end - time.monotonic()))
        first = sim.calls()
        say(f"REST calls in the first minute after start (sign-in included in the minute): "
            f"{calls_text(first)}")

        results = {"first_minute": first["total"]}
        for code, why in ((1001, "server going away (restart-like)"),
                          (1011, "1011 nobody here caused (a colleague acted on current servers)")):
            for sample in range(opts.reconnects):
                before = sim.calls()
                mark = watch.mark()
                sim.post("close", {"code": code, "reason": "bench", "path": "/ws/noc/dashboard/"})
                back = watch.wait_for(connected, 60, mark)
                # The back-fill and a reconcile (a 1011 asks for one, at most one a minute) follow the
                # reconnect: wait them out.
                settle = 75 if code == 1011 else 15
                time.sleep(settle)
                d = delta(sim.calls(), before)
                results.setdefault(code, []).append(d["total"])
                say(f"reconnect after a {code} close ({why}), sample {sample + 1}: "
                    f"{'reconnected in %.1f s' % (back[0] - watch.events[mark][0]) if back else 'NO RECONNECT'}"
                    f"; REST calls in the {settle} s after the close: {calls_text(d)}")

        before = sim.calls()
        t0 = time.monotonic()
        time.sleep(opts.steady)
        d = delta(sim.calls(), before)
        minutes = (time.monotonic() - t0) / 60
        say(f"steady state, default reconcile period (600 s), {minutes:.1f} min with no fault: "
            f"{calls_text(d)} -> {d['total'] / minutes * 60:.0f} an hour if extrapolated directly "
            f"(the window is shorter than the reconcile period; see the figure below)")
        results["idle_window"] = d["total"]
        return results
    finally:
        if watch:
            watch.stop()
        sim.stop()


def measure_reconcile_cost(opts):
    say("== 1b. one periodic reconcile (300 open alerts, no stream, so every reconcile reads the same; "
        "history/reconcileSeconds = 60 so it fires in the window) ==")
    sim = Sim(opts.build, sim_args(), opts.logs)
    watch = None
    try:
        seed_open(sim, 300)
        watch = Watch(opts.build, sim, opts.logs, conf="[history]\nreconcileSeconds=60\n")
        loaded = watch.wait_for(history_settled, 60)
        load_calls = sim.calls()
        say(f"start-up load: {calls_text(load_calls)}"
            f" ({loaded[1].get('loaded')} of {loaded[1].get('open_on_server')} open alerts)" if loaded else
            "start-up load: NOT SEEN")
        before = sim.calls()
        t0 = time.monotonic()
        time.sleep(opts.reconcile_window)
        d = delta(sim.calls(), before)
        periods = (time.monotonic() - t0) / 60
        per = d["total"] / max(1, int(periods))
        say(f"{periods:.1f} reconcile periods of 60 s: {calls_text(d)} -> {per:.1f} calls per reconcile")
        say(f"steady state per hour with the default period (600 s): 3600 / 600 = 6 reconciles x {per:.1f}"
            f" = {6 * per:.0f} REST calls an hour (budget 600, a tenth = 60). A reconcile reads every open"
            f" status page by page (page size 100) within the 10-page budget: at most 10 calls, 60 an hour.")
        return per
    finally:
        if watch:
            watch.stop()
        sim.stop()


# ---- 2. colleague's resolve to the row ------------------------------------------------------------

def act_latency(sim, watch, action, alert_id, timeout):
    """Seconds from a colleague's REST action to nocctl's first line that shows it, and that line."""
    mark = watch.mark()
    t0 = time.monotonic()
    answer = sim.post("alerts/act", {"as": "anna", "action": action, "alert_id": alert_id})
    if answer.get("http_status") != 200:
        raise RuntimeError(f"{action} of {alert_id} answered {answer}")
    wanted = {"resolve": "RESOLVED", "ack": "ACKNOWLEDGED"}[action]

    def shows(e):
        # A status event (alert_updated or an own action), or the record read again with its new status.
        return str(e.get("id")) == str(alert_id) and e.get("status") == wanted \
            and e.get("event") in ("status", "alert")

    seen = watch.wait_for(shows, timeout, mark)
    return (seen[0] - t0, seen[1]) if seen else (None, None)


def latency_run(opts, sim, watch, action, ids, pauses, timeout):
    samples = []
    for pause in pauses:
        time.sleep(pause)
        alert_id = ids.pop(0)
        latency, event = act_latency(sim, watch, action, alert_id, timeout)
        samples.append(latency)
        say(f"  {action} of {alert_id} by anna after a {pause} s pause -> "
            + (f"{latency * 1000:.0f} ms: {json.dumps(event)}" if latency is not None
               else f"nothing printed for it within {timeout} s"))
    got = [s for s in samples if s is not None]
    if got:
        say(f"  {action}: {len(got)}/{len(samples)} shown; median {statistics.median(got) * 1000:.0f} ms, "
            f"max {max(got) * 1000:.0f} ms, min {min(got) * 1000:.0f} ms")
    else:
        say(f"  {action}: 0/{len(samples)} shown")
    return samples


def measure_latency(opts):
    results = {}
    for updated, newer in (("deliver", 0), ("close", 0), ("close", 250)):
        say(f"== 2. a colleague's action -> the line nocctl prints for it (alert_updated {updated}"
            + (f"; {newer} newer alerts in the store, so the acted-on ones are past page 1" if newer else "")
            + ") ==")
        sim = Sim(opts.build, sim_args(updated=updated), opts.logs)
        watch = None
        try:
            ids = sim.post("alerts/seed", {"count": 40, "statuses": ["NEW"], "min_age_s": 3600,
                                           "max_age_s": 7200})["ids"]
            if newer:
                # Closed ones: the back-fill after each 1011 reads page 1 (newest first) of every status;
                # these fill it, and only the open-list reconcile still reads the acted-on alerts.
                sim.post("alerts/seed", {"count": newer, "statuses": ["RESOLVED"], "min_age_s": 60,
                                         "max_age_s": 600})
            watch = Watch(opts.build, sim, opts.logs)
            loaded = watch.wait_for(history_settled, 60)
            say(f"  start-up load: {json.dumps(loaded[1]) if loaded else 'NOT SEEN'}")
            if updated == "deliver":
                results[updated] = latency_run(opts, sim, watch, "resolve", ids, [1] * opts.samples, 30)
            elif newer:
                # The first back-fill still reads back to the newest record the start-up load saw (an
                # hour old here); later ones stop at page 1. The acknowledgements come first for that.
                results["close-ack-deep"] = latency_run(opts, sim, watch, "ack", ids, [0, 0, 0], 150)
                calls = sim.calls()
                results["close-resolve-deep"] = latency_run(opts, sim, watch, "resolve", ids, [0], 90)
                say(f"  REST calls while waiting for the resolve: {calls_text(delta(sim.calls(), calls))}")
            else:
                # The 1011 asks for a reconcile, at most one a minute: actions right after each other
                # (a busy tenant) and after a quiet minute show both ends. A resolve takes the alert out
                # of the open list the reconcile reads; an acknowledgement comes back with its status.
                results["close-resolve"] = latency_run(opts, sim, watch, "resolve", ids, [0], 90)
                results["close-ack"] = latency_run(opts, sim, watch, "ack", ids, [0, 0, 65, 65], 150)
            say(f"  REST calls of the user over this run: {calls_text(sim.calls())}")
        finally:
            if watch:
                watch.stop()
            sim.stop()
    return results


# ---- 3. a restart in the middle of a 100/s stream -------------------------------------------------

def measure_restart(opts):
    results = {}
    cases = [("working", opts.down_ms), ("working", opts.long_down_ms), ("refused", opts.down_ms)]
    for list_mode, down_ms in cases:
        say(f"== 3. server restart in a {opts.rate}/s stream (alert list {list_mode}, port closed "
            f"{down_ms} ms) ==")
        sim = Sim(opts.build, sim_args(list_mode=list_mode, rate=opts.rate), opts.logs)
        watch = None
        try:
            watch = Watch(opts.build, sim, opts.logs)
            if not watch.wait_for(history_settled, 60):
                say("  no history_loaded/history_unavailable within 60 s")
            subscribed = set()
            deadline = time.monotonic() + 30
            while len(subscribed) < len(CLIENTS) and time.monotonic() < deadline:
                subscribed = {e.get("client") for _, e in watch.since(0) if e.get("event") == "subscribed"}
                time.sleep(0.2)
            say(f"  subscribed: {sorted(subscribed)}")
            mark = watch.mark()
            first_id = 1000 + sim.get("alerts")["count"]
            calls_before = sim.calls()
            sim.post("traffic", {"on": True})
            t_start = time.monotonic()
            time.sleep(opts.before)
            calls_at_restart = sim.calls()
            t_restart = time.monotonic()
            sim.post("restart", {"down_ms": down_ms})
            time.sleep(down_ms / 1000 + opts.after)
            sim.post("traffic", {"on": False})
            t_stop = time.monotonic()
            end_id = 1000 + sim.get("alerts")["count"]  # ids are consecutive from 1000
            created = set(range(first_id, end_id))
            # Let the reconnect's back-fill end (it follows the socket; nothing new is created now).
            watch.wait_for(lambda e: e.get("event") in ("backfill", "history_unavailable"), 30, mark)
            time.sleep(3)
            calls_after = sim.calls()
            live, backfilled, times = set(), set(), {}
            for _, e in watch.since(mark):
                if e.get("event") == "alert" and e.get("id") is not None:
                    alert_id = int(e["id"])
                    if alert_id in created:
                        (backfilled if e.get("backfilled") else live).add(alert_id)
                        times[alert_id] = e.get("occurred_at", "")
            printed = live | backfilled
            lost = sorted(created - printed)
            twice = sorted(backfilled & live)
            say(f"  stream {t_stop - t_start:.1f} s, restart at +{t_restart - t_start:.1f} s, port closed "
                f"{down_ms} ms; server created {len(created)} alerts (ids {first_id}..{end_id - 1})")
            say(f"  nocctl printed {len(printed)} of them: {len(live)} live, "
                f"{len(backfilled - live)} only back-filled; lost {len(lost)}"
                + (f" (ids {lost[0]}..{lost[-1]}, {len(lost)} of {lost[-1] - lost[0] + 1} in that range)"
                   if lost else ""))
            if twice:
                say(f"  {len(twice)} alerts were printed twice (live, then again with \"backfilled\": true):"
                    f" ids {twice[0]}..{twice[-1]}, created {times[twice[0]]} .. {times[twice[-1]]}")
            say(f"  REST calls: {calls_text(delta(calls_at_restart, calls_before))} before the restart in "
                f"the stream, {calls_text(delta(calls_after, calls_at_restart))} from the restart on; "
                f"the whole run {calls_text(calls_after)}")
            say("  what nocctl said (all but alert lines; times from the stream's start):")
            for t, e in watch.since(0):
                if e.get("event") not in ("alert", "subscribed"):
                    say(f"    {t - t_start:+7.2f} s {json.dumps(e)}")
            results[(list_mode, down_ms)] = {"created": len(created), "printed": len(printed),
                                             "lost": len(lost)}
        finally:
            if watch:
                watch.stop()
            sim.stop()
    return results


# ---- 4. current servers, busy colleagues ----------------------------------------------------------

def measure_current(opts):
    say("== 4. current servers (list refused, alert_updated closes every socket), colleagues act every "
        "20-40 s ==")
    sim = Sim(opts.build, sim_args(list_mode="refused", updated="close", rate=3, colleagues="20,40"),
              opts.logs)
    watch = None
    try:
        seed_open(sim, 100)
        sim.post("traffic", {"on": True})
        watch = Watch(opts.build, sim, opts.logs)
        t0 = time.monotonic()
        seen, call_times = 0, []
        while time.monotonic() - t0 < opts.current_window:
            time.sleep(5)
            total = sim.calls()["total"]
            call_times += [f"+{time.monotonic() - t0:.0f} s"] * (total - seen)
            seen = total
        minutes = (time.monotonic() - t0) / 60
        c = sim.calls()
        say(f"the user's REST calls seen at (5 s polls): {', '.join(call_times) or 'none'}")
        events = watch.since(0)
        reconnects = sum(1 for _, e in events if connected(e)) - 1
        unavailable = sum(1 for _, e in events if e.get("event") == "history_unavailable")
        colleague = {k: v for k, v in sim.get("rest-calls")["calls"].items() if k != USER}
        say(f"{minutes:.1f} min: the user's REST calls {calls_text(c)} -> "
            f"{c['total'] / minutes * 60:.1f} an hour at this pace; {reconnects} reconnects "
            f"({reconnects / minutes * 60:.0f} an hour); history_unavailable said {unavailable} times; "
            f"colleagues' calls {json.dumps(colleague)}")
        return {"calls": c["total"], "minutes": minutes, "reconnects": reconnects}
    finally:
        if watch:
            watch.stop()
        sim.stop()


def in_keyring_session():
    if os.environ.get("DBUS_SESSION_BUS_ADDRESS") and os.environ.get("MEASURE_HISTORY_SESSION"):
        return
    # A fresh HOME too: the keyring daemon keeps its collections there, and an existing login keyring
    # with another password would stay locked.
    runtime = tempfile.mkdtemp(prefix="measure-history-run-")
    home = tempfile.mkdtemp(prefix="measure-history-home-")
    os.chmod(runtime, 0o700)
    env = dict(os.environ, XDG_RUNTIME_DIR=runtime, HOME=home, MEASURE_HISTORY_SESSION="1")
    script = 'eval "$(printf bench | gnome-keyring-daemon --unlock --components=secrets)"; exec "$@"'
    os.execvpe("dbus-run-session", ["dbus-run-session", "--", "bash", "-c", script, "bash",
                                    sys.executable] + sys.argv, env)


def main():
    parser = argparse.ArgumentParser(
        description="Measure the alert list as the NOC's state (issue 10) with noc-sim and nocctl watch --json.")
    parser.add_argument("--build", default="build/ci", help="build directory (default build/ci)")
    parser.add_argument("--only", default="rest,reconcile,latency,restart,current")
    parser.add_argument("--reconnects", type=int, default=2, help="samples per close code")
    parser.add_argument("--steady", type=float, default=180, help="seconds of steady state")
    parser.add_argument("--reconcile-window", type=float, default=185)
    parser.add_argument("--samples", type=int, default=10, help="latency samples with alert_updated")
    parser.add_argument("--rate", type=int, default=100)
    parser.add_argument("--before", type=float, default=8, help="stream seconds before the restart")
    parser.add_argument("--after", type=float, default=10, help="stream seconds after the port reopens")
    parser.add_argument("--down-ms", type=int, default=3000)
    parser.add_argument("--long-down-ms", type=int, default=15000,
                        help="a second, longer restart (issue 10's fault run had a 16.7 s gap)")
    parser.add_argument("--current-window", type=float, default=960)
    opts = parser.parse_args()
    in_keyring_session()
    opts.build = os.path.abspath(opts.build)
    opts.logs = tempfile.mkdtemp(prefix="measure-history-")
    only = opts.only.split(",")
    say(f"measure_history: {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}, build {opts.build}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}; logs in {opts.logs}")
    started = time.monotonic()
    if "rest" in only:
        measure_rest(opts)
    if "reconcile" in only:
        measure_reconcile_cost(opts)
    if "latency" in only:
        measure_latency(opts)
    if "restart" in only:
        measure_restart(opts)
    if "current" in only:
        measure_current(opts)
    say(f"done in {(time.monotonic() - started) / 60:.1f} min, load average {os.getloadavg()[0]:.1f}")
    if not os.environ.get("MEASURE_HISTORY_KEEP"):
        shutil.rmtree(opts.logs, ignore_errors=True)


if __name__ == "__main__":
    main()
