"""Personal data in a text: 身份证号, mobile numbers and bank card numbers.

Plain candidates are whole digit runs (ASCII or full-width digits, never part of a longer
run), read in the original text. A run is a 身份证号 when it has 17 digits and a check
character (0–9 or X) valid under GB 11643, and a birth date that exists and has passed; a
mobile number when it has 11 digits starting 1[3-9]; a bank card number when it has 16–19
digits with a valid Luhn digit and is not a 身份证号.

Numbers are also published in groups, one separator (a space or a hyphen) between groups:
mobile numbers 3-4-4 (``138-0013-8000``, ``138 0013 8000``, ``+86 138 0013 8000``), 身份证号
6-8-4, bank card numbers in fours. A *grouped run* is a maximal sequence of short digit groups
joined by single separators; it is a finding only when the whole run has one of these shapes
and passes the same checks, so a grouped number inside a longer grouped run is not one. The
finding's span is the number as written, separators (and a ``+86``) included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from stdnum import luhn
from stdnum.cn import ric

from console.base import clock
from console.base.masking import mask_bank_card, mask_id_card, mask_phone
from console.screening.normalise import code_points

ID_CARD = "id_card"
MOBILE = "mobile"
BANK_CARD = "bank_card"
PERSONAL_CATEGORY = "个人信息"
# The label each kind is reported under (the finding's ``term``) and its severity.
KINDS: dict[str, tuple[str, int]] = {
    ID_CARD: ("身份证号", 3),
    MOBILE: ("手机号码", 2),
    BANK_CARD: ("银行卡号", 3),
}
MASKS = {ID_CARD: mask_id_card, MOBILE: mask_phone, BANK_CARD: mask_bank_card}
EARLIEST_BIRTH = dt.date(1900, 1, 1)
Codes = npt.NDArray[np.uint32]

SHORTEST = 11
LONGEST = 19
CHECK_X = frozenset("XxＸｘ")
# Between the groups of a number written in groups: spaces (also no-break and ideographic)
# and hyphens (ASCII, full-width, the Unicode hyphens and the en dash).
SEPARATORS = " \u00a0\u3000-－‐‑–"
_SEPARATOR_CODES = np.array([ord(c) for c in SEPARATORS], dtype=np.uint32)
# A group longer than this is a number of its own, not part of a number written in groups.
LONGEST_GROUP = 8
PLUS = frozenset("+＋")
COUNTRY = "86"
_ASCII = str.maketrans("０１２３４５６７８９ｘＸx", "0123456789XXX")
_FULL_WIDTH_ZERO = 0xFF10


class Item(NamedTuple):
    """One piece of personal data: its span in the text and its kind."""

    start: int
    end: int
    kind: str


def personal_data(text: str, points: Codes | None = None) -> Iterator[Item]:
    """Every piece of personal data in ``text`` (whose code points ``points`` may give), in
    order of position."""
    if points is None:
        points = code_points(text)
    digit = _digits(points)
    if np.count_nonzero(digit) < SHORTEST:
        return
    found = [*_plain(text, digit), *_grouped(text, points, digit)]
    yield from sorted(found)


def _digits(points: Codes) -> npt.NDArray[np.bool_]:
    # Unsigned wrap-around: code points below the digit block become huge, not negative.
    return ((points - ord("0")) < 10) | ((points - _FULL_WIDTH_ZERO) < 10)


def _runs(mask: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Starts and ends of the runs of True in ``mask``."""
    edges = np.flatnonzero(np.diff(mask.view(np.int8), prepend=0, append=0))
    return edges[0::2], edges[1::2]


def digit_runs(points: Codes) -> list[tuple[int, int]]:
    """The maximal runs of at least 11 digits (ASCII or full-width), as spans.

    One vectorised pass: a regular expression scanning CJK text for digits costs twice the
    whole automaton.
    """
    starts, ends = _runs(_digits(points))
    long = (ends - starts) >= SHORTEST
    return list(zip(starts[long].tolist(), ends[long].tolist(), strict=True))


def _plain(text: str, digit: npt.NDArray[np.bool_]) -> Iterator[Item]:
    starts, ends = _runs(digit)
    long = (ends - starts) >= SHORTEST
    for start, end in zip(starts[long].tolist(), ends[long].tolist(), strict=True):
        run = text[start:end].translate(_ASCII)
        if end < len(text) and text[end] in CHECK_X and is_id_card(run + "X"):
            yield Item(start, end + 1, ID_CARD)
            continue
        kind = classify(run)
        if kind is not None:
            yield Item(start, end, kind)


def _grouped(text: str, points: Codes, digit: npt.NDArray[np.bool_]) -> Iterator[Item]:
    """Numbers written in groups: runs of digits and single separators between digits."""
    if len(points) < 3:
        return
    bridge = np.zeros_like(digit)
    bridge[1:-1] = np.isin(points[1:-1], _SEPARATOR_CODES) & digit[:-2] & digit[2:]
    if not bridge.any():
        return
    starts, ends = _runs(digit | bridge)
    counts = np.concatenate(([0], np.cumsum(digit)))
    bridged = np.concatenate(([0], np.cumsum(bridge)))
    wanted = ((counts[ends] - counts[starts]) >= SHORTEST) & (bridged[ends] > bridged[starts])
    for start, end in zip(starts[wanted].tolist(), ends[wanted].tolist(), strict=True):
        firsts, lasts = _runs(digit[start:end])
        groups = [
            (first + start, last + start)
            for first, last in zip(firsts.tolist(), lasts.tolist(), strict=True)
        ]
        yield from _in_groups(text, groups)


def _in_groups(text: str, groups: list[tuple[int, int]]) -> Iterator[Item]:
    """The numbers of a grouped run: each stretch of short groups between long ones (which
    are plain runs, judged on their own) is one candidate, whole or nothing."""
    stretch: list[tuple[int, int]] = []
    for group in [*groups, (0, LONGEST_GROUP + 1)]:
        if group[1] - group[0] <= LONGEST_GROUP:
            stretch.append(group)
            continue
        if len(stretch) > 1:
            found = _shaped(text, stretch)
            if found is not None:
                yield found
        stretch = []


def _continues(text: str, at: int) -> bool:
    """Whether the grouped run goes on at ``at`` (after an ID number's X): a digit, or a
    separator and a digit."""
    rest = text[at : at + 2].translate(_ASCII)
    return bool(rest) and (rest[0].isdigit() or (rest[0] in SEPARATORS and rest[1:].isdigit()))


def _shaped(text: str, groups: list[tuple[int, int]]) -> Item | None:
    """The number written in ``groups`` if their shape and check digits make one."""
    sizes = [end - start for start, end in groups]
    digits = "".join(text[start:end] for start, end in groups).translate(_ASCII)
    start, end = groups[0][0], groups[-1][1]
    if sizes[1:] == [3, 4, 4] and digits[: sizes[0]] in (COUNTRY, "00" + COUNTRY):
        if sizes[0] == 2 and not (start and text[start - 1] in PLUS):
            return None
        start -= 1 if sizes[0] == 2 else 0
        sizes, digits = sizes[1:], digits[sizes[0] :]
    if sizes == [3, 4, 4]:
        return Item(start, end, MOBILE) if classify(digits) == MOBILE else None
    if sizes == [6, 8, 3] and end < len(text) and text[end] in CHECK_X:
        if _continues(text, end + 1) or not is_id_card(digits + "X"):
            return None
        return Item(start, end + 1, ID_CARD)
    if sizes == [6, 8, 4]:
        return Item(start, end, ID_CARD) if is_id_card(digits) else None
    if sizes[:4] == [4, 4, 4, 4] and (len(sizes) == 4 or (len(sizes) == 5 and sizes[4] < 4)):
        return Item(start, end, BANK_CARD) if classify(digits) == BANK_CARD else None
    return None


def classify(run: str, today: dt.date | None = None) -> str | None:
    """The kind of a whole digit run (ASCII digits, maybe ending in X), or None."""
    if len(run) == 18 and is_id_card(run, today):
        return ID_CARD
    if not run.isdigit() or len(run) > LONGEST:
        return None
    if len(run) == SHORTEST and run[0] == "1" and run[1] in "3456789":
        return MOBILE
    if len(run) >= 16 and luhn.is_valid(run):
        return BANK_CARD
    return None


def is_id_card(number: str, today: dt.date | None = None) -> bool:
    """Whether ``number`` is a 身份证号: GB 11643 check and a birth date that has happened."""
    if len(number) != 18 or not number[:17].isdigit():
        return False
    try:
        born = dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return False
    if not EARLIEST_BIRTH <= born <= (today or clock.latest_date()):
        return False
    return bool(ric.calc_check_digit(number) == number[17])


def masked(kind: str, text: str) -> str:
    """``text`` of a personal-data finding masked for display (138****1234)."""
    return MASKS[kind](text)
