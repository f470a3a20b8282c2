"""Argument types that refuse a bad value before anything is opened (argparse exits with 2).

Each factory returns a callable for ``add_argument(type=...)``; its refusal is a sentence in the
interface language, which argparse prints after the option's name.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
from collections.abc import Callable
from pathlib import Path

from console.base.i18n import QT_TR_NOOP, translate

NOT_WHOLE = QT_TR_NOOP("“{value}”不是整数")
NOT_NUMBER = QT_TR_NOOP("“{value}”不是数字")
OUT_OF_RANGE = QT_TR_NOOP("{value} 超出范围，应在 {low} 至 {high} 之间")
NOT_DATE = QT_TR_NOOP("“{value}”不是有效的日期，应为 YYYY-MM-DD")
NOT_FOLDER = QT_TR_NOOP("“{value}”已存在且不是文件夹")


def said(message: str, **params: object) -> str:
    """``message`` (marked with ``QT_TR_NOOP``) in the interface language, filled in: for help
    texts, which the parser takes in the language chosen before it is built."""
    return translate("", message).format(**params)


def _refuse(message: str, **params: object) -> argparse.ArgumentTypeError:
    return argparse.ArgumentTypeError(translate("", message).format(**params))


def whole(low: int, high: int) -> Callable[[str], int]:
    """An integer between ``low`` and ``high`` (both included)."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise _refuse(NOT_WHOLE, value=text) from None
        if not low <= value <= high:
            raise _refuse(OUT_OF_RANGE, value=text, low=low, high=high)
        return value

    return parse


def seconds(low: float, high: float) -> Callable[[str], float]:
    """A finite number of seconds, more than ``low`` and at most ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text.strip())
        except ValueError:
            raise _refuse(NOT_NUMBER, value=text) from None
        if not math.isfinite(value) or not low < value <= high:
            raise _refuse(OUT_OF_RANGE, value=text, low=low, high=high)
        return value

    return parse


def iso_date(text: str) -> dt.date:
    """A ``YYYY-MM-DD`` date."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise _refuse(NOT_DATE, value=text) from None


def folder(text: str) -> Path:
    """A folder to write into: it may not exist yet, but must not be a file."""
    path = Path(text)
    if path.exists() and not path.is_dir():
        raise _refuse(NOT_FOLDER, value=text)
    return path
