"""The screening lexicon and its whitelist: listing, adding, editing, enabling, importing.

Who keeps them: reviewers (they meet false positives in the queue and whitelist them there)
and security administrators (the reviewers' lead, who owns what the cluster screens for).
Every change is journalled in its own transaction. Editing a term or the whitelist changes
nothing already in the queue; the next scan uses the rebuilt screener.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.base import journal
from console.base.actor import Actor, require
from console.base.editing import editing
from console.base.errors import Conflict, InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.listing import Field, Listing
from console.db import SessionFactory
from console.schema import Duty, LexiconTerm, WhitelistPhrase, utcnow
from console.screening import normalise
from console.screening.lexicon_files import (
    CATEGORY_LIMIT,
    NOTE_LIMIT,
    SEVERITIES,
    TERM_LIMIT,
    TermEntry,
    read_any_terms,
    read_whitelist,
)

LEXICON_KEEPERS = frozenset({Duty.REVIEWER, Duty.SECURITY_ADMIN})
# Offered in the editor; any short text is accepted.
CATEGORIES = (
    QT_TR_NOOP("政治"),
    QT_TR_NOOP("涉密"),
    QT_TR_NOOP("严重表述错误"),
    QT_TR_NOOP("过时表述"),
    QT_TR_NOOP("色情"),
    QT_TR_NOOP("赌博"),
    QT_TR_NOOP("广告"),
    QT_TR_NOOP("自定义"),
)
DEFAULT_CATEGORY = "自定义"
DEFAULT_SEVERITY = 2
ENABLED_LABELS = {True: QT_TR_NOOP("启用"), False: QT_TR_NOOP("停用")}

TERM_EMPTY = QT_TR_NOOP("词条不能为空，且不能超过 {limit} 个字符。")
TERM_NOISE = QT_TR_NOOP("词条“{term}”去掉空白、标点和符号后为空，无法匹配任何文本。")
PHRASE_EMPTY = QT_TR_NOOP("白名单短语不能为空，且不能超过 {limit} 个字符。")
PHRASE_NOISE = QT_TR_NOOP("白名单短语“{phrase}”去掉空白、标点和符号后为空，不起作用。")
CATEGORY_BAD = QT_TR_NOOP("类别不能为空，且不能超过 {limit} 个字符。")
SEVERITY_BAD = QT_TR_NOOP("严重程度应为 1、2 或 3，而不是 {value}。")
NOTE_BAD = QT_TR_NOOP("说明不能超过 {limit} 个字符。")
TERM_TAKEN = QT_TR_NOOP("词库中已有词条“{term}”。")
PHRASE_TAKEN = QT_TR_NOOP("白名单中已有短语“{phrase}”。")
TERM_GONE = QT_TR_NOOP("词条 {id} 不存在，可能已被删除。")
PHRASE_GONE = QT_TR_NOOP("白名单短语 {id} 不存在，可能已被删除。")
UNCHANGED = QT_TR_NOOP("词条“{term}”没有变化。")
NOTHING_TO_IMPORT = QT_TR_NOOP("文件 {file} 中没有需要导入的内容。")


def _enabled_label(value: object) -> str:
    return translate("", ENABLED_LABELS[bool(value)])


TERMS = Listing(
    name="lexicon",
    title=QT_TR_NOOP("词库"),
    source=LexiconTerm.__table__,
    row_id=LexiconTerm.id,
    readers=LEXICON_KEEPERS,
    default_sort="term",
    fields=(
        Field("term", QT_TR_NOOP("词条"), LexiconTerm.term, searchable=True, width=20),
        Field("category", QT_TR_NOOP("类别"), LexiconTerm.category, searchable=True, width=10),
        Field("severity", QT_TR_NOOP("严重程度"), LexiconTerm.severity, width=6),
        Field("enabled", QT_TR_NOOP("状态"), LexiconTerm.enabled, render=_enabled_label, width=6),
        Field("note", QT_TR_NOOP("说明"), LexiconTerm.note, searchable=True, width=36),
        Field("created", QT_TR_NOOP("加入时间"), LexiconTerm.created_at, width=16),
    ),
    filters={"enabled": lambda value: LexiconTerm.enabled.is_(bool(value))},
)

WHITELIST = Listing(
    name="whitelist",
    title=QT_TR_NOOP("白名单"),
    source=WhitelistPhrase.__table__,
    row_id=WhitelistPhrase.id,
    readers=LEXICON_KEEPERS,
    default_sort="phrase",
    fields=(
        Field("phrase", QT_TR_NOOP("短语"), WhitelistPhrase.phrase, searchable=True, width=24),
        Field("note", QT_TR_NOOP("说明"), WhitelistPhrase.note, searchable=True, width=36),
        Field("created", QT_TR_NOOP("加入时间"), WhitelistPhrase.created_at, width=16),
    ),
)


@dataclass(frozen=True)
class TermRow:
    """A lexicon term as the editor shows it."""

    id: int
    term: str
    category: str
    severity: int
    enabled: bool
    note: str
    version: int

    @property
    def entry(self) -> TermEntry:
        """The term's content, as files and the screener see it."""
        return TermEntry(self.term, self.category, self.severity, self.note)


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, checked before anything is written."""

    file: str
    new: tuple[TermEntry, ...]
    changed: tuple[tuple[TermEntry, TermEntry], ...]
    unchanged: tuple[TermEntry, ...]
    unmatchable: tuple[TermEntry, ...]


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    added: int
    updated: int
    unchanged: int


def valid_entry(entry: TermEntry) -> TermEntry:
    """``entry`` trimmed, or ``InvalidInput`` saying what is wrong with it."""
    entry = TermEntry(
        entry.term.strip(), entry.category.strip(), entry.severity, entry.note.strip()
    )
    if not entry.term or len(entry.term) > TERM_LIMIT:
        raise InvalidInput(TERM_EMPTY, limit=TERM_LIMIT)
    if not normalise(entry.term):
        raise InvalidInput(TERM_NOISE, term=entry.term)
    if not entry.category or len(entry.category) > CATEGORY_LIMIT:
        raise InvalidInput(CATEGORY_BAD, limit=CATEGORY_LIMIT)
    if entry.severity not in SEVERITIES:
        raise InvalidInput(SEVERITY_BAD, value=entry.severity)
    if len(entry.note) > NOTE_LIMIT:
        raise InvalidInput(NOTE_BAD, limit=NOTE_LIMIT)
    return entry


def _snapshot(entry: TermEntry, enabled: bool) -> dict[str, object]:
    return {
        "term": entry.term,
        "category": entry.category,
        "severity": entry.severity,
        "note": entry.note,
        "enabled": enabled,
    }


def _term_taken(session: Session, term: str, other_than: int | None = None) -> bool:
    query = select(LexiconTerm.id).where(LexiconTerm.term == term)
    if other_than is not None:
        query = query.where(LexiconTerm.id != other_than)
    return session.scalar(query) is not None


def add_term(sessions: SessionFactory, actor: Actor, entry: TermEntry, enabled: bool = True) -> int:
    """Service: a new lexicon term; returns its id."""
    require(actor, *LEXICON_KEEPERS)
    entry = valid_entry(entry)
    with sessions.begin() as session:
        if _term_taken(session, entry.term):
            raise Conflict(TERM_TAKEN, term=entry.term)
        row = LexiconTerm(
            term=entry.term,
            category=entry.category,
            severity=entry.severity,
            note=entry.note,
            enabled=enabled,
            created_at=utcnow(),
        )
        session.add(row)
        session.flush()
        journal.record(
            session,
            actor,
            "lexicon.add",
            "lexicon_term",
            row.id,
            entry.term,
            after=_snapshot(entry, enabled),
        )
        return row.id


def read_term(sessions: SessionFactory, actor: Actor, term_id: int) -> TermRow:
    """Service: one term with its version, for the editor."""
    require(actor, *LEXICON_KEEPERS)
    with sessions() as session:
        row = session.get(LexiconTerm, term_id)
        if row is None:
            raise NotFound(TERM_GONE, id=term_id)
        return TermRow(
            row.id, row.term, row.category, row.severity, row.enabled, row.note, row.version
        )


def edit_term(
    sessions: SessionFactory,
    actor: Actor,
    term_id: int,
    expected_version: int,
    entry: TermEntry,
) -> None:
    """Service: change a term's wording, category, severity or note."""
    require(actor, *LEXICON_KEEPERS)
    entry = valid_entry(entry)
    with editing(sessions, LexiconTerm, term_id, expected_version, "lexicon_term") as (
        session,
        row,
    ):
        before = TermEntry(row.term, row.category, row.severity, row.note)
        if before == entry:
            raise InvalidInput(UNCHANGED, term=entry.term)
        if entry.term != row.term and _term_taken(session, entry.term, term_id):
            raise Conflict(TERM_TAKEN, term=entry.term)
        row.term, row.category, row.severity, row.note = (
            entry.term,
            entry.category,
            entry.severity,
            entry.note,
        )
        journal.record(
            session,
            actor,
            "lexicon.edit",
            "lexicon_term",
            term_id,
            entry.term,
            before=_snapshot(before, row.enabled),
            after=_snapshot(entry, row.enabled),
        )


def set_enabled(
    sessions: SessionFactory, actor: Actor, term_id: int, expected_version: int, enabled: bool
) -> None:
    """Service: enable or disable a term (a disabled term is kept but not screened for)."""
    require(actor, *LEXICON_KEEPERS)
    with editing(sessions, LexiconTerm, term_id, expected_version, "lexicon_term") as (
        session,
        row,
    ):
        if row.enabled == enabled:
            return
        row.enabled = enabled
        journal.record(
            session,
            actor,
            "lexicon.enable" if enabled else "lexicon.disable",
            "lexicon_term",
            term_id,
            row.term,
            before={"enabled": not enabled},
            after={"enabled": enabled},
        )


def add_phrase(sessions: SessionFactory, actor: Actor, phrase: str, note: str = "") -> int:
    """Service: whitelist a phrase (terms wholly inside it are no longer findings)."""
    require(actor, *LEXICON_KEEPERS)
    phrase, note = phrase.strip(), note.strip()
    if not phrase or len(phrase) > TERM_LIMIT:
        raise InvalidInput(PHRASE_EMPTY, limit=TERM_LIMIT)
    if not normalise(phrase):
        raise InvalidInput(PHRASE_NOISE, phrase=phrase)
    if len(note) > NOTE_LIMIT:
        raise InvalidInput(NOTE_BAD, limit=NOTE_LIMIT)
    with sessions.begin() as session:
        if session.scalar(select(WhitelistPhrase.id).where(WhitelistPhrase.phrase == phrase)):
            raise Conflict(PHRASE_TAKEN, phrase=phrase)
        row = WhitelistPhrase(phrase=phrase, note=note, created_at=utcnow())
        session.add(row)
        session.flush()
        journal.record(
            session,
            actor,
            "whitelist.add",
            "whitelist_phrase",
            row.id,
            phrase,
            after={"phrase": phrase, "note": note},
        )
        return row.id


def remove_phrase(
    sessions: SessionFactory, actor: Actor, phrase_id: int, expected_version: int
) -> None:
    """Service: take a phrase off the whitelist."""
    require(actor, *LEXICON_KEEPERS)
    with editing(sessions, WhitelistPhrase, phrase_id, expected_version, "whitelist_phrase") as (
        session,
        row,
    ):
        journal.record(
            session,
            actor,
            "whitelist.remove",
            "whitelist_phrase",
            phrase_id,
            row.phrase,
            before={"phrase": row.phrase, "note": row.note},
        )
        session.delete(row)


def phrase_version(sessions: SessionFactory, actor: Actor, phrase_id: int) -> int:
    """Service: a whitelist phrase's current version (for removing it)."""
    require(actor, *LEXICON_KEEPERS)
    with sessions() as session:
        version = session.scalar(
            select(WhitelistPhrase.version).where(WhitelistPhrase.id == phrase_id)
        )
        if version is None:
            raise NotFound(PHRASE_GONE, id=phrase_id)
        return version


def preview_import(
    sessions: SessionFactory,
    actor: Actor,
    path: Path,
    category: str = DEFAULT_CATEGORY,
    severity: int = DEFAULT_SEVERITY,
) -> ImportPreview:
    """Service: read a term file (CSV, or one term a line with ``category`` and ``severity``)
    and say what importing it would add, change and leave alone; nothing is written."""
    require(actor, *LEXICON_KEEPERS)
    entries = read_any_terms(path, category, severity)
    with sessions() as session:
        existing = {
            row.term: TermEntry(row.term, row.category, row.severity, row.note)
            for row in session.execute(
                select(
                    LexiconTerm.term, LexiconTerm.category, LexiconTerm.severity, LexiconTerm.note
                )
            )
        }
    new: list[TermEntry] = []
    changed: list[tuple[TermEntry, TermEntry]] = []
    unchanged: list[TermEntry] = []
    unmatchable: list[TermEntry] = []
    for entry in entries:
        old = existing.get(entry.term)
        if not normalise(entry.term):
            unmatchable.append(entry)
        elif old is None:
            new.append(entry)
        elif _imported_over(old, entry) == old:
            unchanged.append(entry)
        else:
            changed.append((old, _imported_over(old, entry)))
    return ImportPreview(
        path.name, tuple(new), tuple(changed), tuple(unchanged), tuple(unmatchable)
    )


def _imported_over(old: TermEntry, entry: TermEntry) -> TermEntry:
    """A term after importing ``entry`` over it: a file without notes keeps the old note."""
    return TermEntry(entry.term, entry.category, entry.severity, entry.note or old.note)


def import_terms(
    sessions: SessionFactory, actor: Actor, preview: ImportPreview, update_existing: bool = True
) -> ImportResult:
    """Service: apply a preview in one transaction: add the new terms and, if asked, update
    the changed ones; one journal entry lists them. Terms changed since the preview are
    re-read, so the import never overwrites what it did not show."""
    require(actor, *LEXICON_KEEPERS)
    if not preview.new and not (update_existing and preview.changed):
        raise InvalidInput(NOTHING_TO_IMPORT, file=preview.file)
    with sessions.begin() as session:
        present = (
            set(
                session.scalars(
                    select(LexiconTerm.term).where(
                        LexiconTerm.term.in_([e.term for e in preview.new])
                    )
                )
            )
            if preview.new
            else set()
        )
        added = [entry for entry in preview.new if entry.term not in present]
        now = utcnow()
        if added:
            session.execute(
                insert(LexiconTerm),
                [
                    {
                        "term": e.term,
                        "category": e.category,
                        "severity": e.severity,
                        "note": e.note,
                        "enabled": True,
                        "created_at": now,
                        "version": 1,
                    }
                    for e in added
                ],
            )
        updated = _update_changed(session, preview.changed) if update_existing else []
        journal.record(
            session,
            actor,
            "lexicon.import",
            "lexicon",
            preview.file,
            preview.file,
            after={
                "added": [e.term for e in added],
                "updated": [e.term for e in updated],
            },
        )
    return ImportResult(len(added), len(updated), len(preview.unchanged))


def _update_changed(
    session: Session, changed: Sequence[tuple[TermEntry, TermEntry]]
) -> list[TermEntry]:
    """Apply the previewed changes to rows still as the preview saw them."""
    updated: list[TermEntry] = []
    for old, new in changed:
        row = session.scalar(select(LexiconTerm).where(LexiconTerm.term == old.term))
        if row is None or TermEntry(row.term, row.category, row.severity, row.note) != old:
            continue
        row.category, row.severity, row.note = new.category, new.severity, new.note
        row.version += 1
        updated.append(new)
    session.flush()
    return updated


def import_phrases(sessions: SessionFactory, actor: Actor, path: Path) -> int:
    """Service: whitelist every phrase of a file not yet on the whitelist; returns how many."""
    require(actor, *LEXICON_KEEPERS)
    phrases = [p for p in read_whitelist(path) if normalise(p)]
    with sessions.begin() as session:
        present = set(session.scalars(select(WhitelistPhrase.phrase)))
        added = [p for p in phrases if p not in present]
        if not added:
            raise InvalidInput(NOTHING_TO_IMPORT, file=path.name)
        now = utcnow()
        session.execute(
            insert(WhitelistPhrase),
            [{"phrase": p, "note": "", "created_at": now, "version": 1} for p in added],
        )
        journal.record(
            session,
            actor,
            "whitelist.import",
            "whitelist",
            path.name,
            path.name,
            after={"added": added},
        )
    return len(added)
