"""Headless commands over the same services the GUI uses: proof that the core is a library.

The commands themselves live in ``console.commands``, one module per area.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from console.base.errors import ConsoleError, InvalidInput, SchemaTooNew, classify
from console.base.i18n import LANGUAGES, QT_TR_NOOP, translate, use_language
from console.commands import register_all
from console.commands._arguments import folder, said
from console.commands._parsing import (
    ConsoleParser,
    EpilogFormatter,
    argparse_speaking,
    language_of,
)
from console.commands.demo import DEMO_FILE, demo_url
from console.db.location import ENV_URL, data_dir

DB_HELP = QT_TR_NOOP(
    "数据库地址，如 sqlite:///路径/cluster.sqlite3、postgresql://用户@主机/库名、"
    "mysql://用户@主机/库名（默认：${env} 或用户数据目录中的 SQLite 文件）"
)
COMMAND = QT_TR_NOOP("命令")
COMMANDS = QT_TR_NOOP("命令")
EXIT_STATUSES = QT_TR_NOOP(
    "退出状态：\n"
    "  0    完成\n"
    "  1    完成，但有需要注意的：有问题的行、不可访问的网站、逾期事项、无效的标识\n"
    "  2    拒绝：用法或输入有误、文件有问题、无权限；未作任何更改\n"
    "  3    数据库无法使用：连接失败，或数据库比本程序新\n"
    "  4    screen：词库为空，只筛查了个人信息\n"
    "  130  被中断（Ctrl-C）；未完成的更改没有写入"
)
INTERRUPTED = QT_TR_NOOP("已中断：未完成的更改没有写入。")
DEMO_AND_DB = QT_TR_NOOP("--demo 与 --db 只能选一个。")
NO_DEMO = QT_TR_NOOP("演示站群尚未生成：请先运行 cluster-console --demo demo")

__all__ = ["build_parser", "demo_url", "main", "parse", "run"]

GUI_COMMANDS = (None, "screenshots")


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``cluster-console`` (no command: open the GUI)."""
    parser = ConsoleParser(
        prog="cluster-console",
        description=QT_TR_NOOP("站群运维控制台 — Cluster Console"),
        epilog=said(EXIT_STATUSES),
        formatter_class=EpilogFormatter,
    )
    parser.add_argument(
        "--db", metavar="URL",
        help=said(DB_HELP, env=ENV_URL),
    )  # fmt: skip
    parser.add_argument(
        "--lang", choices=LANGUAGES, help=QT_TR_NOOP("界面语言：zh_CN 简体中文（默认）或 en 英文")
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=QT_TR_NOOP("打开演示站群（首次使用时生成，登录名 sysadmin 等，密码 demo）"),
    )
    commands = parser.add_subparsers(dest="command", metavar=said(COMMAND), title=said(COMMANDS))
    register_all(commands)
    shots = commands.add_parser("screenshots", help=QT_TR_NOOP("把每个标签页渲染为 PNG"))
    shots.add_argument(
        "directory", type=folder, help=QT_TR_NOOP("保存截图的文件夹（不存在时创建）")
    )
    return parser


def run(args: argparse.Namespace) -> int:
    """Run a headless command; returns the process exit status."""
    use_language(args.lang or "zh_CN")
    try:
        _honour_demo(args)
        return int(args.handler(args))
    except SchemaTooNew as error:
        print(error, file=sys.stderr)
        return 3
    except ConsoleError as error:
        print(error, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(file=sys.stderr)
        print(translate("", INTERRUPTED), file=sys.stderr)
        return 130
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


def _honour_demo(args: argparse.Namespace) -> None:
    """``--demo``: every command works on the demo file, which only ``demo`` creates."""
    if not getattr(args, "demo", False):
        return
    if args.db:
        raise InvalidInput(DEMO_AND_DB)
    args.db = demo_url()
    if args.command != "demo" and not (data_dir() / DEMO_FILE).exists():
        raise InvalidInput(NO_DEMO)


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """Parse the command line in the language it asks for (help and argparse's own words)."""
    words = list(sys.argv[1:] if argv is None else argv)
    language = language_of(words)
    use_language(language)
    with argparse_speaking(language):
        return build_parser().parse_args(words)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry for headless use: parse ``argv`` and run the command (GUI commands excluded)."""
    args = parse(argv)
    if args.command in GUI_COMMANDS:
        raise SystemExit("cluster-console: the GUI is started through main.py")
    return run(args)
