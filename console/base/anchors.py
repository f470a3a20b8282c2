"""Journal anchors: the head of the chain (sequence, hash, time) kept outside the database.

Whoever can write the journal table directly (the database owner) can rewrite an entry and
recompute every hash after it: the chain then verifies. An anchor taken earlier still names
the hash entry ``seq`` had then, so a rewrite of anything at or before an anchor shows as that
anchor no longer being on the chain. ``journal anchor`` appends one JSON line per anchor to a
file the audit administrator keeps; ``journal verify --anchors FILE`` checks every line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory
from console.db.location import APP_NAME
from console.schema import Duty, JournalEntry, JournalHead, utcnow

HEAD_ID = 1
ANCHORS_FILE = "journal-anchors.jsonl"
_HASH = re.compile(r"^[0-9a-f]{64}$")

NO_HEAD = QT_TR_NOOP("日志头记录缺失：数据库未经迁移或已被篡改。")
EMPTY_JOURNAL = QT_TR_NOOP("日志还没有任何记录，无需锚定。")
UNREADABLE = QT_TR_NOOP("无法读取锚点文件 {path}：{reason}")
BAD_LINE = QT_TR_NOOP("锚点文件 {path} 第 {line} 行不是有效的锚点记录。")
NO_ANCHORS = QT_TR_NOOP("锚点文件 {path} 中没有锚点。")
UNWRITABLE = QT_TR_NOOP("无法写入锚点文件 {path}：{reason}")
ANCHOR_GONE = QT_TR_NOOP("锚点 第 {seq} 条（{at}）已不在日志中：记录被删除，或日志被截短后重写。")
ANCHOR_MOVED = QT_TR_NOOP(
    "锚点 第 {seq} 条（{at}）的哈希与日志不符：该条或其之前的记录被改写并重算了哈希。"
)


@dataclass(frozen=True)
class Anchor:
    """The head of the chain at one moment."""

    seq: int
    hash: str
    at: str

    def line(self) -> str:
        """The anchor as one line of the anchors file."""
        return json.dumps({"seq": self.seq, "hash": self.hash, "at": self.at}) + "\n"


def default_path() -> Path:
    """Where anchors go unless told otherwise: the user's data folder (made when written)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / ANCHORS_FILE


def take(sessions: SessionFactory, actor: Actor) -> Anchor:
    """The current head of the chain (audit administrator only)."""
    require(actor, Duty.AUDIT_ADMIN)
    with sessions() as session:
        return current(session)


def current(session: Session) -> Anchor:
    """The current head of the chain, read in ``session`` (the monthly report mails it to the
    audit administrators, so that it leaves the database without anyone asking)."""
    head = session.get(JournalHead, HEAD_ID)
    if head is None:
        raise NotFound(NO_HEAD)
    if head.seq == 0:
        raise InvalidInput(EMPTY_JOURNAL)
    at = clock.iso(utcnow(), settings_of(session).zone) or ""
    return Anchor(head.seq, head.hash, at)


def append(path: Path, anchor: Anchor) -> None:
    """Add ``anchor`` to the anchors file at ``path`` (created when missing)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as file:
            file.write(anchor.line())
    except OSError as error:
        raise InvalidInput(UNWRITABLE, path=str(path), reason=error.strerror or error) from error


def read(path: Path) -> list[Anchor]:
    """The anchors recorded in ``path``; a file that is not an anchors file is refused."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        raise InvalidInput(UNREADABLE, path=str(path), reason=reason or error) from error
    found: list[Anchor] = []
    for number, text in enumerate(lines, start=1):
        if not text.strip():
            continue
        found.append(_parsed(text, path, number))
    if not found:
        raise InvalidInput(NO_ANCHORS, path=str(path))
    return found


def _parsed(text: str, path: Path, number: int) -> Anchor:
    try:
        value = json.loads(text)
        seq, digest, at = value["seq"], value["hash"], value.get("at", "")
    except (ValueError, TypeError, KeyError, AttributeError):
        raise InvalidInput(BAD_LINE, path=str(path), line=number) from None
    if not (isinstance(seq, int) and seq > 0 and isinstance(digest, str) and _HASH.match(digest)):
        raise InvalidInput(BAD_LINE, path=str(path), line=number)
    return Anchor(seq, digest, str(at))


def check(sessions: SessionFactory, actor: Actor, anchors: list[Anchor]) -> list[str]:
    """What is wrong with each anchor against the chain now (empty when every one holds)."""
    require(actor, Duty.AUDIT_ADMIN)
    problems: list[str] = []
    wanted = sorted({anchor.seq for anchor in anchors})
    with sessions() as session:
        stored: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            rows = session.execute(
                select(JournalEntry.seq, JournalEntry.hash).where(JournalEntry.seq.in_(chunk))
            )
            stored.update((seq, digest) for seq, digest in rows)
    for anchor in anchors:
        if anchor.seq not in stored:
            problems.append(translate("", ANCHOR_GONE).format(seq=anchor.seq, at=anchor.at))
        elif stored[anchor.seq] != anchor.hash:
            problems.append(translate("", ANCHOR_MOVED).format(seq=anchor.seq, at=anchor.at))
    return problems
