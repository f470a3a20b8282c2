"""Normalisation shared by texts and terms, and the map back to the original text.

One character table says what each character becomes: compatibility forms folded (full-width →
half-width, ①② → 12, Ⓐ → a), case folded, traditional → simplified at the character level
(OpenCC's character data), and noise (Unicode categories Z*, P*, S*, Cf: spaces, punctuation,
symbols, zero-width characters) deleted. The table is applied with one vectorised lookup (a
code-point array); the rare text holding a character that expands to several (⑩ → 10, ß → ss)
goes through ``str.translate`` over the same table, so both paths give the same result.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import opencc

NOISE_CATEGORIES = frozenset({"Zs", "Zl", "Zp", "Cf"}) | frozenset(
    f"{major}{minor}" for major, minors in (("P", "cdseifo"), ("S", "mcko")) for minor in minors
)
# Planes holding every noise character and every character the table changes: the BMP, the
# supplementary planes with letters, symbols and ideographs, and the tags plane (Cf).
TABLE_RANGES = ((0, 0x323B0), (0xE0000, 0xE1000))
CODE_POINTS = 0x110000
DELETED = 0
EXPANDS = 0xFFFFFFFF
OPENCC_CONFIG = "t2s"
FIXPOINT_ROUNDS = 4

Codes = npt.NDArray[np.uint32]
UTF32 = "utf-32-le"
SURROGATES = "surrogatepass"
SURROGATE_RANGE = (0xD800, 0xE000)


def is_noise(char: str) -> bool:
    """Whether ``char`` is noise: deleted from texts and terms before matching."""
    return unicodedata.category(char) in NOISE_CATEGORIES


def code_points(text: str) -> Codes:
    """The code points of ``text`` as an array (no copy of the encoded bytes)."""
    return np.frombuffer(text.encode(UTF32, SURROGATES), dtype=np.uint32)


@dataclass(frozen=True)
class Table:
    """The character table in both forms: for ``str.translate`` and as a code-point array."""

    mapping: dict[int, str | None]
    codes: Codes

    def apply(self, text: str) -> Normalised:
        """``text`` normalised, with the way back to its original offsets."""
        points = code_points(text)
        mapped = self.codes[points]
        if (mapped == EXPANDS).any():
            return _expanded(text, points, self.mapping)
        kept = mapped != DELETED
        result = mapped[kept].tobytes().decode(UTF32, SURROGATES)
        return Normalised(result, kept, points)


@dataclass
class Normalised:
    """A normalised text, the way back to original offsets, and the original's code points."""

    text: str
    kept: npt.NDArray[np.bool_] | None
    points: Codes | None = None
    _origins: Sequence[int] | npt.NDArray[np.intp] | None = field(default=None, repr=False)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the normalised span ``[start, end)`` (``end > start``)."""
        if self._origins is None:
            # Built on the first finding only: most texts have none.
            assert self.kept is not None
            self._origins = np.flatnonzero(self.kept)
        return int(self._origins[start]), int(self._origins[end - 1]) + 1


def _expanded(text: str, points: Codes, mapping: dict[int, str | None]) -> Normalised:
    """The general path: characters may expand to several, so the origins are listed."""
    pieces: list[str] = []
    origins: list[int] = []
    for offset, char in enumerate(text):
        piece = mapping.get(ord(char), char)
        if piece:
            pieces.append(piece)
            origins.extend([offset] * len(piece))
    return Normalised("".join(pieces), None, points, origins)


@functools.cache
def table() -> Table:
    """The character table, built once per process (0.3–0.7 s)."""
    categories = {
        chr(point): category
        for low, high in TABLE_RANGES
        for point in range(low, high)
        if (category := unicodedata.category(chr(point))) not in ("Cn", "Cs", "Co")
    }
    simplified = _simplified([c for c, category in categories.items() if category == "Lo"])
    first: dict[str, str] = {}
    for char, category in categories.items():
        folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", char).casefold())
        if folded == char and category not in NOISE_CATEGORIES and char not in simplified:
            continue
        piece = "".join(simplified.get(c, c) for c in folded if not is_noise(c))
        if category in NOISE_CATEGORIES and all(unicodedata.category(c)[0] == "M" for c in piece):
            # A spacing accent (¨ → space + combining diaeresis) is noise whole, not a mark
            # left on the character before it; a symbol folding to letters (Ⓐ, ℃) is kept.
            piece = ""
        first[char] = piece
    mapping: dict[int, str | None] = {}
    for char, target in first.items():
        for _ in range(FIXPOINT_ROUNDS):
            again = "".join(first.get(c, c) for c in target)
            if again == target:
                break
            target = again
        if target != char:
            mapping[ord(char)] = target or None
    # A lone surrogate is no character (a broken byte decoded with surrogateescape): it is
    # dropped like noise, and the automaton never sees it.
    mapping.update(dict.fromkeys(range(*SURROGATE_RANGE)))
    return Table(mapping, _codes(mapping))


def _simplified(letters: list[str]) -> dict[str, str]:
    """Character-level traditional → simplified from OpenCC (one character to one)."""
    ideographs = [c for c in letters if ord(c) >= 0x2E80]
    converted = opencc.OpenCC(OPENCC_CONFIG).convert("\n".join(ideographs)).split("\n")
    if len(converted) != len(ideographs):
        return {}
    return {a: b for a, b in zip(ideographs, converted, strict=True) if a != b and len(b) == 1}


def _codes(mapping: dict[int, str | None]) -> Codes:
    codes = np.arange(CODE_POINTS, dtype=np.uint32)
    for point, target in mapping.items():
        if target is None:
            codes[point] = DELETED
        elif len(target) == 1:
            codes[point] = ord(target)
        else:
            codes[point] = EXPANDS
    # U+0000 stands for "deleted" in the array; it is a control character and never noise.
    codes[0] = EXPANDS
    return codes


def normalise(text: str) -> str:
    """``text`` as the matcher sees it; the same table as ``Table.apply``, cheaper on short text."""
    return text.translate(table().mapping)


def normalise_all(texts: list[str]) -> list[str]:
    """Each of ``texts`` normalised, in one pass when none holds a line break (terms never do)."""
    if not texts:
        return []
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:
        return [normalise(text) for text in texts]
    return table().apply(joined).text.split("\n")
