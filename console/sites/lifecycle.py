"""A site's lifecycle as a state machine, and what each step requires before it may be taken.

申请 → 已批准 → 已挂标 → ICP备案 → 公安备案 → 已获标识码 → 运行; then 运行 ⇄ 变更, 整合迁移 into
a named site, 永久下线 once the content has left (no posts) and no site below is still in use.
An application may be withdrawn (申请 → 永久下线) while the site holds nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.base.errors import ConsoleError, InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.base.identifiers import validate_icp, validate_icp_region, validate_psb
from console.base.labels import SITE_STATES
from console.schema import Filing, Post, Site, SiteDomain, SiteState
from console.sites.register import GONE_STATES

S = SiteState
NEXT: dict[str, tuple[str, ...]] = {
    S.APPLIED: (S.APPROVED, S.RETIRED),
    S.APPROVED: (S.BADGED,),
    S.BADGED: (S.ICP_FILED,),
    S.ICP_FILED: (S.PSB_FILED,),
    S.PSB_FILED: (S.CODED,),
    S.CODED: (S.RUNNING,),
    S.RUNNING: (S.CHANGING, S.MERGED, S.RETIRED),
    S.CHANGING: (S.RUNNING, S.MERGED, S.RETIRED),
    S.MERGED: (S.RETIRED,),
    S.RETIRED: (),
}

NOT_NEXT = QT_TR_NOOP("“{name}”处于“{state}”，不能直接转为“{target}”；可转为：{allowed}。")
NOWHERE = QT_TR_NOOP("无（终态）")
MISSING = QT_TR_NOOP("“{name}”不能转为“{target}”：{missing}")
NO_MAIN_DOMAIN = QT_TR_NOOP("还没有主域名")
NO_ICP = QT_TR_NOOP("缺少ICP备案号")
NO_PSB = QT_TR_NOOP("缺少公安联网备案号")
NO_TARGET = QT_TR_NOOP("未指定整合到哪个网站")
TARGET_SELF = QT_TR_NOOP("不能整合到自身")
TARGET_NOT_RUNNING = QT_TR_NOOP("整合目标“{target}”不在运行中")
TARGET_BELOW = QT_TR_NOOP("整合目标“{target}”是它自己的下级网站")
HOLDS_POSTS = QT_TR_NOOP("仍有 {n} 篇稿件未迁移（先整合迁移内容）")
LIVE_CHILDREN = QT_TR_NOOP("仍有 {n} 个下级网站在用（如 {names}）")


@dataclass(frozen=True)
class Step:
    """A requested change of state; ``merge_into`` is the target site's id for 整合迁移."""

    target: str
    merge_into: int | None = None


def state_label(state: str) -> str:
    """The translated name of a lifecycle state."""
    return translate("", SITE_STATES.get(state, state))


def missing_for(session: Session, site: Site, step: Step) -> list[str]:
    """What ``site`` lacks for ``step`` (translated), empty when it may; raises on a bad step."""
    allowed = NEXT.get(site.state, ())
    if step.target not in allowed:
        raise InvalidInput(
            NOT_NEXT,
            name=site.name,
            state=state_label(site.state),
            target=state_label(step.target),
            allowed="、".join(state_label(s) for s in allowed) or translate("", NOWHERE),
        )
    missing: list[str] = []
    target = step.target
    if target in (S.ICP_FILED, S.PSB_FILED, S.CODED, S.RUNNING):
        missing += _filing_gaps(session, site, target)
    if target == S.MERGED:
        missing += _merge_gaps(session, site, step.merge_into)
    if target in (S.MERGED, S.RETIRED):
        missing += _children_gaps(session, site)
    if target == S.RETIRED:
        posts = session.scalar(select(func.count()).where(Post.site_id == site.id)) or 0
        if posts:
            missing.append(translate("", HOLDS_POSTS).format(n=posts))
    return missing


def check_step(session: Session, site: Site, step: Step) -> None:
    """Refuse ``step`` naming everything ``site`` lacks for it."""
    missing = missing_for(session, site, step)
    if missing:
        raise InvalidInput(
            MISSING, name=site.name, target=state_label(step.target), missing="；".join(missing)
        )


def _filing_gaps(session: Session, site: Site, target: str) -> list[str]:
    gaps: list[str] = []
    has_domain = session.scalar(
        select(func.count()).where(SiteDomain.site_id == site.id, SiteDomain.is_main.is_(True))
    )
    if not has_domain:
        gaps.append(translate("", NO_MAIN_DOMAIN))
    filing = session.scalar(select(Filing).where(Filing.site_id == site.id))
    icp = filing.icp_number if filing else None
    psb = filing.psb_number if filing else None
    region = site.region_code
    if not icp:
        gaps.append(translate("", NO_ICP))
    elif region:
        gaps += _refusal(lambda: validate_icp_region(icp, region))
    else:
        gaps += _refusal(lambda: validate_icp(icp))
    if target != S.ICP_FILED:
        if not psb:
            gaps.append(translate("", NO_PSB))
        else:
            gaps += _refusal(lambda: validate_psb(psb, region or None))
    return gaps


def _refusal(rule: Callable[[], None]) -> list[str]:
    try:
        rule()
    except ConsoleError as error:
        return [str(error)]
    return []


def _merge_gaps(session: Session, site: Site, target_id: int | None) -> list[str]:
    if target_id is None:
        return [translate("", NO_TARGET)]
    if target_id == site.id:
        return [translate("", TARGET_SELF)]
    target = session.get(Site, target_id)
    if target is None or target.state not in (S.RUNNING, S.CHANGING):
        name = target.name if target else str(target_id)
        return [translate("", TARGET_NOT_RUNNING).format(target=name)]
    walker: Site | None = target
    while walker is not None and walker.parent_id is not None:
        if walker.parent_id == site.id:
            return [translate("", TARGET_BELOW).format(target=target.name)]
        walker = session.get(Site, walker.parent_id)
    return []


def _children_gaps(session: Session, site: Site) -> list[str]:
    live = session.scalars(
        select(Site.name)
        .where(Site.parent_id == site.id, Site.state.not_in(GONE_STATES))
        .order_by(Site.name)
    ).all()
    if not live:
        return []
    return [translate("", LIVE_CHILDREN).format(n=len(live), names="、".join(live[:3]))]
