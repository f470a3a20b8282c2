"""A probe sweep of 1,000 local sites with 50–300 ms latency, beside a sequential sample.

    python -m bench.probes [--sites 1000] [--workers 64] [--sample 20] [--repeat 3] [--no-gui]

The sites are served by a separate process (``--serve``: one plain and one TLS listener,
a certificate from a throw-away CA, every host of ``*.bench.gov.cn``), so the sweeping
process's CPU time is its own. Prints, per run, the full sweep's wall and CPU time, how late
a 10 ms timer on the main thread ran during the sweep (what a window would feel), and the
sequential sample extrapolated to the whole cluster; then medians and the ratio. Last, the
same sweep from the 安全备案 tab's sweep panel on an offscreen window (outcomes streamed into
its table, history stored in SQLite), with a 5 ms heartbeat timer measuring the UI thread's
longest stall. Every address dialled is a loopback one.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from requests.utils import DEFAULT_CA_BUNDLE_PATH

from console.probes.dialing import Dialer
from console.probes.probe import ProbeOptions, ProbeTarget, probe_site
from console.probes.sweep import DEFAULT_WORKERS, sweep

DOMAIN = "bench.gov.cn"
ICP = "浙ICP备2019012345号-1"
PSB = "浙公网安备33120202000001号"
TARGET_S = 30.0


def host(index: int) -> str:
    """The registered host of bench site ``index``."""
    return f"s{index}.{DOMAIN}"


def delay(index: int) -> float:
    """Latency of site ``index``: spread evenly over 50–300 ms."""
    return 0.05 + (index * 37 % 251) / 1000


def serve(sites: int, cert: str, key: str) -> None:
    """Serve the bench sites until stdin closes; print the ports as JSON first."""
    from tests.site_server import Page, SiteServer

    server = SiteServer()
    plain, secure = server.listen(), server.listen(Path(cert), Path(key))
    for index in range(sites):
        name = host(index)
        page = (
            f"<html><body><h1>站点 {index}</h1><footer>网站标识码 331200{index:04d} "
            f"{ICP} {PSB}</footer></body></html>"
        )
        server.pages[("http", name)] = Page(301, location=f"https://{name}/", delay=delay(index))
        server.pages[("https", name)] = Page(200, page, delay=delay(index))
    print(json.dumps({"http": plain, "https": secure}), flush=True)
    sys.stdin.read()
    server.close()


def tick_lateness(job: Future[object]) -> list[float]:
    """How late (ms) a 10 ms sleep on this thread wakes, until ``job`` is done."""
    late = []
    while not job.done():
        started = time.perf_counter()
        time.sleep(0.01)
        late.append((time.perf_counter() - started - 0.01) * 1000)
    return late


def main() -> None:
    """Start the sites, then time full sweeps and a sequential sample."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=DEFAULT_WORKERS)
    parser.add_argument("--sample", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=15.0)
    parser.add_argument("--serve", nargs=2, metavar=("CERT", "KEY"))
    parser.add_argument("--no-gui", action="store_true", help="skip the sweep from the tab")
    args = parser.parse_args()
    if args.serve:
        serve(args.sites, *args.serve)
        return
    from tests.certs import authority

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        ca = authority(folder)
        cert, key = ca.issue(folder, "bench", [f"*.{DOMAIN}"])
        # Trust what a console trusts (the default roots) plus the bench's own authority.
        roots = folder / "roots.pem"
        roots.write_bytes(Path(DEFAULT_CA_BUNDLE_PATH).read_bytes() + ca.pem.read_bytes())
        server = subprocess.Popen(
            [sys.executable, "-m", "bench.probes", "--sites", str(args.sites), "--serve",
             str(cert), str(key)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert server.stdout is not None
            ports = json.loads(server.stdout.readline())
            run(args, str(roots), ports)
            if not args.no_gui:
                gui_run(args, str(roots), ports, folder)
        finally:
            assert server.stdin is not None
            server.stdin.close()
            server.wait(30)


def mapped(sites: int, ports: dict[str, int]) -> dict[tuple[str, int], tuple[str, int]]:
    """Every bench host's ports mapped onto the local listeners."""
    mapping = {}
    for index in range(sites):
        mapping[(host(index), 80)] = ("127.0.0.1", ports["http"])
        mapping[(host(index), 443)] = ("127.0.0.1", ports["https"])
    return mapping


def gui_run(args: argparse.Namespace, ca: str, ports: dict[str, int], folder: Path) -> None:
    """The sweep as the 安全备案 tab runs it, with the UI thread's worst stall."""
    from sqlalchemy import delete, insert

    from bench.gui import Heartbeat, run_on_qt
    from console.db import open_database
    from console.filings.settings import FilingSettings, change_settings
    from console.operators import service as operators
    from console.schema import SiteDomain
    from tests.staff import PASSWORD
    from tests.ui.fixtures import small_cluster

    sessions = open_database(f"sqlite:///{folder / 'bench.sqlite3'}", upgrade_schema=True)
    small_cluster(sessions, sites=args.sites)
    with sessions.begin() as session:
        session.execute(delete(SiteDomain))
        session.execute(
            insert(SiteDomain),
            [{"site_id": i + 1, "domain": host(i), "is_main": True, "version": 1}
             for i in range(args.sites)],
        )  # fmt: skip
    admin = operators.login(sessions, "sysadmin", PASSWORD)
    change_settings(
        sessions,
        admin,
        FilingSettings(probe_timeout_s=int(args.timeout), probe_workers=args.workers),
    )

    async def measure() -> None:
        from ui.filings.sweeper import SweepPanel
        from ui.tasks import Database

        database = Database(sessions)
        panel = SweepPanel(database, admin)
        panel.dialer = Dialer(mapped(args.sites, ports), loopback_only=True)
        panel.ca_bundle = ca
        panel.resize(1200, 800)
        panel.show()
        beat = Heartbeat()
        beat.start()
        started = time.perf_counter()
        outcomes = await panel.run_sweep()
        wall = time.perf_counter() - started
        await beat.tick()
        shown = panel.model.rowCount()
        print(
            f"from the tab: {len(outcomes)} sites swept, {shown} rows streamed into the table, "
            f"stored in {wall:.2f} s; worst UI stall {beat.worst():.0f} ms "
            f"(heartbeat {len(beat.gaps)} beats); {panel.summary.text()}"
        )
        panel.close()
        database.close()

    run_on_qt(measure)


def run(args: argparse.Namespace, ca: str, ports: dict[str, int]) -> None:
    """The measurements, printed one line per run and a summary."""
    mapping = mapped(args.sites, ports)
    targets = [ProbeTarget(i, f"331200{i:04d}", host(i), ICP, PSB) for i in range(args.sites)]
    options = ProbeOptions(
        timeout=args.timeout,
        ca_bundle=ca,
        registered_hosts=frozenset(t.domain for t in targets),
        dialer=Dialer(mapping, loopback_only=True),
    )
    print(f"sites={args.sites} workers={args.workers} latency=50–300 ms, sample={args.sample}")
    print(
        f"{'run':>4} {'sweep s':>8} {'cpu s':>7} {'ok':>5} {'tick p50 ms':>12} "
        f"{'tick max ms':>12} {'sequential s (extrapolated)':>28}"
    )
    walls, cpus, sequentials, ticks = [], [], [], []
    step = max(1, args.sites // args.sample)
    sample = targets[::step][: args.sample]
    for number in range(1, args.repeat + 1):
        # As in the console: the sweep on its own thread, the main thread (the window's)
        # waking every 10 ms; how late it wakes is what an operator would feel.
        with ThreadPoolExecutor(max_workers=1) as runner:
            cpu0, wall0 = time.process_time(), time.perf_counter()
            job = runner.submit(sweep, targets, options, args.workers)
            lateness = tick_lateness(job)
            outcomes = job.result()
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
        started = time.perf_counter()
        for target in sample:
            probe_site(target, options)
        sequential = (time.perf_counter() - started) / len(sample) * args.sites
        ok = sum(1 for o in outcomes if o.ok and o.cert_valid and o.footer_psb)
        tick50, tick_max = statistics.median(lateness), max(lateness)
        walls.append(wall)
        cpus.append(cpu)
        sequentials.append(sequential)
        ticks.append(tick_max)
        print(
            f"{number:>4} {wall:>8.2f} {cpu:>7.2f} {ok:>5} {tick50:>12.2f} {tick_max:>12.1f} "
            f"{sequential:>28.1f}"
        )
    wall, sequential = statistics.median(walls), statistics.median(sequentials)
    print(
        f"median sweep {wall:.2f} s (cpu {statistics.median(cpus):.2f} s), sequential "
        f"{sequential:.1f} s, speed-up ×{sequential / wall:.1f}; worst tick delay "
        f"{max(ticks):.1f} ms; target ≤ {TARGET_S:.0f} s: {'met' if wall <= TARGET_S else 'MISSED'}"
    )


if __name__ == "__main__":
    main()
