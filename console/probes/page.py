"""A page as text (size-capped, decoded) and the identifiers a home page's footer must show."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

BODY_LIMIT = 2 * 1024 * 1024
CHUNK = 64 * 1024
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s+")
# Labels that name a Chinese national encoding: GB 18030 reads all of them (it is a superset).
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030", "cp936", "x-gbk", "euc-cn", "hz-gb-2312"})
# Labels that decode any bytes at all, so they prove nothing: HTTP's old default among them.
_ANY_BYTES = frozenset({"iso-8859-1", "latin-1", "latin1", "windows-1252", "cp1252", "ascii"})


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


def arriving(response: Any) -> Iterator[bytes]:
    """A streamed ``requests`` response's body in pieces as they arrive (not waiting to fill
    a chunk, so that a deadline is checked while a server trickles), decoded."""
    while piece := response.raw.read1(CHUNK, decode_content=True):
        yield piece


def _declared(body: bytes, header_charset: str | None) -> list[str]:
    names = [header_charset] if header_charset else []
    found = _CHARSET.search(body[:4096])
    if found:
        names.append(found.group(1).decode("ascii"))
    return [
        "gb18030" if name.lower() in _GB_FAMILY else name.lower()
        for name in names
        if name.lower() not in _ANY_BYTES
    ]


def decode(body: bytes, header_charset: str | None) -> str:
    """The body as text, read right even when its label lies.

    Valid UTF-8 is UTF-8 whatever the label says (Chinese text in GBK is almost never valid
    UTF-8, while GBK "decodes" UTF-8 bytes into nonsense); otherwise the declared charset
    (header, then ``<meta>``; GB 2312 and GBK read as their superset GB 18030) if the bytes
    fit it, else GB 18030, which many government sites serve unlabelled or mislabelled.
    """
    if body.startswith(b"\xef\xbb\xbf"):
        return body[3:].decode("utf-8", errors="replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for name in _declared(body, header_charset):
        try:
            return body.decode(name)
        except (LookupError, UnicodeDecodeError):
            continue
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
