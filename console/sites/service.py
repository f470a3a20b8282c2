"""The site register: what the 站点 tab lists, and every change to a site.

Changes follow one shape: duty → rules (``console.sites.rules``, ``console.sites.lifecycle``) →
change → journal, committed once. Bulk changes first plan (each site ready or skipped with its
reason), then apply the ready ones in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import and_, case, select, update
from sqlalchemy.orm import Session, aliased

from console.base import clock, journal
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import settings_of
from console.base.domains import searched_form, to_unicode, validate_domain
from console.base.editing import editing
from console.base.errors import ConsoleError, InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP, translate
from console.base.labels import SITE_KINDS, SITE_STATES, label_of
from console.base.listing import Field, Listing
from console.db import SessionFactory
from console.schema import Duty, Filing, Post, ProbeResult, Site, SiteDomain, SiteState
from console.sites import contact
from console.sites.changes import shown
from console.sites.lifecycle import Step, check_step, missing_for
from console.sites.register import GONE_STATES, RegisterLookup
from console.sites.rules import SiteDraft, check, organiser_type_from, problems, reasons_text

_parent = aliased(Site, name="parent")
_main = aliased(SiteDomain, name="main_domain")
_child = aliased(Site, name="child")

TARGET = "site"
PROBE_LABELS = {
    True: QT_TR_NOOP("正常"),
    False: QT_TR_NOOP("异常"),
}
NOT_PROBED = QT_TR_NOOP("未探测")
LEVEL_EXPR = case(
    (Site.region_code == "", "national"),
    (Site.region_code.like("%0000"), "province"),
    (Site.region_code.like("%00"), "city"),
    else_="county",
)
LEVELS = {
    "national": QT_TR_NOOP("国家级"),
    "province": QT_TR_NOOP("省级"),
    "city": QT_TR_NOOP("市级"),
    "county": QT_TR_NOOP("县级"),
}
BULK_FIELDS = {
    "parent": QT_TR_NOOP("上级网站"),
    "organiser_name": QT_TR_NOOP("主办单位"),
    "organiser_type": QT_TR_NOOP("主办单位性质"),
    "opened_on": QT_TR_NOOP("开通日期"),
}
NO_SITE = QT_TR_NOOP("网站（编号 {id}）不存在，可能已被删除。")
UNKNOWN_FIELD = QT_TR_NOOP("不能批量修改“{field}”。")
BAD_DATE = QT_TR_NOOP("日期“{value}”格式不对，应为 YYYY-MM-DD。")
MERGE_MOVED = QT_TR_NOOP("{n} 篇稿件已迁入“{target}”")
UNCHANGED = QT_TR_NOOP("已是“{value}”，无需修改。")
GONE_SITE = QT_TR_NOOP("“{name}”已{state}，登记信息不再修改。")


def _latest_probe() -> Any:
    return (
        select(ProbeResult.ok)
        .where(ProbeResult.site_id == Site.id)
        .order_by(ProbeResult.probed_at.desc(), ProbeResult.id.desc())
        .limit(1)
        .correlate(Site)
        .scalar_subquery()
    )


def probe_label(value: Any) -> str:
    """Show the last probe's verdict."""
    if value is None:
        return translate("", NOT_PROBED)
    return translate("", PROBE_LABELS[bool(value)])


def subtree(site_id: Any) -> Any:
    """A clause keeping ``site_id`` and every site below it (a recursive query)."""
    tree = select(Site.id).where(Site.id == int(site_id)).cte("subtree", recursive=True)
    tree = tree.union_all(select(_child.id).where(_child.parent_id == tree.c.id))
    return Site.id.in_(select(tree.c.id))


def at_level(level: Any) -> Any:
    """A clause keeping sites whose region is of ``level`` (national/province/city/county)."""
    return level == LEVEL_EXPR


SITES = Listing(
    name="sites",
    title=QT_TR_NOOP("站点"),
    source=Site.__table__.outerjoin(_parent, Site.parent_id == _parent.id)
    .outerjoin(_main, and_(_main.site_id == Site.id, _main.is_main.is_(True)))
    .outerjoin(Filing, Filing.site_id == Site.id),
    row_id=Site.id,
    readers=REGISTER_READERS,
    default_sort="code",
    fields=(
        Field("code", QT_TR_NOOP("网站标识码"), Site.code, searchable=True, width=10),
        Field("name", QT_TR_NOOP("网站名称"), Site.name, searchable=True, width=24),
        Field("kind", QT_TR_NOOP("类型"), Site.kind, render=label_of(SITE_KINDS), width=9),
        Field("parent", QT_TR_NOOP("上级网站"), _parent.name, width=20),
        Field("organiser", QT_TR_NOOP("主办单位"), Site.organiser_name, searchable=True, width=24),
        Field(
            "domain",
            QT_TR_NOOP("主域名"),
            _main.domain,
            searchable=True,
            render=to_unicode,
            width=20,
            stored_text=searched_form,
        ),
        Field("state", QT_TR_NOOP("状态"), Site.state, render=label_of(SITE_STATES), width=8),
        Field("icp", QT_TR_NOOP("ICP备案号"), Filing.icp_number, searchable=True, width=20),
        Field("psb", QT_TR_NOOP("公安备案号"), Filing.psb_number, searchable=True, width=25),
        Field("probe", QT_TR_NOOP("最近探测"), _latest_probe(), render=probe_label, width=7),
        Field("contact", QT_TR_NOOP("联络员"), contact.CONTACT, render=contact.listed, width=16),
        Field("updated", QT_TR_NOOP("首页更新"), Site.home_updated_at, width=16),
    ),
    filters={"subtree": subtree, "level": at_level},
)


@dataclass(frozen=True)
class BulkItem:
    """One site of a bulk change: ready (``reason`` None) or skipped with its reason."""

    site_id: int
    code: str
    name: str
    before: str
    reason: str | None = None
    after: str = ""


@dataclass(frozen=True)
class BulkPlan:
    """What a bulk change does to each selected site."""

    items: tuple[BulkItem, ...]

    @property
    def ready(self) -> list[BulkItem]:
        """The sites that will change."""
        return [i for i in self.items if i.reason is None]

    @property
    def skipped(self) -> list[BulkItem]:
        """The sites left alone, each with its reason."""
        return [i for i in self.items if i.reason is not None]


def snapshot(session: Session, site: Site) -> dict[str, Any]:
    """A site as the journal records it."""
    domains = session.scalars(
        select(SiteDomain.domain)
        .where(SiteDomain.site_id == site.id)
        .order_by(SiteDomain.is_main.desc(), SiteDomain.domain)
    ).all()
    return {
        "code": site.code,
        "name": site.name,
        "kind": site.kind,
        "parent_id": site.parent_id,
        "organiser_name": site.organiser_name,
        "organiser_uscc": site.organiser_uscc,
        "organiser_type": site.organiser_type,
        "state": site.state,
        "merged_into_id": site.merged_into_id,
        "opened_on": site.opened_on.isoformat() if site.opened_on else None,
        "domains": list(domains),
    } | contact.contact_snapshot(site)


def draft_of(session: Session, site: Site) -> SiteDraft:
    """The draft that describes ``site`` as it is (the edit form starts from it)."""
    parent_code = session.scalar(select(Site.code).where(Site.id == site.parent_id))
    domains = session.scalars(
        select(SiteDomain.domain)
        .where(SiteDomain.site_id == site.id)
        .order_by(SiteDomain.is_main.desc(), SiteDomain.domain)
    ).all()
    filing = session.scalar(select(Filing).where(Filing.site_id == site.id))
    return SiteDraft(
        code=site.code,
        name=site.name,
        kind=site.kind,
        organiser_name=site.organiser_name,
        organiser_uscc=site.organiser_uscc,
        organiser_type=site.organiser_type,
        parent_code=parent_code,
        domains=tuple(to_unicode(d) for d in domains),
        opened_on=site.opened_on,
        icp_number=filing.icp_number if filing else None,
        psb_number=filing.psb_number if filing else None,
        **contact.contact_values(site),
    )


def registration(draft: SiteDraft) -> SiteDraft:
    """The part of a draft an edit of the register checks: the filing numbers belong to the
    filing, kept on the 安全备案 tab, and never block an unrelated edit of the site."""
    return replace(draft, icp_number=None, psb_number=None)


def insert_site(session: Session, actor: Actor, draft: SiteDraft, state: str) -> Site:
    """Add a checked draft to ``session`` (with its domains and filing numbers) and journal it."""
    parent_id = session.scalar(select(Site.id).where(Site.code == draft.parent_code))
    site = Site(
        code=draft.code,
        name=draft.name.strip(),
        kind=draft.kind,
        parent_id=parent_id,
        region_code=draft.region_code,
        organiser_name=draft.organiser_name.strip(),
        organiser_uscc=draft.organiser_uscc,
        organiser_type=draft.organiser_type,
        state=state,
        opened_on=draft.opened_on,
        version=1,
        **contact.contact_values(draft),
    )
    session.add(site)
    session.flush()
    _set_domains(session, site, draft.domains)
    if draft.icp_number or draft.psb_number:
        session.add(
            Filing(
                site_id=site.id,
                icp_number=draft.icp_number or None,
                psb_number=draft.psb_number or None,
                version=1,
            )
        )
    journal.record(
        session, actor, "site.create", TARGET, site.id, site.name, None, snapshot(session, site)
    )
    return site


def create_site(sessions: SessionFactory, actor: Actor, draft: SiteDraft) -> int:
    """Register a new site (state 申请); its id."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions.begin() as session:
        check(RegisterLookup(session), draft)
        return insert_site(session, actor, draft, SiteState.APPLIED).id


def check_registered(site: Site) -> None:
    """Refuse to edit the registration of a merged or retired site: it is a closed record."""
    if site.state in GONE_STATES:
        raise InvalidInput(GONE_SITE, name=site.name, state=shown("state", site.state))


def update_site(
    sessions: SessionFactory, actor: Actor, site_id: int, expected_version: int, draft: SiteDraft
) -> None:
    """Save the operator's edit of a site seen at ``expected_version`` (Conflict if changed)."""
    require(actor, Duty.SYSTEM_ADMIN)
    with editing(sessions, Site, site_id, expected_version, TARGET, draft.code) as (session, site):
        check_registered(site)
        check(RegisterLookup(session), registration(draft), site_id)
        before = snapshot(session, site)
        _apply(session, site, draft)
        journal.record(
            session, actor, "site.edit", TARGET, site.id, site.name, before, snapshot(session, site)
        )


def change_state(
    sessions: SessionFactory,
    actor: Actor,
    site_id: int,
    expected_version: int,
    step: Step,
    migrate_content: bool = False,
) -> str:
    """Move a site along its lifecycle; 整合迁移 may carry its posts into the target site.

    Returns what moved with it, in words ('' when nothing did)."""
    require(actor, Duty.SYSTEM_ADMIN)
    with editing(sessions, Site, site_id, expected_version, TARGET) as (session, site):
        check_step(session, site, step)
        moved = _step(session, actor, site, step, migrate_content)
        if not moved:
            return ""
        target = session.scalar(select(Site.name).where(Site.id == step.merge_into))
        return translate("", MERGE_MOVED).format(n=moved, target=target)


def plan_bulk_state(
    sessions: SessionFactory, actor: Actor, site_ids: Sequence[int], step: Step
) -> BulkPlan:
    """What changing the state of ``site_ids`` would do, site by site (nothing is written)."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        return _plan_state(session, site_ids, step)


def bulk_change_state(
    sessions: SessionFactory,
    actor: Actor,
    site_ids: Sequence[int],
    step: Step,
    migrate_content: bool = False,
) -> BulkPlan:
    """Change the state of every ready site in one transaction; the plan it followed.

    With ``migrate_content``, 整合迁移 carries each site's posts into the target site."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions.begin() as session:
        plan = _plan_state(session, site_ids, step)
        for item in plan.ready:
            site = session.get(Site, item.site_id)
            assert site is not None
            _step(session, actor, site, step, migrate_content)
            site.version += 1
        return plan


def plan_bulk_edit(
    sessions: SessionFactory, actor: Actor, site_ids: Sequence[int], field: str, value: str
) -> BulkPlan:
    """What setting ``field`` to ``value`` on ``site_ids`` would do (nothing is written)."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions() as session:
        return _plan_edit(session, site_ids, field, value)[0]


def bulk_edit(
    sessions: SessionFactory, actor: Actor, site_ids: Sequence[int], field: str, value: str
) -> BulkPlan:
    """Set ``field`` on every site whose rules allow it, in one transaction."""
    require(actor, Duty.SYSTEM_ADMIN)
    with sessions.begin() as session:
        plan, drafts = _plan_edit(session, site_ids, field, value)
        for item in plan.ready:
            site = session.get(Site, item.site_id)
            assert site is not None
            before = snapshot(session, site)
            _apply(session, site, drafts[item.site_id])
            site.version += 1
            journal.record(
                session,
                actor,
                "site.bulk_edit",
                TARGET,
                site.id,
                site.name,
                before,
                snapshot(session, site),
            )
        return plan


def _plan_state(session: Session, site_ids: Sequence[int], step: Step) -> BulkPlan:
    items: list[BulkItem] = []
    for site in _sites(session, site_ids):
        try:
            missing = missing_for(session, site, step)
            reason = "；".join(missing) if missing else None
        except ConsoleError as error:
            reason = str(error)
        before = shown("state", site.state)
        items.append(
            BulkItem(site.id, site.code, site.name, before, reason, shown("state", step.target))
        )
    return BulkPlan(tuple(items))


def _plan_edit(
    session: Session, site_ids: Sequence[int], field: str, value: str
) -> tuple[BulkPlan, dict[int, SiteDraft]]:
    if field not in BULK_FIELDS:
        raise InvalidInput(UNKNOWN_FIELD, field=field)
    changes = _bulk_change(field, value)
    register = RegisterLookup(session)
    items: list[BulkItem] = []
    drafts: dict[int, SiteDraft] = {}
    for site in _sites(session, site_ids):
        current = draft_of(session, site)
        draft = replace(current, **changes)
        key = "parent_code" if field == "parent" else field
        before, after = shown(key, getattr(current, key)), shown(key, getattr(draft, key))
        found = problems(register, registration(draft), site.id)
        reason = reasons_text(found) if found else None
        if site.state in GONE_STATES:
            reason = translate("", GONE_SITE).format(
                name=site.name, state=shown("state", site.state)
            )
        if getattr(current, key) == getattr(draft, key):
            reason = translate("", UNCHANGED).format(value=after)
        items.append(BulkItem(site.id, site.code, site.name, before, reason, after))
        drafts[site.id] = draft
    return BulkPlan(tuple(items)), drafts


def _bulk_change(field: str, value: str) -> dict[str, Any]:
    text = value.strip()
    if field == "parent":
        return {"parent_code": text or None}
    if field == "organiser_type":
        return {"organiser_type": organiser_type_from(text)}
    if field == "opened_on":
        if not text:
            return {"opened_on": None}
        try:
            return {"opened_on": dt.date.fromisoformat(text)}
        except ValueError:
            raise InvalidInput(BAD_DATE, value=value) from None
    return {field: text}


def _sites(session: Session, site_ids: Sequence[int]) -> list[Site]:
    sites = session.scalars(
        select(Site).where(Site.id.in_(list(site_ids))).order_by(Site.code)
    ).all()
    if len(sites) != len(set(site_ids)):
        missing = set(site_ids) - {s.id for s in sites}
        raise NotFound(NO_SITE, id=min(missing))
    return list(sites)


def _step(session: Session, actor: Actor, site: Site, step: Step, migrate_content: bool) -> int:
    """Take ``step`` and journal it; how many posts moved into the merge target."""
    before = snapshot(session, site)
    note: dict[str, Any] = {}
    site.state = step.target
    if step.target == SiteState.MERGED:
        site.merged_into_id = step.merge_into
        if migrate_content:
            moved = session.execute(
                update(Post)
                .where(Post.site_id == site.id)
                .values(site_id=step.merge_into, column_id=None)
            )
            note["posts_moved"] = moved.rowcount  # type: ignore[attr-defined]
    if step.target == SiteState.RUNNING and site.opened_on is None:
        site.opened_on = clock.today(settings_of(session).zone)
    after = snapshot(session, site) | note
    journal.record(
        session, actor, f"site.state.{step.target}", TARGET, site.id, site.name, before, after
    )
    return int(note.get("posts_moved", 0))


def _apply(session: Session, site: Site, draft: SiteDraft) -> None:
    site.code = draft.code
    site.name = draft.name.strip()
    site.kind = draft.kind
    site.parent_id = session.scalar(select(Site.id).where(Site.code == draft.parent_code))
    site.region_code = draft.region_code
    site.organiser_name = draft.organiser_name.strip()
    site.organiser_uscc = draft.organiser_uscc
    site.organiser_type = draft.organiser_type
    site.opened_on = draft.opened_on
    contact.set_contact(site, draft)
    _set_domains(session, site, draft.domains)


def _set_domains(session: Session, site: Site, typed: Sequence[str]) -> None:
    wanted = [validate_domain(d) for d in typed]
    existing = {
        d.domain: d
        for d in session.scalars(select(SiteDomain).where(SiteDomain.site_id == site.id))
    }
    for domain, old in existing.items():
        if domain not in wanted:
            session.delete(old)
    session.flush()
    for index, domain in enumerate(wanted):
        row = existing.get(domain)
        if row is None:
            session.add(SiteDomain(site_id=site.id, domain=domain, is_main=index == 0, version=1))
        elif row.is_main != (index == 0):
            row.is_main = index == 0
            row.version += 1
    session.flush()
