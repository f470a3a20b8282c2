"""The home page as text (size-capped, decoded) and the identifiers its footer must show."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass

BODY_LIMIT = 2 * 1024 * 1024
CHUNK = 64 * 1024
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")


def capped(
    chunks: Iterable[bytes], limit: int = BODY_LIMIT, deadline: float | None = None
) -> bytes:
    """At most ``limit`` bytes of a streamed body (the rest is never read).

    Raises ``TimeoutError`` when the body is still arriving at ``deadline`` (a
    ``time.perf_counter`` value): a server that trickles must not hold a probe for ever.
    """
    body = bytearray()
    for chunk in chunks:
        body += chunk
        if len(body) >= limit:
            return bytes(body[:limit])
        if deadline is not None and time.perf_counter() > deadline:
            raise TimeoutError("the page was still arriving when the timeout ran out")
    return bytes(body)


def decode(body: bytes, header_charset: str | None) -> str:
    """The body as text: the declared charset, a ``<meta charset>``, UTF-8, else GB 18030."""
    candidates = []
    if header_charset:
        candidates.append(header_charset)
    found = _CHARSET.search(body[:4096])
    if found:
        candidates.append(found.group(1).decode("ascii"))
    for name in candidates:
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("gb18030", errors="replace")


def visible_text(markup: str) -> str:
    """The page's text without tags, scripts and any whitespace (footers space numbers freely)."""
    text = html.unescape(_TAG.sub("", _SCRIPT.sub("", markup)))
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Footer:
    """Whether the page shows each registered identifier; None when the register has none."""

    site_code: bool | None
    icp: bool | None
    psb: bool | None


def _shows(text: str, registered: str | None) -> bool | None:
    if not registered:
        return None
    return _SPACE.sub("", registered) in text


def footer(markup: str, site_code: str, icp: str | None, psb: str | None) -> Footer:
    """Check the registered 网站标识码, ICP备案号 and 公安备案号 against the page."""
    text = visible_text(markup)
    return Footer(_shows(text, site_code), _shows(text, icp), _shows(text, psb))
