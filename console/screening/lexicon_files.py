"""Lexicon files: screening terms as CSV and whitelist phrases as plain text, both UTF-8.

The term file has a header ``term,category,severity`` and may add a fourth column ``note``
(the correct wording, or why the term is flagged). A plain term list (``.txt``) has one term a
line, all given the category and severity chosen on import. The whitelist file has one phrase
a line. In both plain files blank lines and lines starting with ``#`` are ignored. A
byte-order mark is tolerated everywhere. Every problem names the file and the line so the
operator can fix it in an editor.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, RESOURCES

LEXICON_DIR = RESOURCES / "lexicon"
STARTER_TERMS = LEXICON_DIR / "starter.csv"
STARTER_WHITELIST = LEXICON_DIR / "whitelist.txt"

HEADER = ("term", "category", "severity")
NOTE = "note"
TERM_LIMIT = 200
CATEGORY_LIMIT = 32
NOTE_LIMIT = 500
SEVERITIES = (1, 2, 3)

UNREADABLE = QT_TR_NOOP("无法读取词库文件 {file}：{detail}")
NOT_UTF8 = QT_TR_NOOP("词库文件 {file} 不是 UTF-8 编码（第 {line} 行）。")
BAD_CSV = QT_TR_NOOP("词库文件 {file} 第 {line} 行不是有效的 CSV：{detail}")
BAD_HEADER = QT_TR_NOOP(
    "词库文件 {file} 的首行应为 term,category,severity（可再加 note 列），实际为：{found}"
)
BAD_FIELD_COUNT = QT_TR_NOOP("词库文件 {file} 第 {line} 行应有 {expected} 列，实际有 {found} 列。")
BAD_TERM = QT_TR_NOOP("词库文件 {file} 第 {line} 行的词条为空或超过 {limit} 个字符。")
BAD_CATEGORY = QT_TR_NOOP("词库文件 {file} 第 {line} 行的类别为空或超过 {limit} 个字符。")
BAD_SEVERITY = QT_TR_NOOP("词库文件 {file} 第 {line} 行的严重程度 {value} 应为 1、2 或 3。")
BAD_NOTE = QT_TR_NOOP("词库文件 {file} 第 {line} 行的说明超过 {limit} 个字符。")
DUPLICATE = QT_TR_NOOP("词库文件 {file} 第 {line} 行的 {text} 与第 {first} 行重复。")
NO_TERMS = QT_TR_NOOP("词库文件 {file} 没有任何词条。")
BAD_PHRASE = QT_TR_NOOP("白名单文件 {file} 第 {line} 行的短语超过 {limit} 个字符。")
DUPLICATE_PHRASE = QT_TR_NOOP("白名单文件 {file} 第 {line} 行的 {text} 与第 {first} 行重复。")
CSV_SUFFIX = ".csv"


@dataclass(frozen=True)
class TermEntry:
    """One screening term with its category, severity (1 low – 3 serious) and note."""

    term: str
    category: str
    severity: int
    note: str = ""


def read_terms(path: Path) -> list[TermEntry]:
    """Read a term CSV file; ``InvalidInput`` names the first bad line."""
    rows = _rows(path)
    header = rows[0][1] if rows else []
    if tuple(cell.strip() for cell in header[:3]) != HEADER or not _note_ok(header):
        raise InvalidInput(BAD_HEADER, file=path.name, found=",".join(header))
    width = len(header)
    entries: list[TermEntry] = []
    seen: dict[str, int] = {}
    for number, row in rows[1:]:
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != width:
            raise InvalidInput(
                BAD_FIELD_COUNT, file=path.name, line=number, expected=width, found=len(row)
            )
        entry = _entry(path.name, number, row)
        if entry.term in seen:
            raise InvalidInput(
                DUPLICATE, file=path.name, line=number, text=entry.term, first=seen[entry.term]
            )
        seen[entry.term] = number
        entries.append(entry)
    if not entries:
        raise InvalidInput(NO_TERMS, file=path.name)
    return entries


def read_term_lines(path: Path, category: str, severity: int) -> list[TermEntry]:
    """Read a plain term list: one term a line, each with ``category`` and ``severity``."""
    entries: list[TermEntry] = []
    seen: dict[str, int] = {}
    for number, term in _plain_lines(path):
        entry = _entry(path.name, number, [term, category, str(severity)])
        if term in seen:
            raise InvalidInput(DUPLICATE, file=path.name, line=number, text=term, first=seen[term])
        seen[term] = number
        entries.append(entry)
    if not entries:
        raise InvalidInput(NO_TERMS, file=path.name)
    return entries


def read_any_terms(path: Path, category: str, severity: int) -> list[TermEntry]:
    """A ``.csv`` term file, or else a plain term list given ``category`` and ``severity``."""
    if path.suffix.lower() == CSV_SUFFIX:
        return read_terms(path)
    return read_term_lines(path, category, severity)


def read_whitelist(path: Path) -> list[str]:
    """Read a whitelist file: one phrase a line, ``#`` comments and blank lines skipped."""
    phrases: list[str] = []
    seen: dict[str, int] = {}
    for number, phrase in _plain_lines(path):
        if len(phrase) > TERM_LIMIT:
            raise InvalidInput(BAD_PHRASE, file=path.name, line=number, limit=TERM_LIMIT)
        if phrase in seen:
            raise InvalidInput(
                DUPLICATE_PHRASE, file=path.name, line=number, text=phrase, first=seen[phrase]
            )
        seen[phrase] = number
        phrases.append(phrase)
    return phrases


def _plain_lines(path: Path) -> list[tuple[int, str]]:
    """The trimmed lines worth reading, with their numbers (no blanks, no ``#`` comments)."""
    lines = ((number, line.strip()) for number, line in enumerate(_lines(path), start=1))
    return [(number, line) for number, line in lines if line and not line.startswith("#")]


def _lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InvalidInput(UNREADABLE, file=path.name, detail=str(error)) from error
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InvalidInput(NOT_UTF8, file=path.name, line=line) from None
    return text.splitlines()


def _note_ok(header: list[str]) -> bool:
    return len(header) == 3 or (len(header) == 4 and header[3].strip() == NOTE)


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Rows with the number of the line each ends on (a quoted field may span lines)."""
    reader = csv.reader(_lines(path), strict=True)
    try:
        return [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        raise InvalidInput(
            BAD_CSV, file=path.name, line=reader.line_num, detail=str(error)
        ) from None


def _entry(file: str, number: int, row: list[str]) -> TermEntry:
    term, category, severity = (cell.strip() for cell in row[:3])
    note = row[3].strip() if len(row) > 3 else ""
    if not term or len(term) > TERM_LIMIT:
        raise InvalidInput(BAD_TERM, file=file, line=number, limit=TERM_LIMIT)
    if not category or len(category) > CATEGORY_LIMIT:
        raise InvalidInput(BAD_CATEGORY, file=file, line=number, limit=CATEGORY_LIMIT)
    if not severity.isascii() or not severity.isdigit() or int(severity) not in SEVERITIES:
        raise InvalidInput(BAD_SEVERITY, file=file, line=number, value=repr(severity))
    if len(note) > NOTE_LIMIT:
        raise InvalidInput(BAD_NOTE, file=file, line=number, limit=NOTE_LIMIT)
    return TermEntry(term, category, int(severity), note)
