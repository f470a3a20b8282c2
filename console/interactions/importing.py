"""Bringing messages in: from a platform's export file, or directly as records.

Every record is checked first (on its own, against the register, against the rows above it);
then all are written in one transaction with one journal entry, or none when any is refused.
A channel met for the first time is created under its site; a message already known (same
channel, same number) takes the platform's newer values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import Actor, require
from console.base.cluster import settings_of
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.journal import record as journal
from console.base.table_files import read_table
from console.db import SessionFactory
from console.interactions.files import FileRow, PlatformMapping, ReadFile, read_mapping, read_rows
from console.interactions.records import CHANNEL_KINDS, MessageRecord, masked_title, problems
from console.schema import Duty, InteractionChannel, InteractionMessage, Site

CHUNK = 500
UNKNOWN_SITE = QT_TR_NOOP("网站标识码 {code} 未登记")
KIND_DIFFERS = QT_TR_NOOP("渠道“{channel}”已登记为“{kind}”")
REPEATED = QT_TR_NOOP("留言编号 {number} 在本渠道中重复（第 {line} 行）")
NOT_IMPORTED = QT_TR_NOOP("有 {bad} 条记录有问题（共 {total} 条），没有导入任何留言。")
NOTHING = QT_TR_NOOP("没有留言记录。")

Progress = Callable[[int, int], None]
T = TypeVar("T")


@dataclass(frozen=True)
class ImportOutcome:
    """Every record checked, the columns dropped and, when written, what changed."""

    rows: tuple[FileRow, ...]
    personal: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    new_channels: tuple[str, ...] = ()
    added: int = 0
    updated: int = 0

    @property
    def bad(self) -> list[FileRow]:
        """Records that would be refused."""
        return [row for row in self.rows if row.problems]


def check_file(
    sessions: SessionFactory, actor: Actor, path: Path, mapping: Path | None = None
) -> ImportOutcome:
    """Check every row of ``path`` (read through ``mapping``); writes nothing."""
    require(actor, Duty.SYSTEM_ADMIN)
    platform = read_mapping(mapping) if mapping is not None else PlatformMapping()
    table = read_table(path).rows
    with sessions() as session:
        read = read_rows(table, platform, settings_of(session).zone)
        return _checked(session, read)


def import_file(
    sessions: SessionFactory,
    actor: Actor,
    path: Path,
    mapping: Path | None = None,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Import every row of ``path`` in one transaction, or none if any row is refused."""
    require(actor, Duty.SYSTEM_ADMIN)
    platform = read_mapping(mapping) if mapping is not None else PlatformMapping()
    table = read_table(path).rows
    with sessions.begin() as session:
        read = read_rows(table, platform, settings_of(session).zone)
        return _written(session, actor, read, path.name, progress)


def feed(
    sessions: SessionFactory, actor: Actor, records: Sequence[MessageRecord], source: str = ""
) -> ImportOutcome:
    """Take ``records`` from a platform directly (times aware), all or none, like a file.

    Record ``n`` (from 1) is named as line ``n`` in the outcome."""
    require(actor, Duty.SYSTEM_ADMIN)
    rows = tuple(FileRow(n, r.number, r, ()) for n, r in enumerate(records, start=1))
    with sessions.begin() as session:
        return _written(session, actor, ReadFile(rows), source or "feed")


def _written(
    session: Session, actor: Actor, read: ReadFile, source: str, progress: Progress | None = None
) -> ImportOutcome:
    checked = _checked(session, read)
    if not checked.rows:
        raise InvalidInput(NOTHING)
    if checked.bad:
        raise InvalidInput(NOT_IMPORTED, bad=len(checked.bad), total=len(checked.rows))
    records = [row.record for row in checked.rows if row.record is not None]
    channels, created = _channels(session, records)
    added, updated = _messages(session, records, channels, progress)
    sites = sorted({r.site_code for r in records})
    journal(
        session,
        actor,
        "interactions.import",
        "interactions",
        source,
        source,
        after={
            "sites": sites,
            "new_channels": created,
            "added": added,
            "updated": updated,
            "dropped_personal_columns": list(read.personal),
        },
    )
    return ImportOutcome(checked.rows, read.personal, read.ignored, tuple(created), added, updated)


def _checked(session: Session, read: ReadFile) -> ImportOutcome:
    """The rows of ``read`` with the register's and the file's own problems added."""
    zone = settings_of(session).zone
    now = clock.now(zone)
    codes = sorted({r.record.site_code for r in read.rows if r.record is not None})
    sites = _site_ids(session, codes)
    known = _known_channels(session, list(sites.values()))
    kinds: dict[tuple[str, str], str] = {}
    seen: dict[tuple[str, str, str], int] = {}
    rows = []
    for row in read.rows:
        record = row.record
        if record is None:
            rows.append(row)
            continue
        found = problems(record, now)
        channel = (record.site_code, record.channel)
        if record.site_code and record.site_code not in sites:
            found.append(translate("", UNKNOWN_SITE).format(code=record.site_code))
        site_id = sites.get(record.site_code)
        kind = known.get((site_id, record.channel), (0, ""))[1] or kinds.get(channel)
        if kind and kind != record.kind:
            label = translate("", CHANNEL_KINDS[kind])
            found.append(translate("", KIND_DIFFERS).format(channel=record.channel, kind=label))
        kinds.setdefault(channel, record.kind)
        first = seen.setdefault((*channel, record.number), row.line)
        if first != row.line:
            found.append(translate("", REPEATED).format(number=record.number, line=first))
        rows.append(FileRow(row.line, row.number, record, tuple(found)))
    return ImportOutcome(tuple(rows), read.personal, read.ignored)


def _chunks(items: Sequence[T]) -> Iterator[list[T]]:
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def _site_ids(session: Session, codes: Sequence[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(codes):
        for code, site_id in session.execute(
            select(Site.code, Site.id).where(Site.code.in_(chunk))
        ):
            found[code] = site_id
    return found


def _known_channels(
    session: Session, site_ids: Sequence[int]
) -> dict[tuple[int | None, str], tuple[int, str]]:
    """Channels of ``site_ids``: (site id, name) → (channel id, kind)."""
    found: dict[tuple[int | None, str], tuple[int, str]] = {}
    query = select(
        InteractionChannel.site_id,
        InteractionChannel.name,
        InteractionChannel.id,
        InteractionChannel.kind,
    )
    for chunk in _chunks(site_ids):
        for row in session.execute(query.where(InteractionChannel.site_id.in_(chunk))):
            found[(row.site_id, row.name)] = (row.id, row.kind)
    return found


def _channels(
    session: Session, records: Sequence[MessageRecord]
) -> tuple[dict[tuple[str, str], int], list[str]]:
    """Channel ids by (site code, name), creating those met for the first time."""
    sites = _site_ids(session, sorted({r.site_code for r in records}))
    known = _known_channels(session, list(sites.values()))
    ids: dict[tuple[str, str], int] = {}
    created: list[str] = []
    for record in records:
        key = (record.site_code, record.channel)
        if key in ids:
            continue
        site_id = sites[record.site_code]
        existing = known.get((site_id, record.channel))
        if existing is None:
            channel = InteractionChannel(site_id=site_id, name=record.channel, kind=record.kind)
            session.add(channel)
            session.flush()
            ids[key] = channel.id
            created.append(f"{record.site_code}/{record.channel}")
        else:
            ids[key] = existing[0]
    return ids, created


def _messages(
    session: Session,
    records: Sequence[MessageRecord],
    channels: dict[tuple[str, str], int],
    progress: Progress | None,
) -> tuple[int, int]:
    """Insert the new messages and update the known ones; (added, updated)."""
    existing: dict[tuple[int, str], int] = {}
    channel_ids = sorted(set(channels.values()))
    query = select(InteractionMessage.channel_id, InteractionMessage.number, InteractionMessage.id)
    for chunk in _chunks(channel_ids):
        for row in session.execute(query.where(InteractionMessage.channel_id.in_(chunk))):
            existing[(row.channel_id, row.number)] = row.id
    new: list[dict[str, object]] = []
    changed: list[dict[str, object]] = []
    now = clock.utcnow()
    for record in records:
        channel_id = channels[(record.site_code, record.channel)]
        values = _values(record, channel_id) | {"imported_at": now}
        known = existing.get((channel_id, record.number))
        if known is None:
            new.append(values)
        else:
            changed.append(values | {"id": known})
    for done, batch in enumerate(_chunks(new), start=1):
        session.execute(insert(InteractionMessage), batch)
        if progress is not None:
            progress(min(done * CHUNK, len(new)), len(new) + len(changed))
    for batch in _chunks(changed):
        session.execute(update(InteractionMessage), batch)
    return len(new), len(changed)


def _values(record: MessageRecord, channel_id: int) -> dict[str, object]:
    answered = record.answered_at
    return {
        "channel_id": channel_id,
        "number": record.number,
        "title": masked_title(record.title),
        "received_at": clock.stored(record.received_at),
        "answered_at": clock.stored(answered) if answered is not None else None,
        "state": record.state.value,
        "valid": record.valid,
        "invalid_reason": (record.invalid_reason or None) if not record.valid else None,
        "public": record.public,
        "answering_unit": record.answering_unit,
    }
