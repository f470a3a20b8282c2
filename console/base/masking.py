"""Masking personal data for display: 138****1234, 35*************123, 138-****-8000.

Only the digits (and an ID number's check X) are masked; separators as written stay, so a
number written in groups keeps its shape. A country code before a mobile number is kept.
"""

from __future__ import annotations

MOBILE_DIGITS = 11


def _numeral(char: str) -> bool:
    return char.isdigit() or char in "Xx"


def _masked(text: str, first: int, last: int, own: int | None = None) -> str:
    """``text`` with the digits of its number masked but the ``first`` and ``last`` ones; the
    number is its last ``own`` digits (all of them when None)."""
    places = [index for index, char in enumerate(text) if _numeral(char)]
    if own is not None:
        places = places[-own:]
    if len(places) < first + last + 1:
        return "*" * len(text)
    hidden = set(places[first : len(places) - last])
    return "".join("*" if index in hidden else char for index, char in enumerate(text))


def mask_phone(phone: str) -> str:
    """Keep the first 3 and last 4 digits of a mobile number (and a +86 before it)."""
    return _masked(phone, 3, 4, MOBILE_DIGITS)


def mask_id_card(number: str) -> str:
    """Keep the first 2 and last 3 characters of a 身份证号."""
    return _masked(number, 2, 3)


def mask_bank_card(number: str) -> str:
    """Keep the first 4 and last 4 digits of a bank card number."""
    return _masked(number, 4, 4)
