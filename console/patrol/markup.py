"""A page's markup as a tree, and its links: lxml, which reads malformed HTML as browsers do.

Whatever a page holds, what is read from it is bounded: the body is already size-capped, and
at most ``ANCHOR_LIMIT`` links are taken from one page (the rest are counted, not kept).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

import lxml.etree
import lxml.html

ANCHOR_LIMIT = 5000
TEXT_LIMIT = 300
_SPACE = re.compile(r"\s+")
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)

Element = lxml.html.HtmlElement


@dataclass(frozen=True)
class Anchor:
    """A link on a page: where it points (absolute, without fragment) and its text."""

    url: str
    text: str
    element: Element


def squeeze(text: str) -> str:
    """``text`` with its runs of white space (non-breaking ones too) made single spaces."""
    return _SPACE.sub(" ", text.replace("\xa0", " ")).strip()


def parse(text: str) -> Element | None:
    """The page's tree; None when there is nothing to parse."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError):
        return None
    return root if isinstance(root, Element) else None


def absolute(base: str, href: str) -> str | None:
    """``href`` resolved against ``base``, without its fragment; None unless http(s)."""
    try:
        joined = urlsplit(urljoin(base, href.strip()))
    except ValueError:
        return None
    if joined.scheme not in ("http", "https") or not joined.hostname:
        return None
    return urlunsplit(joined._replace(fragment="", netloc=joined.netloc.lower()))


def base_url(root: Element, url: str) -> str:
    """The address a page's relative links resolve against (its ``<base href>`` if any)."""
    for base in root.iter("base"):
        href = base.get("href")
        if href:
            return absolute(url, href) or url
    return url


def anchor_text(element: Element) -> str:
    """What a link says: its text, else its ``title``, else an image's ``alt``."""
    text = squeeze(element.text_content())
    if not text:
        text = squeeze(element.get("title") or "")
    if not text:
        text = next((squeeze(img.get("alt") or "") for img in element.iter("img")), "")
    return text[:TEXT_LIMIT]


def anchors(root: Element, url: str) -> tuple[list[Anchor], int]:
    """The page's http(s) links in document order (at most ``ANCHOR_LIMIT``) and how many
    there were in all."""
    base = base_url(root, url)
    found: list[Anchor] = []
    total = 0
    for element in root.iter("a"):
        href = element.get("href")
        target = absolute(base, href) if href else None
        if target is None:
            continue
        total += 1
        if len(found) < ANCHOR_LIMIT:
            found.append(Anchor(target, anchor_text(element), element))
    return found, total


def host_of(url: str) -> str:
    """The lower-case host of ``url`` ("" when it has none)."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
