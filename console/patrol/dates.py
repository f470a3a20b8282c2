"""The dates Chinese government list pages show beside their items, and a column's last update.

Forms: ``2026-11-30``, ``2026/11/30``, ``2026.11.30``, ``2026年11月30日`` (with or without a time
after it, a label such as ``发布时间：`` before it, brackets around it) and the year-less
``[11-30]`` / ``11月30日``, whose year is the latest that puts it on or before today. A date is
recognised only when it is the whole of a piece of text (a span, a cell, the text beside the
link), never inside a title: "关于2025年1月1日起施行……" dates nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

_LABEL = r"(?:(?:发布|更新|成文|印发|公开)?(?:日期|时间)\s*[:：]\s*)?"
_OPEN = r"[\[\(（【〔]?\s*"
_CLOSE = r"\s*[\]\)）】〕]?"
_TIME = r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
_FULL = (
    r"(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})\s*日?"
)
_SHORT = r"(?P<sm>\d{1,2})\s*(?:-|月)\s*(?P<sd>\d{1,2})\s*日?"
_WHOLE = re.compile(rf"^\s*{_LABEL}{_OPEN}(?:{_FULL}|{_SHORT}){_TIME}{_CLOSE}\s*$")
# A year-less date is looked for in this many years back (29 February needs up to eight).
YEARS_BACK = 8
LONGEST = 40  # no piece of text longer than this is a date on its own


def infer_year(month: int, day: int, today: dt.date) -> dt.date | None:
    """The latest real date with this month and day that is not after ``today``."""
    for year in range(today.year, today.year - YEARS_BACK - 1, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None


def parse_date(text: str, today: dt.date) -> dt.date | None:
    """The date that ``text`` is, as a whole, or None (a title holding a date is not one).

    ``today`` is the date in the cluster's time zone; it settles the year of ``[11-30]``.
    """
    if len(text) > LONGEST:
        return None
    found = _WHOLE.match(text.replace("\xa0", " "))
    if found is None:
        return None
    if found.group("y"):
        try:
            return dt.date(int(found.group("y")), int(found.group("m")), int(found.group("d")))
        except ValueError:
            return None
    month, day = int(found.group("sm")), int(found.group("sd"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return infer_year(month, day, today)


def last_update(dates: Iterable[dt.date | None], today: dt.date) -> dt.date | None:
    """The newest of ``dates`` on or before ``today``: what a column's last update is.

    A future date (a mistyped year, an announcement dated ahead) and undated items do not count.
    """
    return max((date for date in dates if date is not None and date <= today), default=None)
