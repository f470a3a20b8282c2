"""Personal data in a text: 身份证号, mobile numbers and bank card numbers.

Candidates are whole digit runs (ASCII or full-width digits, never part of a longer run), read
in the original text, so separators never join two numbers. A run is a 身份证号 when it has 17
digits and a check character (0–9 or X) valid under GB 11643, and a birth date that exists and
has passed; a mobile number when it has 11 digits starting 1[3-9]; a bank card number when it
has 16–19 digits with a valid Luhn digit and is not a 身份证号.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

import numpy as np
import numpy.typing as npt
from stdnum import luhn
from stdnum.cn import ric

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
_ASCII = str.maketrans("０１２３４５６７８９ｘＸx", "0123456789XXX")
_FULL_WIDTH_ZERO = 0xFF10


class Item(NamedTuple):
    """One piece of personal data: its span in the text and its kind."""

    start: int
    end: int
    kind: str


def personal_data(text: str, points: Codes | None = None) -> Iterator[Item]:
    """Every piece of personal data in ``text`` (whose code points ``points`` may give)."""
    if points is None:
        points = code_points(text)
    for start, end in digit_runs(points):
        run = text[start:end].translate(_ASCII)
        if end < len(text) and text[end] in CHECK_X and is_id_card(run + "X"):
            yield Item(start, end + 1, ID_CARD)
            continue
        kind = classify(run)
        if kind is not None:
            yield Item(start, end, kind)


def digit_runs(points: Codes) -> list[tuple[int, int]]:
    """The maximal runs of at least 11 digits (ASCII or full-width), as spans.

    One vectorised pass: a regular expression scanning CJK text for digits costs twice the
    whole automaton.
    """
    # Unsigned wrap-around: code points below the digit block become huge, not negative.
    digit = ((points - ord("0")) < 10) | ((points - _FULL_WIDTH_ZERO) < 10)
    if np.count_nonzero(digit) < SHORTEST:
        return []
    edges = np.flatnonzero(np.diff(digit.view(np.int8), prepend=0, append=0))
    starts, ends = edges[0::2], edges[1::2]
    long = (ends - starts) >= SHORTEST
    return list(zip(starts[long].tolist(), ends[long].tolist(), strict=True))


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
    if not EARLIEST_BIRTH <= born <= (today or dt.date.today()):
        return False
    return bool(ric.calc_check_digit(number) == number[17])


def masked(kind: str, text: str) -> str:
    """``text`` of a personal-data finding masked for display (138****1234)."""
    return MASKS[kind](text)
