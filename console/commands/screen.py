"""``cluster-console screen``: screen a text file (or standard input) and print the findings.

Where the lexicon comes from: ``--lexicon FILE`` (CSV, or one term a line as 自定义/2) with the
phrases of ``--whitelist FILE`` (none without it); otherwise the database's enabled lexicon and
its whitelist when ``--db`` (or ``$CLUSTER_CONSOLE_DB``) names one or the default database file
exists; otherwise the starter lexicon and whitelist shipped in ``resources/lexicon``. A
``--whitelist`` file always replaces the whitelist of that source. Offsets are Python ``str``
offsets into the input decoded as UTF-8, line ends and byte-order mark included.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.commands import Subcommands
from console.commands._common import opened
from console.db.location import DEFAULT_FILE, ENV_URL, data_dir
from console.review.lexicon import DEFAULT_CATEGORY, DEFAULT_SEVERITY
from console.screening import Screener, load_lexicon
from console.screening.lexicon_files import (
    STARTER_TERMS,
    STARTER_WHITELIST,
    read_any_terms,
    read_terms,
    read_whitelist,
)

STDIN = "-"
NOT_UTF8 = QT_TR_NOOP("输入 {file} 不是 UTF-8 编码的文本。")
UNREADABLE = QT_TR_NOOP("无法读取 {file}：{detail}")
EMPTY_LEXICON = QT_TR_NOOP(
    "词库为空（没有启用的词条），只筛查了个人信息；请先导入词库，或用 --lexicon 指定词库文件。"
)
EMPTY_LEXICON_STATUS = 4


def register(commands: Subcommands) -> None:
    """Add ``screen``."""
    screen = commands.add_parser(
        "screen", help=QT_TR_NOOP("按词库筛查文本，逐行输出 JSON 格式的问题（敏感词、个人信息）")
    )
    screen.add_argument(
        "--lexicon",
        type=Path,
        metavar="FILE",
        help=QT_TR_NOOP("词库文件（CSV，或每行一个词条的文本）"),
    )
    screen.add_argument(
        "--whitelist", type=Path, metavar="FILE", help=QT_TR_NOOP("白名单文件（每行一个短语）")
    )
    screen.add_argument(
        "--mask", action="store_true", help=QT_TR_NOOP("输出中遮盖个人信息（138****1234）")
    )
    screen.add_argument(
        "file", nargs="?", default=STDIN, help=QT_TR_NOOP("要筛查的文件（默认 - 即标准输入）")
    )
    screen.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Screen the input and print one JSON object per finding, in order of start."""
    text = _read(args.file)
    screener, terms = _screener(args)
    out = sys.stdout
    for finding in screener.screen(text):
        record = finding.as_dict()
        if args.mask:
            record["text"] = finding.masked
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    if not terms:
        print(translate("", EMPTY_LEXICON), file=sys.stderr)
        return EMPTY_LEXICON_STATUS
    return 0


def _read(name: str) -> str:
    try:
        data = sys.stdin.buffer.read() if name == STDIN else Path(name).read_bytes()
    except OSError as error:
        raise InvalidInput(UNREADABLE, file=name, detail=str(error)) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidInput(NOT_UTF8, file=name) from None


def _screener(args: argparse.Namespace) -> tuple[Screener, int]:
    """The screener to use and how many lexicon terms it has."""
    phrases = read_whitelist(args.whitelist) if args.whitelist else None
    if args.lexicon:
        terms = read_any_terms(args.lexicon, DEFAULT_CATEGORY, DEFAULT_SEVERITY)
        return Screener.build(terms, phrases or []), len(terms)
    if uses_database(args.db):
        with opened(args.db) as sessions, sessions() as session:
            terms, stored = load_lexicon(session)
        return Screener.build(terms, stored if phrases is None else phrases), len(terms)
    starter = read_terms(STARTER_TERMS)
    whitelist = read_whitelist(STARTER_WHITELIST) if phrases is None else phrases
    return Screener.build(starter, whitelist), len(starter)


def uses_database(url: str | None) -> bool:
    """Whether ``screen`` without ``--lexicon`` reads the database's lexicon."""
    return bool(url or os.environ.get(ENV_URL) or (data_dir() / DEFAULT_FILE).exists())
