"""``cluster-console demo``: fill a database with the fictional demo cluster."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys

from console.commands import Subcommands
from console.db import engine_of, open_database
from console.db.location import data_dir

DEMO_FILE = "demo.sqlite3"


def demo_url() -> str:
    """The SQLite file that ``--demo`` opens (and ``demo`` fills by default)."""
    return f"sqlite:///{data_dir() / DEMO_FILE}"


def register(commands: Subcommands) -> None:
    """Add ``demo``."""
    demo = commands.add_parser("demo", help="生成演示站群")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--sites", type=int)
    demo.add_argument("--posts", type=int)
    demo.add_argument("--as-of", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")
    demo.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Generate the demo cluster into ``--db`` (default: the demo file)."""
    from console.demo import generate

    url = args.db or demo_url()
    sessions = open_database(url, upgrade_schema=True)
    try:
        summary = generate(
            sessions,
            seed=args.seed,
            sites=args.sites,
            posts=args.posts,
            as_of=args.as_of,
            progress=progress,
        )
    finally:
        engine_of(sessions).dispose()
    print(file=sys.stderr)
    print(json.dumps(dataclasses.asdict(summary), ensure_ascii=False, default=str))
    return 0


def progress(done: int, total: int, label: str) -> None:
    """Show long work's progress on one line of stderr."""
    print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)
