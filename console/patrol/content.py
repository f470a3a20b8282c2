"""An article's main text, without menus, breadcrumbs, share bars and footers, and its hash.

Extraction is trafilatura's. Tried beside readability-lxml on government article templates:
both find the body of a long article, but readability returns nothing for a short notice
(a two-line 停水通知, common on these sites) and runs table cells together, while
trafilatura keeps short pages, tables and line breaks (an article's signature and date stay
on their own lines); it is also typed and the more actively maintained of the two.
It runs in its fast mode (no fallback extractors): three times quicker (about 3 ms an article
rather than 8, the bulk of a first patrol's CPU time), and on these templates more precise,
since the fallback it would otherwise prefer keeps the navigation menu in the text.
"""

from __future__ import annotations

import hashlib

import trafilatura

TEXT_LIMIT = 200_000  # characters of main text kept per article


def main_text(markup: str) -> str:
    """The article's main text ("" when none can be found)."""
    text = trafilatura.extract(
        markup,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        with_metadata=False,
        fast=True,
    )
    return (text or "")[:TEXT_LIMIT]


def digest(text: str) -> str:
    """The SHA-256 of ``text`` with white space squeezed: the same for a re-indented page."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
