"""``cluster-console demo``: fill a database with the fictional demo cluster."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys

from console.base.i18n import QT_TR_NOOP
from console.commands import Subcommands
from console.commands._arguments import iso_date, said, whole
from console.db import engine_of, open_database
from console.db.location import data_dir
from console.demo.generator import DEFAULT_SITES, MAX_POSTS, POSTS_PER_SITE
from console.demo.sites import MAX_SITES, MIN_SITES

DEMO_FILE = "demo.sqlite3"
SEED_HELP = QT_TR_NOOP("随机种子：种子和基准日相同，生成的数据就相同（默认 2026）")
SITES_HELP = QT_TR_NOOP("网站数，{low} 至 {high}（默认 {default}）")
POSTS_HELP = QT_TR_NOOP("稿件数，0 至 {high}（默认每个网站 {default} 篇）")
AS_OF_HELP = QT_TR_NOOP("演示数据的基准日（默认今天，按站群时区）")


def demo_url() -> str:
    """The SQLite file that ``--demo`` opens (and ``demo`` fills by default)."""
    return f"sqlite:///{data_dir() / DEMO_FILE}"


def register(commands: Subcommands) -> None:
    """Add ``demo``."""
    demo = commands.add_parser("demo", help=QT_TR_NOOP("生成演示站群"))
    demo.add_argument(
        "--seed", type=whole(0, 2**63 - 1), default=2026, metavar="N",
        help=said(SEED_HELP),
    )  # fmt: skip
    demo.add_argument(
        "--sites", type=whole(MIN_SITES, MAX_SITES), metavar="N",
        help=said(SITES_HELP, low=MIN_SITES, high=MAX_SITES, default=DEFAULT_SITES),
    )  # fmt: skip
    demo.add_argument(
        "--posts", type=whole(0, MAX_POSTS), metavar="N",
        help=said(POSTS_HELP, high=MAX_POSTS, default=POSTS_PER_SITE),
    )  # fmt: skip
    demo.add_argument(
        "--as-of", type=iso_date, metavar="YYYY-MM-DD",
        help=said(AS_OF_HELP),
    )  # fmt: skip
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
