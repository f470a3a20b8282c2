"""The site import over a large file against a raw bulk insert of the same rows, in one run.

    python -m bench.site_import [--rows 50000] [--repeat 3]

Writes a CSV of ``--rows`` sites (city portals, each with departments under it, the departments
listed *before* their portal so the import must order them itself), then measures on scratch
SQLite files, each run in a fresh process so that peak memory is its own:

* ``dry-run``: ``check_and_import(write=False)``: every row read and checked once;
* ``import``: ``check_and_import``: checked once, then every site written with its domains and
  journal entry, in one transaction;
* ``baseline``: the floor: the same file read and its sites inserted with one ``executemany``,
  no checks, no domains, no journal.

Figures are medians of ``--repeat`` runs: seconds, rows/s, peak resident memory (MB); the
ratio is import / baseline. The budget: at least 1,000 rows/s for the import.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from stdnum.cn import uscc

CITIES = ("331200", "331100", "331000", "330900", "330800", "330700", "330600", "330500")
PER_CITY = 9_998
HEADINGS = ("网站标识码", "网站名称", "类型", "上级网站标识码", "主办单位", "统一社会信用代码",
            "域名", "开通日期")  # fmt: skip


def organiser(region: str, serial: int) -> str:
    """A valid 统一社会信用代码 of a government body of ``region``."""
    body = f"11{region}{serial:08d}X"
    return body + uscc.calc_check_digit(body)


def write_file(path: Path, rows: int) -> None:
    """``rows`` sites: per city, its departments first, then the portal they belong to."""
    written = 0
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        out = csv.writer(handle)
        out.writerow(HEADINGS)
        for number, region in enumerate(CITIES, start=1):
            if written >= rows:
                break
            portal = f"{region}0001"
            zone = f"c{number}.gov.cn"
            count = min(PER_CITY, rows - written - 1)
            for serial in range(2, count + 2):
                code = f"{region}{serial:04d}"
                out.writerow((code, f"第{number}市第{serial}局", "部门网站", portal,
                              f"第{number}市第{serial}局", organiser(region, serial),
                              f"d{serial}.{zone}", "2026/1/15"))  # fmt: skip
            out.writerow((portal, f"第{number}市人民政府", "市级门户", "", f"第{number}市政府办",
                          organiser(region, 1), f"www.{zone}", "2020年3月1日"))  # fmt: skip
            written += count + 1
    if written < rows:
        raise SystemExit(f"at most {len(CITIES) * (PER_CITY + 1)} rows")


def measure(kind: str, file: Path, folder: Path) -> dict[str, float]:
    """One measurement, in this process (called through ``--one``)."""
    from console.db import engine_of, open_database
    from console.operators import service as operators
    from tests.staff import PASSWORD, bootstrap_staff

    sessions = open_database(f"sqlite:///{folder / 'cluster.sqlite3'}", upgrade_schema=True)
    bootstrap_staff(sessions)
    actor = operators.login(sessions, "sysadmin", PASSWORD)
    start = time.perf_counter()
    if kind == "baseline":
        rows = _baseline(sessions, file)
    else:
        from console.sites.importing import check_and_import

        result = check_and_import(sessions, actor, file, write=kind == "import")
        assert not result.preview.bad, result.preview.bad[:3]
        rows = len(result.preview.rows)
    seconds = time.perf_counter() - start
    engine_of(sessions).dispose()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "rows": rows, "peak_mb": peak}


def _baseline(sessions: object, file: Path) -> int:
    from sqlalchemy import insert

    from console.base.table_files import read_table
    from console.schema import Site

    table = read_table(file)
    values = [
        {"code": r.cells["网站标识码"], "name": r.cells["网站名称"], "kind": "department",
         "region_code": r.cells["网站标识码"][:6], "organiser_name": r.cells["主办单位"],
         "organiser_uscc": r.cells["统一社会信用代码"], "organiser_type": "party_government",
         "state": "applied", "version": 1}
        for r in table.rows
    ]  # fmt: skip
    with sessions.begin() as session:  # type: ignore[attr-defined]
        session.execute(insert(Site), values)
    return len(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--one", nargs=3, metavar=("KIND", "FILE", "FOLDER"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.one:
        kind, file, folder = args.one
        print(json.dumps(measure(kind, Path(file), Path(folder))))
        return
    with tempfile.TemporaryDirectory() as scratch:
        file = Path(scratch) / "sites.csv"
        write_file(file, args.rows)
        print(f"{args.rows} rows, {file.stat().st_size / 1e6:.1f} MB CSV; medians of {args.repeat}")
        medians: dict[str, dict[str, float]] = {}
        for kind in ("baseline", "dry-run", "import"):
            runs = []
            for run in range(args.repeat):
                folder = Path(scratch) / f"{kind}-{run}"
                folder.mkdir()
                command = [sys.executable, "-m", "bench.site_import", "--one", kind]
                done = subprocess.run(
                    [*command, str(file), str(folder)], check=True, capture_output=True, text=True
                )
                runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            medians[kind] = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            m = medians[kind]
            print(f"{kind:9s} {m['seconds']:7.2f} s  {m['rows'] / m['seconds']:8.0f} rows/s"
                  f"  peak {m['peak_mb']:6.0f} MB")  # fmt: skip
        ratio = medians["import"]["seconds"] / medians["baseline"]["seconds"]
        print(f"import / baseline: {ratio:.1f}x slower than a bare bulk insert")


if __name__ == "__main__":
    main()
