#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
# Back in seconds after a crash (issue 19, point 5): from `nocdash --kiosk` starting to its counters
# showing the server's open alerts, with N open on noc-sim (default 1000), measured from outside over
# several starts, each after a SIGKILL of the previous one. The screen is read through nocdash.view
# (once a second), so each figure is the first view line that shows the server's numbers: up to a
# second later than the moment they were drawn; nocdash.view's own timestamps are not finer.
#
#   xvfb-run -a -s "-screen 0 1920x1080x24" dbus-run-session -- \
#       python3 bench/soak/coldstart.py --build build/bench --keyring
import argparse
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from soak import PROFILES, Sim, Wall, free_port, start_own_keyring  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--build", default="build/bench")
    parser.add_argument("--open", type=int, default=1000, help="open alerts on the server (all NEW)")
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--keyring", action="store_true", help="start an unlocked GNOME keyring on this bus")
    args = parser.parse_args()
    if args.keyring:
        start_own_keyring()
    args.faketime = ""
    args.health_interval = 3600
    profile = dict(PROFILES["week"], seed=0, access_ttl=300, refresh_ttl=3600)
    sim = Sim(args.build, free_port(), profile)
    home = tempfile.mkdtemp(prefix="nocdash-coldstart-")
    os.makedirs(os.path.join(home, ".config", "nocdash"))
    os.makedirs(os.path.join(home, "run"), mode=0o700)
    log = open(os.path.join(home, "nocdash.log"), "w")
    wall = Wall(args, sim.url, home, log)
    wall.clients = sim.get("status").get("clients", [])
    try:
        sim.post("alerts/seed", {"count": args.open, "statuses": ["NEW"], "min_age_s": 60, "max_age_s": 86400})
        expected = sim.unhandled()
        print(f"coldstart: {sum(expected.values())} open alerts on the server, all NEW; {args.starts} starts, "
              f"each after a SIGKILL", flush=True)
        wall.login()
        figures = []
        for start in range(args.starts):
            began = time.monotonic()
            wall.start()
            deadline = began + 60
            shown = None
            while time.monotonic() < deadline and shown is None:
                view = wall.current()
                if view and view["counters"] == expected:
                    shown = view["t"] - began
                time.sleep(0.05)
            figures.append(shown)
            print(f"start {start + 1}: the server's {sum(expected.values())} open alerts on screen after "
                  + (f"{shown:.2f} s" if shown is not None else "more than 60 s"), flush=True)
            time.sleep(2)
            wall.kill()
        done = sorted(f for f in figures if f is not None)
        if done:
            print(f"coldstart: median {done[len(done) // 2]:.2f} s, worst {done[-1]:.2f} s (target < 2 s)")
        return 0 if len(done) == len(figures) and done[-1] < 2 else 1
    finally:
        wall.stop()
        sim.stop()
        log.close()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
