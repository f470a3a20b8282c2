"""The screening engine: lexicon terms and personal data in post texts (no Qt).

``Screener.build(terms, whitelist)`` makes an immutable matcher; ``screen(text)`` returns the
findings with offsets into the original text. ``load_screener`` builds one over the database's
enabled lexicon; ``ScreenerHolder`` keeps the one in use and rebuilds it in the background.
"""

from console.screening.engine import TERM, Finding, Screener
from console.screening.holder import ScreenerHolder, load_lexicon, load_screener
from console.screening.normalise import is_noise, normalise
from console.screening.personal import (
    BANK_CARD,
    ID_CARD,
    KINDS,
    MOBILE,
    PERSONAL_CATEGORY,
    masked,
)

__all__ = [
    "BANK_CARD",
    "ID_CARD",
    "KINDS",
    "MOBILE",
    "PERSONAL_CATEGORY",
    "TERM",
    "Finding",
    "Screener",
    "ScreenerHolder",
    "is_noise",
    "load_lexicon",
    "load_screener",
    "masked",
    "normalise",
]
