"""A patrol of 100 local sites × 30 columns with 50–300 ms latency, beside one site at a time.

    python -m bench.patrol [--sites 100] [--columns 30] [--items 3] [--spacing 0.5]
                           [--sites-at-once 100] [--sample 1] [--repeat 1]
                           [--gui [--no-freeze] [--switch-ms MS]]

The sites come from the patrol test bed (``tests/patrol_sites.py``), served by a separate
process (``--serve``) so the patrolling process's CPU time is its own. Each run patrols
every site twice: first with nothing known (every article is new and read), then again with
the first patrol's records (every page asked conditionally, ``304``s, no article read).
Printed per run: wall and CPU time, pages and requests per second, and the peak resident
memory the patrol added; then one site at a time (the baseline, extrapolated from a
sample to the whole cluster), medians and the speed-up. Every address dialled is loopback.
``--gui`` instead patrols the cluster from the GUI and prints the UI thread's worst stall
beside the same patrol headless (``bench/patrol_gui.py``).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

# The patrol is imported where it is used: a worker process started by ``--gui`` imports
# this module first, which is to stay as light as the console's own ``main.py``.
if TYPE_CHECKING:
    from console.patrol.records import PatrolMemory
    from console.patrol.results import SiteResult
    from console.patrol.targets import PatrolOptions, PatrolTarget

SEED = 2026
CLEAR_REFS = Path("/proc/self/clear_refs")
STATUS = Path("/proc/self/status")


def delay(host: str) -> float:
    """Latency of a host's responses: spread evenly over 50–300 ms."""
    return 0.05 + (sum(host.encode()) * 37 % 251) / 1000


def serve(args: argparse.Namespace) -> None:
    """Serve the bench sites until stdin closes; print the port as JSON first."""
    from tests.patrol_server import PatrolServer
    from tests.patrol_sites import generate

    sites = [generate(SEED, i, args.columns, args.items) for i in range(1, args.sites + 1)]
    server = PatrolServer(sites, latency=delay)
    port = server.listen()
    print(json.dumps({"port": port}), flush=True)
    sys.stdin.read()
    server.close()


def peak_reset() -> bool:
    """Reset this process's peak resident size (Linux); whether it could be."""
    try:
        CLEAR_REFS.write_text("5")
    except OSError:
        return False
    return True


def resident_kib(field: str) -> int:
    """``VmRSS`` or ``VmHWM`` (the peak since the last reset) of this process, in KiB."""
    for line in STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


@dataclass
class Run:
    """One patrol of many sites, measured."""

    wall: float
    cpu: float
    pages: int
    requests: int
    not_modified: int
    peak_mib: float
    results: list[SiteResult]


def measure(
    targets: list[PatrolTarget],
    options: PatrolOptions,
    memory: PatrolMemory,
    at_once: int,
) -> Run:
    """Patrol ``targets`` and measure time, counts and the memory the patrol added."""
    from console.patrol.run import patrol

    base = resident_kib("VmRSS")
    peak_reset()
    cpu0, wall0 = time.process_time(), time.perf_counter()
    results = patrol(targets, options, memory, sites_at_once=at_once)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    peak = (resident_kib("VmHWM") - base) / 1024
    return Run(
        wall,
        cpu,
        sum(r.pages for r in results),
        sum(r.requests for r in results),
        sum(r.not_modified for r in results),
        peak,
        results,
    )


def line(label: str, run: Run) -> str:
    """A run as one line of the table."""
    errors = sum(1 for r in run.results if r.error)
    return (
        f"{label:>14} {run.wall:>8.1f} {run.cpu:>7.1f} {run.pages:>7} {run.requests:>8} "
        f"{run.not_modified:>6} {run.pages / run.wall:>8.1f} {run.requests / run.wall:>8.1f} "
        f"{run.peak_mib:>8.1f} {errors:>6}"
    )


def main() -> None:
    """Start the sites, then time patrols of the whole cluster and of a sample one by one."""
    from console.patrol.gates import DEFAULT_SPACING

    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=100)
    parser.add_argument("--columns", type=int, default=30)
    parser.add_argument("--items", type=int, default=3)
    parser.add_argument("--spacing", type=float, default=DEFAULT_SPACING)
    parser.add_argument("--sites-at-once", type=int, default=0, help="0: every site at once")
    parser.add_argument("--sample", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--serve", action="store_true")
    parser.add_argument("--gui", action="store_true", help="patrol from the GUI: UI stalls")
    parser.add_argument(
        "--no-freeze",
        action="store_true",
        help="without the gc.freeze() the console does once its window is shown",
    )
    parser.add_argument(
        "--switch-ms", type=float, default=0.0, help="the interpreter's thread switch interval"
    )
    args = parser.parse_args()
    if args.serve:
        serve(args)
        return
    command = [sys.executable, "-m", "bench.patrol", "--serve", "--sites", str(args.sites),
               "--columns", str(args.columns), "--items", str(args.items)]  # fmt: skip
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        port = json.loads(server.stdout.readline())["port"]
        if args.gui:
            gui(args, port)
        else:
            run_all(args, port)
    finally:
        assert server.stdin is not None
        server.stdin.close()
        server.wait(60)


def gui(args: argparse.Namespace, port: int) -> None:
    """The patrol from the GUI (see ``bench.patrol_gui``)."""
    from bench.patrol_gui import run_gui
    from tests.patrol_sites import TODAY, generate

    sites = [generate(SEED, i, args.columns, args.items) for i in range(1, args.sites + 1)]
    mapping = {(site.host, 80): ("127.0.0.1", port) for site in sites}
    print(
        f"sites={args.sites} columns={args.columns} items/list={args.items} "
        f"latency=50–300 ms spacing={args.spacing} s, from the GUI"
    )
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    print(f"thread switch interval {sys.getswitchinterval() * 1000:g} ms")
    at_once = args.sites_at_once or len(sites)
    run_gui(sites, mapping, TODAY, args.spacing, at_once, not args.no_freeze)


def run_all(args: argparse.Namespace, port: int) -> None:
    """The measurements, one line per patrol, then the medians and the ratio."""
    from console.patrol.content import main_text
    from console.patrol.fetching import FetchOptions, user_agent
    from console.patrol.records import PatrolMemory
    from console.patrol.targets import Domains, PatrolOptions
    from console.probes.dialing import Dialer
    from console.screening.normalise import normalise
    from tests.patrol_server import target
    from tests.patrol_sites import TODAY, generate

    sites = [generate(SEED, i, args.columns, args.items) for i in range(1, args.sites + 1)]
    mapping = {(site.host, 80): ("127.0.0.1", port) for site in sites}
    options = PatrolOptions(
        TODAY,
        cluster_domains=Domains(site.host for site in sites),
        fetch=FetchOptions(
            dialer=Dialer(mapping, loopback_only=True), user_agent=user_agent("基准站群")
        ),
        spacing=args.spacing,
    )
    targets = [target(site) for site in sites]
    # Built once per process, before any patrol: the normalisation table and the extractor.
    normalise("")
    main_text("<html><body><p>预热</p></body></html>")
    at_once = args.sites_at_once or len(targets)
    print(
        f"sites={args.sites} columns={args.columns} items/list={args.items} "
        f"latency=50–300 ms spacing={args.spacing} s connections={options.connections} "
        f"sites at once={at_once}, peak memory {'reset per run' if peak_reset() else 'lifetime'}"
    )
    print(f"{'patrol':>14} {'wall s':>8} {'cpu s':>7} {'pages':>7} {'requests':>8} {'304':>6} "
          f"{'pages/s':>8} {'req/s':>8} {'+MiB':>8} {'errors':>6}")  # fmt: skip
    firsts, seconds, baselines = [], [], []
    for _number in range(args.repeat):
        memory = PatrolMemory()
        first = measure(targets, options, memory, at_once)
        print(line("first", first))
        second = measure(targets, options, memory, at_once)
        print(line("unchanged", second))
        sample = targets[:: max(1, len(targets) // args.sample)][: args.sample]
        one = measure(sample, options, PatrolMemory(), 1)
        print(line(f"one site ×{len(sample)}", one))
        firsts.append(first.wall)
        seconds.append(second.wall)
        baselines.append(one.wall / len(sample) * len(targets))
    wall, baseline = statistics.median(firsts), statistics.median(baselines)
    print(
        f"median first patrol {wall:.1f} s, unchanged {statistics.median(seconds):.1f} s; "
        f"one site at a time (extrapolated) {baseline:.0f} s; speed-up ×{baseline / wall:.1f}"
    )


if __name__ == "__main__":
    main()
