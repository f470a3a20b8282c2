"""A document as plain values: the writers turn the same value into XLSX and PDF."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

# A table cell: numbers stay numbers (the spreadsheet can sum them), dates stay dates.
Value = str | int | float | dt.date | None

CANNOT_WRITE = QT_TR_NOOP("无法写入“{path}”：{reason}")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``strong`` ones are set in bold."""

    text: str
    strong: bool = False


@dataclass(frozen=True)
class Table:
    """A table with fixed headings; ``widths`` are relative column widths (characters)."""

    headings: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    widths: tuple[int, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Series:
    """One line or bar series of a chart: a name and one value per category (None: no value,
    a gap in the line)."""

    name: str
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """A line or bar chart over ``categories`` (dates as text, unit names, …)."""

    title: str
    kind: Literal["line", "bar"]
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    y_title: str = ""


Block = Paragraph | Table | Chart


@dataclass(frozen=True)
class Section:
    """A titled part of a document: one sheet of the workbook, a heading of the PDF."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A whole document: title, a line under it, and its sections in order."""

    title: str
    subtitle: str
    sections: tuple[Section, ...]


@contextmanager
def written(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it once the body succeeds, so a failed
    write leaves no half file; a folder that cannot be written is refused in words."""
    try:
        handle, name = tempfile.mkstemp(prefix=".", suffix=path.suffix, dir=path.parent)
        os.close(handle)
    except OSError as error:
        raise InvalidInput(CANNOT_WRITE, path=str(path), reason=_reason(error)) from None
    temporary = Path(name)
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as error:
        raise InvalidInput(CANNOT_WRITE, path=str(path), reason=_reason(error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def cell_text(value: Value, shown: Callable[[dt.date], str] = dt.date.isoformat) -> str:
    """A cell as text (the PDF's tables): numbers as written, blanks empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.1f}" if value != int(value) else str(int(value))
    if isinstance(value, dt.date):
        return shown(value)
    return str(value)
