#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# The shipped dashboard against the shipped simulator, each its own process, measured from outside
# (issue 11): CPU of the nocdash process idle and at 50 alerts/s (desktop and wall), frames rendered a
# second, PSS with 10k alerts, PSS growth at 50/s once retention caps the list, the longest frame gap
# in a 10k/s storm (bench_ui frames), and the marginal CPU per alert of a 200k stream end to end.
# Every figure is printed next to its target. Run on demand, never in ctest:
#
#   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
#       python3 bench/ui/bench_dashboard.py --build build/release
#
# CPU is the nocdash process's own CPU time (all its threads, from /proc/<pid>/task/*/schedstat), so
# other load on the machine slows it down but does not count. Frames and the alert count come from
# nocdash's own log (QT_LOGGING_RULES="nocdash.frames.info=true", once a second).
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

FRAMES_LINE = re.compile(r"frames rendered: (\d+) passes: (\d+) alerts: (-?\d+)")
MIB = 1024.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_ns(pid):
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{task}/schedstat") as f:
                total += int(f.read().split()[0])
        except (FileNotFoundError, ProcessLookupError):
            pass  # a thread that just ended; its time is lost, a few microseconds at most
    return total


def pss_kib(pid):
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            if line.startswith("Pss:"):
                return int(line.split()[1])
    return 0


def start_keyring():
    """An unlocked Secret Service for nocdash's keychain (inside dbus-run-session)."""
    if "DBUS_SESSION_BUS_ADDRESS" not in os.environ or not shutil.which("gnome-keyring-daemon"):
        return
    out = subprocess.run(["gnome-keyring-daemon", "--unlock", "--components=secrets"], input=b"pw",
                         capture_output=True, check=False).stdout.decode()
    for line in out.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            os.environ[key] = value


class Run:
    """One noc-sim process and one nocdash process with a fresh home of their own."""

    def __init__(self, args, sim_args, wall=False, offscreen=False, conf="", dash_args=()):
        self.args = args
        if args.renderer:
            conf = f"[ui]\nrenderer={args.renderer}\n" + conf.replace("[ui]\n", "")
        if args.wall_updates:
            conf += f"\n[wall]\nupdatesPerSecond={args.wall_updates}\n"
        self.home = tempfile.mkdtemp(prefix="nocdash-bench-")
        config = os.path.join(self.home, ".config", "nocdash")
        os.makedirs(config)
        with open(os.path.join(config, "nocdash.conf"), "w") as f:
            f.write(conf)
        runtime = os.path.join(self.home, "run")
        os.makedirs(runtime, mode=0o700)
        port = free_port()
        self.sim = subprocess.Popen([os.path.join(args.build, "app/noc-sim/noc-sim"), "--port", str(port),
                                     "--quiet", "--tenant-events", "0", "--presence-updates", "0"] + sim_args,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        env = dict(os.environ, HOME=self.home, XDG_CONFIG_HOME=os.path.join(self.home, ".config"),
                   XDG_DATA_HOME=os.path.join(self.home, ".local/share"),
                   XDG_STATE_HOME=os.path.join(self.home, ".local/state"), XDG_RUNTIME_DIR=runtime,
                   NOCDASH_PASSWORD="operator", QT_LOGGING_RULES="nocdash.frames.info=true")
        if offscreen:
            env["QT_QPA_PLATFORM"] = "offscreen"
        command = [os.path.join(args.build, "app/nocdash/nocdash"), "--server", f"http://127.0.0.1:{port}",
                   "--user", "operator", "--lang", "en"]
        for client in ("acme", "globex", "initech", "umbrella", "hooli", "soylent"):
            command += ["--client", client]
        if wall:
            command.append("--kiosk")
        command += list(dash_args)
        self.log_path = os.path.join(self.home, "nocdash.log")
        self.log = open(self.log_path, "w")
        self.started = time.monotonic()
        self.dash = subprocess.Popen(command, env=env, stdout=self.log, stderr=subprocess.STDOUT)

    def frames_and_alerts(self):
        frames, passes, alerts = 0, 0, 0
        with open(self.log_path, errors="replace") as f:
            for line in f:
                m = FRAMES_LINE.search(line)
                if m:
                    frames, passes, alerts = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return frames, alerts, passes

    def renderer(self):
        with open(self.log_path, errors="replace") as f:
            for line in f:
                if "Qt Quick renderer:" in line:
                    return line.split("Qt Quick renderer:", 1)[1].strip()
        return "?"

    def sample(self):
        frames, alerts, passes = self.frames_and_alerts()
        return {"t": time.monotonic(), "cpu": cpu_ns(self.dash.pid), "pss": pss_kib(self.dash.pid),
                "frames": frames, "passes": passes, "alerts": alerts}

    def wait_for_alerts(self, count, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dash.poll() is not None:
                raise RuntimeError(f"nocdash exited early; see {self.log_path}")
            if self.frames_and_alerts()[1] >= count:
                return True
            time.sleep(0.2)
        return False

    def wait_exit(self, timeout):
        """Waits for nocdash to exit by itself; its CPU from the kernel's accounting of the child."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status, usage = os.wait4(self.dash.pid, os.WNOHANG)
            if pid:
                self.dash.returncode = os.waitstatus_to_exitcode(status)
                return usage.ru_utime + usage.ru_stime, time.monotonic() - self.started
            time.sleep(0.05)
        return None, None

    def stop(self):
        for process in (self.dash, self.sim):
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
                try:
                    process.wait(5)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.log.close()
        if not self.args.keep:
            shutil.rmtree(self.home, ignore_errors=True)


def window(args, run, settle, seconds):
    time.sleep(settle)
    first = run.sample()
    time.sleep(seconds)
    last = run.sample()
    span = last["t"] - first["t"]
    return {"cpu_pct": 100.0 * (last["cpu"] - first["cpu"]) / 1e9 / span,
            "fps": (last["frames"] - first["frames"]) / span,
            "passes": (last["passes"] - first["passes"]) / span, "pss": last["pss"] / MIB,
            "alerts": last["alerts"], "renderer": run.renderer()}


def verdict(ok):
    return "ok" if ok else "MISSED"


def steady(args, out, wall, rate):
    sim_args = ["--rate", str(rate), "--burst", "0"] if rate else ["--rate", "0", "--burst", "0"]
    run = Run(args, sim_args, wall=wall)
    try:
        r = window(args, run, args.settle, args.seconds)
    finally:
        run.stop()
    mode = "wall" if wall else "desktop"
    target = 10.0 if rate else 0.5
    label = f"{rate} alerts/s" if rate else "idle (heartbeats only)"
    out(f"{mode:7} {label:22}: CPU {r['cpu_pct']:7.3f} % of a core (target < {target:g} %: "
        f"{verdict(r['cpu_pct'] < target)}), {r['fps']:5.1f} frames/s ({r['passes']:.1f} render passes/s), "
        f"PSS {r['pss']:.0f} MiB, "
        f"{r['alerts']} alerts held")
    return r


def screenshots(args, out):
    """The window as the operator sees it while 50 alerts/s stream in (grabbed by nocdash's self-check)."""
    for wall in (False, True):
        shot = os.path.join(args.screenshots, f"{'wall' if wall else 'desktop'}-50-per-s.png")
        run = Run(args, ["--rate", "50", "--burst", "0"], wall=wall,
                  dash_args=["--quit-after-alerts", "600", "--screenshot", shot, "--self-check-timeout", "60"])
        try:
            run.wait_exit(70)
            with open(run.log_path, errors="replace") as f:
                verdicts = [line.strip() for line in f if line.startswith("self-check")]
        finally:
            run.stop()
        out(f"screenshot {'wall' if wall else 'desktop'} at 50 alerts/s: {shot} ({'; '.join(verdicts)})")


def pss_with_10k(args, out, wall):
    run = Run(args, ["--rate", "0", "--burst", "10000", "--burst-interval", "5000"], wall=wall)
    try:
        if not run.wait_for_alerts(10000, 60):
            out("PSS with 10k alerts: the alerts never arrived")
            return None
        time.sleep(1.5)  # layout and the sorting settled; the next burst replaces, it does not add
        pss = pss_kib(run.dash.pid) / MIB
        renderer = run.renderer()
    finally:
        run.stop()
    mode = "wall" if wall else "desktop"
    out(f"{mode:7} PSS with 10k alerts: {pss:.0f} MiB (target < 100 MiB: {verdict(pss < 100)}); "
        f"renderer {renderer}")
    return pss


def growth(args, out):
    """50/s on the desktop for 10 minutes: PSS per minute once everything that is capped is full.

    Two caps fill at 50/s: the list's retention (10k alerts, after 200 s) and the engine's memory of
    recent alert keys for duplicate suppression (20k, after 400 s). The slope is fitted from
    --growth-fit-from seconds on, after both."""
    run = Run(args, ["--rate", "50", "--burst", "0"])
    samples = []
    try:
        end = time.monotonic() + args.growth_minutes * 60
        while time.monotonic() < end:
            samples.append(run.sample())
            time.sleep(5)
    finally:
        run.stop()
    t0 = samples[0]["t"]
    fit = [s for s in samples if s["t"] - t0 >= args.growth_fit_from]
    if len(fit) < 4:
        out(f"PSS growth at 50/s: run too short to fit from {args.growth_fit_from:.0f} s")
        return None
    n = len(fit)
    mean_t = sum(s["t"] for s in fit) / n
    mean_p = sum(s["pss"] for s in fit) / n
    slope = sum((s["t"] - mean_t) * (s["pss"] - mean_p) for s in fit) / max(
        1e-9, sum((s["t"] - mean_t) ** 2 for s in fit))
    per_min = slope * 60 / MIB
    at = lambda seconds: min(samples, key=lambda s: abs(s["t"] - t0 - seconds))
    marks = ", ".join(f"{at(x)['pss'] / MIB:.0f} MiB at {at(x)['t'] - t0:.0f} s"
                      for x in (20, 200, 400, args.growth_fit_from, samples[-1]["t"] - t0))
    out("desktop PSS at 50 alerts/s from " + f"{args.growth_fit_from:.0f} s (s: MiB): " + ", ".join(
        f"{s['t'] - t0:.0f}: {s['pss'] / MIB:.1f}" for s in fit))
    out(f"desktop PSS growth at 50 alerts/s: {per_min:+.2f} MiB/min from {args.growth_fit_from:.0f} s to "
        f"{fit[-1]['t'] - t0:.0f} s (target: no growth beyond noise, |x| < 0.5: {verdict(abs(per_min) < 0.5)}); "
        f"{marks}; {fit[-1]['alerts']} alerts held")
    return per_min


SHOWN_CPU = re.compile(r"self-check: process CPU ([0-9.]+) s so far")


def stream_cpu(args, count):
    """CPU seconds of one stream: when the view showed every alert (nocdash's own reading), and at exit."""
    conf = f"[ui]\nretention={count}\n"
    run = Run(args, ["--rate", "0", "--burst", str(count), "--burst-interval", "5000"], offscreen=True,
              conf=conf, dash_args=["--quit-after-alerts", str(count), "--self-check-timeout", "300"])
    try:
        at_exit, elapsed = run.wait_exit(320)
        ok = run.dash.returncode == 0
        with open(run.log_path, errors="replace") as f:
            shown = [float(m.group(1)) for m in map(SHOWN_CPU.search, f) if m]
    finally:
        run.stop()
    if not ok or not shown:
        return None
    return {"shown": shown[-1], "exit": at_exit, "elapsed": elapsed}


def median(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def end_to_end(args, out):
    """Rounds of a short and a long stream, alternating, so a slow spell of the machine hits both; the
    marginal cost is the median long run less the median short run."""
    small, big = 2000, args.stream
    smalls, bigs = [], []
    for round_ in range(args.e2e_rounds):
        a, b = stream_cpu(args, small), stream_cpu(args, big)
        if a is None or b is None:
            out(f"end to end, round {round_ + 1}: a run did not finish (see --keep)")
            continue
        smalls.append(a)
        bigs.append(b)
        out(f"end to end, round {round_ + 1}: {big} alerts {b['shown']:.2f} s CPU until the view showed them "
            f"({b['exit']:.2f} s at exit, {b['elapsed']:.0f} s wall), {small} alerts {a['shown']:.2f} s "
            f"({a['exit']:.2f} s at exit); this round alone: "
            f"{(b['shown'] - a['shown']) / (big - small) * 1e6:.2f} us per alert")
    if not bigs:
        return None
    per_alert = (median(b["shown"] for b in bigs) - median(a["shown"] for a in smalls)) / (big - small) * 1e6
    at_exit = (median(b["exit"] for b in bigs) - median(a["exit"] for a in smalls)) / (big - small) * 1e6
    out(f"end to end, {big} alerts from noc-sim (separate process) into nocdash (offscreen) until the view "
        f"shows them all: marginal {per_alert:.2f} us per alert (medians of {len(bigs)} rounds) "
        f"(target <= 6 us: {verdict(per_alert <= 6)}); {at_exit:.2f} us counting the teardown at exit")
    return per_alert


def storm(args, out):
    bench = os.path.join(args.build, "bench/ui/bench_ui")
    result = subprocess.run([bench, "frames", "--rate", "10000", "--seconds", "10"], capture_output=True,
                            text=True, check=False)
    text = result.stdout + result.stderr
    m = re.search(r"max ([0-9.]+)", text)
    for line in result.stdout.splitlines():
        out("storm   " + line)
    if m:
        out(f"storm   longest frame gap {float(m.group(1)):.1f} ms (target < 50 ms: "
            f"{verdict(float(m.group(1)) < 50)})")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build/release", help="build directory with the benchmarks")
    parser.add_argument("--seconds", type=float, default=60, help="measuring window")
    parser.add_argument("--settle", type=float, default=20, help="before each window")
    parser.add_argument("--growth-minutes", type=float, default=10)
    parser.add_argument("--growth-fit-from", type=float, default=450, help="seconds into the growth run")
    parser.add_argument("--stream", type=int, default=200000)
    parser.add_argument("--e2e-rounds", type=int, default=5, help="rounds of the end-to-end streams")
    parser.add_argument("--screenshots", default="", help="folder for screenshots at 50/s")
    parser.add_argument("--only", default="", help="comma list: idle,rate,pss,shots,growth,storm,e2e")
    parser.add_argument("--keep", action="store_true", help="keep the temporary homes and logs")
    parser.add_argument("--renderer", default="", help="[ui] renderer for every run (default: none, auto)")
    parser.add_argument("--wall-updates", type=int, default=0, help="[wall] updatesPerSecond (default: none)")
    args = parser.parse_args()
    only = set(filter(None, args.only.split(",")))
    wanted = lambda name: not only or name in only
    start_keyring()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)

    lines = []

    def out(line):
        lines.append(line)
        print(line, flush=True)

    load = os.getloadavg()
    out(f"bench_dashboard: {args.build}, {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} "
        f"{load[2]:.2f} at start; display {os.environ.get('DISPLAY', 'none')}")
    if wanted("idle"):
        r = steady(args, out, False, 0)
        out(f"        renderer: {r['renderer']}")
        steady(args, out, True, 0)
    if wanted("rate"):
        steady(args, out, False, 50)
        steady(args, out, True, 50)
    if wanted("pss"):
        pss_with_10k(args, out, False)
        pss_with_10k(args, out, True)
    if args.screenshots and wanted("shots"):
        screenshots(args, out)
    if wanted("growth"):
        growth(args, out)
    if wanted("storm"):
        storm(args, out)
    if wanted("e2e"):
        end_to_end(args, out)
    load = os.getloadavg()
    out(f"load average at the end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} (other processes on the machine)")


if __name__ == "__main__":
    sys.exit(main())
