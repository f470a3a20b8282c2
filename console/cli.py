"""Headless commands over the same services the GUI uses: proof that the core is a library.

The commands themselves live in ``console.commands``, one module per area.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from console.base.errors import ConsoleError, classify
from console.base.i18n import LANGUAGES, use_language
from console.commands import register_all
from console.commands.demo import demo_url
from console.db.location import ENV_URL

__all__ = ["build_parser", "demo_url", "main", "run"]

GUI_COMMANDS = (None, "screenshots")


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
    register_all(commands)
    shots = commands.add_parser("screenshots", help="把每个标签页渲染为 PNG")
    shots.add_argument("directory", type=Path)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a headless command; returns the process exit status."""
    use_language(args.lang or "zh_CN")
    try:
        return int(args.handler(args))
    except ConsoleError as error:
        print(error, file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of the output went away (``| head``): nothing is wrong with the database,
        # and stdout must not be flushed again at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:
        fault = classify(error)
        if fault is None:
            raise
        print(fault, file=sys.stderr)
        return 3


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for headless use: parse ``argv`` and run the command (GUI commands excluded)."""
    args = build_parser().parse_args(argv)
    if args.command in GUI_COMMANDS:
        raise SystemExit("cluster-console: the GUI is started through main.py")
    return run(args)
