"""The patrol's error and problem kinds in the operator's language (``--json`` keeps the kinds)."""

from __future__ import annotations

from console.base.i18n import QT_TR_NOOP, translate
from console.patrol import fetching, results

KINDS = {
    fetching.UNREACHABLE: QT_TR_NOOP("无法连接"),
    fetching.OFF_LIMITS_HOST: QT_TR_NOOP("演示站群：未映射到本机地址，不向外网访问"),
    fetching.TIMEOUT: QT_TR_NOOP("超时"),
    fetching.TOO_MANY_REDIRECTS: QT_TR_NOOP("重定向过多"),
    fetching.FOREIGN_REDIRECT: QT_TR_NOOP("重定向到站外主机"),
    fetching.STOPPED: QT_TR_NOOP("巡查已停止"),
    fetching.SITE_DOWN: QT_TR_NOOP("网站在巡查中停止响应"),
    results.NO_ADDRESS: QT_TR_NOOP("没有列表页地址"),
    results.NO_DOMAIN: QT_TR_NOOP("网站没有登记域名，无法巡查（请在站点登记中补充）"),
    results.TRUNCATED: QT_TR_NOOP("页面过大，只读了前一部分"),
    results.TOO_MANY_LINKS: QT_TR_NOOP("链接过多，只检查了一部分"),
    results.TOO_MANY_POSTS: QT_TR_NOOP("新文章过多，其余留待下次巡查"),
    results.NO_MAIN_TEXT: QT_TR_NOOP("未能提取正文"),
}


def problem_text(kind: str | None) -> str:
    """A kind (or an ``HTTP nnn``/other text) as the operator reads it; "" for None."""
    if not kind:
        return ""
    known = KINDS.get(kind)
    return translate("", known) if known else kind
