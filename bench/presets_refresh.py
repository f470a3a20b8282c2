"""The 栏目预设 tab's inspection refresh at 1,000 sites × 38 columns: the window's worst stall.

    python -m bench.presets_refresh [--sites 1000] [--repeat 5]

The refresh runs ``presets.inspect`` on the database's reader thread and shows the risks;
a 5 ms heartbeat on the UI thread records the longest gap (``bench.gui``). The baseline, in
the same run, is the same refresh with the cyclic collector left running during the
database work (as before ``ui.tasks`` paused it): its full passes over the records being
built hold the interpreter, and so the window.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from bench.gui import Heartbeat, run_on_qt
from bench.presets import ADMIN, fill, preset_38
from console.db import engine_of, open_database
from console.presets import service as presets
from console.presets.apply import apply_version


async def _stalls(page: Any, repeat: int) -> list[float]:
    beat = Heartbeat()
    worst = []
    for _ in range(repeat):
        beat.start()
        await beat.tick()
        await page.refresh()
        await beat.tick()
        worst.append(beat.worst())
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        sessions = open_database(f"sqlite:///{Path(scratch) / 'bench.sqlite3'}")
        version_id = presets.create_preset(sessions, ADMIN, preset_38())
        apply_version(sessions, ADMIN, version_id, fill(sessions, args.sites))

        async def measure() -> None:
            from ui import tasks
            from ui.presets.risks import RiskPage

            database = tasks.Database(sessions)
            page = RiskPage(database, ADMIN)
            page.resize(1200, 800)
            page.show()
            await page.refresh()
            paused = await _stalls(page, args.repeat)
            with mock.patch.object(tasks._collector, "run", lambda job: job()):
                running = await _stalls(page, args.repeat)
            ours, base = statistics.median(paused), statistics.median(running)
            print(f"sites={args.sites} columns=38 repeat={args.repeat} (medians)")
            print(f"worst UI stall, collector paused during database work: {ours:.0f} ms")
            print(f"worst UI stall, collector running (baseline): {base:.0f} ms")
            print(f"baseline/ours = {base / max(ours, 1):.1f}x")
            page.close()
            database.close()

        run_on_qt(measure)
        engine_of(sessions).dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
