"""Domain names as stored (IDNA/punycode, lower case) and as shown (Unicode), and their rules.

A cluster site may only use ``.gov.cn`` or the Chinese ``.政务`` (``xn--zfr164b``); names are
checked and converted with the ``idna`` package (IDNA 2008 with UTS #46 mapping), so a name
typed in full-width characters or capitals is stored once, in one form.
"""

from __future__ import annotations

from typing import Any

import idna

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP

GOV_CN = ".gov.cn"
ZHENGWU = ".xn--zfr164b"
SUFFIXES = (GOV_CN, ZHENGWU)

BAD_DOMAIN = QT_TR_NOOP("域名“{value}”不是合法的域名：{reason}")
WRONG_SUFFIX = QT_TR_NOOP("域名“{value}”不可用：政府网站只能使用 .gov.cn 或 .政务 域名。")


def to_unicode(domain: Any) -> str:
    """Show a stored punycode domain in Unicode (``xn--…`` labels decoded)."""
    if not domain:
        return ""
    text = str(domain)
    if "xn--" not in text:
        return text
    try:
        return idna.decode(text)
    except idna.IDNAError:
        return text


def to_stored(domain: str) -> str:
    """The stored form of a typed domain: IDNA (punycode), lower case, no trailing dot."""
    typed = domain.strip().rstrip(".")
    try:
        return idna.encode(typed, uts46=True).decode("ascii")
    except (idna.IDNAError, UnicodeError) as error:
        raise InvalidInput(BAD_DOMAIN, value=domain, reason=str(error)) from None


def searched_form(text: str) -> str:
    """Typed search text as stored domains spell it: each non-ASCII label in punycode.

    ``云溪.政务`` → ``xn--9kq759e.xn--zfr164b``; text that is no domain part stays as typed.
    """
    labels = []
    for label in text.strip().lower().split("."):
        if label.isascii():
            labels.append(label)
            continue
        try:
            labels.append(idna.encode(label, uts46=True).decode("ascii"))
        except (idna.IDNAError, UnicodeError):
            return text
    return ".".join(labels)


def validate_domain(domain: str) -> str:
    """Check a government site's domain; its stored (punycode) form."""
    stored = to_stored(domain)
    if not stored.endswith(SUFFIXES) or stored in (GOV_CN[1:], ZHENGWU[1:]):
        raise InvalidInput(WRONG_SUFFIX, value=domain)
    return stored


def is_under(domain: str, zone: str) -> bool:
    """Whether stored ``domain`` is ``zone`` itself or one of its subdomains."""
    return domain == zone or domain.endswith("." + zone)


def zone_of(portal_domain: str) -> str:
    """The zone a portal's departments live under: ``www.yunxi.gov.cn`` → ``yunxi.gov.cn``."""
    return portal_domain.removeprefix("www.")
