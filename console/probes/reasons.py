"""A probe's stored error in the operator's language.

Probes store their error as the network stack says it (English, and what ``--json`` prints);
the console shows its kind in Chinese first and keeps the technical detail after it.
"""

from __future__ import annotations

from console.base.i18n import QT_TR_NOOP, translate
from console.probes import CERT_PROBLEM

PAGE_TOO_SLOW = "the home page did not arrive within the timeout"
FOREIGN = "redirect to unregistered host "
TOO_MANY_REDIRECTS = "more than "
OFF_LIMITS = "is not mapped to a loopback address"

SLOW_PAGE = QT_TR_NOOP("首页未能在超时时间内完整返回")
TIMED_OUT = QT_TR_NOOP("请求超时")
REFUSED = QT_TR_NOOP("连接被拒绝")
UNRESOLVED = QT_TR_NOOP("域名无法解析")
NOT_MAPPED = QT_TR_NOOP("演示站群：未映射到本机地址，不向外网探测")
UNREACHABLE = QT_TR_NOOP("无法连接")
REDIRECTED = QT_TR_NOOP("重定向到未登记的主机 {host}")
REDIRECT_LOOP = QT_TR_NOOP("重定向次数过多")
BAD_CERTIFICATE = QT_TR_NOOP("证书无效")

# (what the detail contains, the kind) for connection failures, first match wins.
_CONNECTION_KINDS = (
    (OFF_LIMITS, NOT_MAPPED),
    ("refused", REFUSED),
    ("Name or service not known", UNRESOLVED),
    ("nodename nor servname", UNRESOLVED),
    ("getaddrinfo failed", UNRESOLVED),
    ("Temporary failure in name resolution", UNRESOLVED),
)


def _kind(error: str) -> str | None:
    if error.startswith("timeout:"):
        return SLOW_PAGE if PAGE_TOO_SLOW in error else TIMED_OUT
    if error.startswith("ConnectionError:"):
        return next((kind for text, kind in _CONNECTION_KINDS if text in error), UNREACHABLE)
    if error.startswith(TOO_MANY_REDIRECTS):
        return REDIRECT_LOOP
    if error.startswith(CERT_PROBLEM):
        return BAD_CERTIFICATE
    return None


def shown_error(error: str | None) -> str:
    """``error`` as the console shows it: its kind in the operator's language, then the detail."""
    if not error:
        return ""
    if error.startswith(FOREIGN):
        return translate("", REDIRECTED).format(host=error.removeprefix(FOREIGN))
    kind = _kind(error)
    return f"{translate('', kind)}（{error}）" if kind else error
