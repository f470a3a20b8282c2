"""Domain names as stored (IDNA/punycode, lower case) and as shown (Unicode)."""

from __future__ import annotations

from typing import Any


def to_unicode(domain: Any) -> str:
    """Show a stored punycode domain in Unicode (``xn--…`` labels decoded)."""
    if not domain:
        return ""
    text = str(domain)
    if "xn--" not in text:
        return text
    try:
        return text.encode("ascii").decode("idna")
    except UnicodeError:
        return text
