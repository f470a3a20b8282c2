"""Column addresses found in the home page's navigation by the columns' names.

A column's name is matched to a link's text exactly first (white space aside), then after
the screening engine's normalisation (full/half width, case, traditional → simplified,
punctuation and spaces dropped), so that "政務公開" or "通知 公告" still find 政务公开 and
通知公告. The first matching link in the page wins (menus come before footers); only links
to the site's own hosts count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from console.screening.normalise import normalise

EXACT = "exact"
NORMALISED = "normalised"


@dataclass(frozen=True)
class Found:
    """Where a column's list page is, and how its link was matched (``EXACT``/``NORMALISED``)."""

    url: str
    how: str


def _tight(text: str) -> str:
    return "".join(text.split())


def discover(
    names: Mapping[str, str], links: Iterable[tuple[str, str]], own: Callable[[str], bool]
) -> dict[str, Found]:
    """``{column code: Found}`` for each column of ``names`` (code → name) a link names.

    ``links`` are the home page's (address, text) in page order; ``own(url)`` says whether a
    link stays on the site (its registered domains).
    """
    exact: dict[str, str] = {}
    loose: dict[str, str] = {}
    for url, text in links:
        if not text or not own(url):
            continue
        exact.setdefault(_tight(text), url)
        loose.setdefault(normalise(text), url)
    found: dict[str, Found] = {}
    for code, name in names.items():
        key = normalise(name)
        if _tight(name) in exact:
            found[code] = Found(exact[_tight(name)], EXACT)
        elif key and key in loose:
            found[code] = Found(loose[key], NORMALISED)
    return found
