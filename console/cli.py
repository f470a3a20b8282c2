"""Headless commands over the same services the GUI uses: proof that the core is a library."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from console.db import SessionFactory, engine_of, open_database
from console.db.engine import make_engine
from console.db.location import ENV_URL, data_dir, resolve_url, shown
from console.db.migrate import current_revision, head_revision, upgrade
from console.errors import ConsoleError, classify
from console.i18n import LANGUAGES, QT_TR_NOOP, translate, use_language
from console.services import journal, operators
from console.services.actor import Actor

DEMO_FILE = "demo.sqlite3"
INTACT = QT_TR_NOOP("日志完整：共 {n} 条，链头哈希 {hash}")
TAMPERED = QT_TR_NOOP("日志已被篡改：共 {n} 条")
SCHEMA_UPGRADED = QT_TR_NOOP("{url}：结构版本 {before} → {after}")
SCHEMA_CURRENT = QT_TR_NOOP("{url}：当前结构版本 {current}，最新 {head}")
PASSWORD_PROMPT = QT_TR_NOOP("密码：")


def demo_url() -> str:
    """The SQLite file that ``--demo`` opens (and ``demo`` fills by default)."""
    return f"sqlite:///{data_dir() / DEMO_FILE}"


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``cluster-console`` (no command: open the GUI)."""
    parser = argparse.ArgumentParser(
        prog="cluster-console",
        description="站群运维控制台 — Cluster Console",
    )
    parser.add_argument(
        "--db", metavar="URL", help=f"数据库地址（默认：${ENV_URL} 或用户数据目录中的 SQLite 文件）"
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="界面语言（默认 zh_CN）")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="打开演示站群（首次使用时生成，登录名 sysadmin 等，密码 demo）",
    )
    commands = parser.add_subparsers(dest="command", metavar="命令")

    demo = commands.add_parser("demo", help="生成演示站群")
    demo.add_argument("--seed", type=int, default=2026)
    demo.add_argument("--sites", type=int)
    demo.add_argument("--posts", type=int)
    demo.add_argument("--as-of", type=dt.date.fromisoformat, metavar="YYYY-MM-DD")

    db = commands.add_parser("db", help="数据库结构版本")
    db_commands = db.add_subparsers(dest="db_command", required=True, metavar="子命令")
    db_commands.add_parser("upgrade", help="升级到最新结构版本")
    db_commands.add_parser("current", help="显示当前结构版本")

    journal_cmd = commands.add_parser("journal", help="操作日志")
    journal_commands = journal_cmd.add_subparsers(
        dest="journal_command", required=True, metavar="子命令"
    )
    verify = journal_commands.add_parser("verify", help="校验日志哈希链（审计管理员）")
    verify.add_argument("--user", required=True, help="审计管理员用户名")
    verify.add_argument("--password-stdin", action="store_true", help="从标准输入读取密码")
    verify.add_argument("--json", action="store_true")

    shots = commands.add_parser("screenshots", help="把每个标签页渲染为 PNG")
    shots.add_argument("directory", type=Path)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a headless command; returns the process exit status."""
    use_language(args.lang or "zh_CN")
    handlers: dict[str, Callable[[argparse.Namespace], int]] = {
        "demo": _demo,
        "db": _db,
        "journal": _journal,
    }
    try:
        return handlers[args.command](args)
    except ConsoleError as error:
        print(error, file=sys.stderr)
        return 2
    except Exception as error:
        fault = classify(error)
        if fault is None:
            raise
        print(fault, file=sys.stderr)
        return 3


def _demo(args: argparse.Namespace) -> int:
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
            progress=_progress,
        )
    finally:
        engine_of(sessions).dispose()
    print(file=sys.stderr)
    print(json.dumps(dataclasses.asdict(summary), ensure_ascii=False, default=str))
    return 0


def _progress(done: int, total: int, label: str) -> None:
    print(f"\r{label} {done}/{total}", end="", file=sys.stderr, flush=True)


def _db(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    engine = make_engine(url)
    try:
        if args.db_command == "upgrade":
            before = current_revision(engine)
            upgrade(engine)
            print(
                translate("", SCHEMA_UPGRADED).format(
                    url=shown(url), before=before or "（空库）", after=head_revision()
                )
            )
        else:
            current = current_revision(engine)
            print(
                translate("", SCHEMA_CURRENT).format(
                    url=shown(url), current=current or "（空库）", head=head_revision()
                )
            )
    finally:
        engine.dispose()
    return 0


def _journal(args: argparse.Namespace) -> int:
    sessions = open_database(args.db)
    try:
        actor = _login(sessions, args.user, args.password_stdin)
        result = journal.verify(sessions, actor)
    finally:
        engine_of(sessions).dispose()
    if args.json:
        print(
            json.dumps(
                {
                    "intact": result.intact,
                    "entries": result.entries,
                    "head_seq": result.head_seq,
                    "head_hash": result.head_hash,
                    "problems": result.problems,
                },
                ensure_ascii=False,
            )
        )
    else:
        verdict = INTACT if result.intact else TAMPERED
        print(translate("", verdict).format(n=result.entries, hash=result.head_hash))
        for problem in result.problems:
            print("  " + problem)
    return 0 if result.intact else 1


def _login(sessions: SessionFactory, username: str, from_stdin: bool) -> Actor:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(translate("", PASSWORD_PROMPT))
    return operators.login(sessions, username, password)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for headless use: parse ``argv`` and run the command (GUI commands excluded)."""
    args = build_parser().parse_args(argv)
    if args.command in (None, "screenshots"):
        raise SystemExit("cluster-console: the GUI is started through main.py")
    return run(args)
