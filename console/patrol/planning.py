"""What a patrol of the cluster visits, read from the register: targets, options, confinement.

A patrol takes the named sites (any state) or every running site; each with its domains
(main first), its columns with their registered list-page addresses, and the addresses of
the articles earlier stored patrols already read. A site without a domain stays in the plan:
its result says ``no_domain``. A demo cluster's domains are invented: its patrol dials
loopback only, and only the sites mapped there (``--connect-to``) are patrolled.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.base import clock
from console.base.actor import REGISTER_READERS, Actor, require
from console.base.cluster import is_demo, settings_of
from console.base.errors import InvalidInput, NotFound
from console.base.i18n import QT_TR_NOOP
from console.db import SessionFactory
from console.patrol.fetching import FetchOptions, user_agent
from console.patrol.records import PageRecord, PatrolMemory
from console.patrol.settings import CLUSTER_NAME, CONNECTIONS, SPACING_S, TIMEOUT_S
from console.patrol.targets import ColumnTarget, Domains, PatrolOptions, PatrolTarget
from console.probes.dialing import Dialer
from console.schema import PatrolPage, PatrolPost, Site, SiteColumn, SiteDomain, SiteState

CHUNK = 500  # sites per IN (…) list, well within every engine's limits
PATROLLED_STATES = (SiteState.RUNNING.value, SiteState.CHANGING.value)
UNKNOWN_SITES = QT_TR_NOOP("没有这些网站标识码的网站：{codes}")
DEMO_UNMAPPED = QT_TR_NOOP(
    "这是演示站群，域名是虚构的，不向外网巡查；只巡查用 --connect-to 映射到本机地址的网站，"
    "而要巡查的 {n} 个网站都没有映射。"
)


@dataclass(frozen=True)
class PatrolPlan:
    """The sites to patrol, how, and their register ids; ``skipped``: demo sites not mapped."""

    targets: list[PatrolTarget]
    options: PatrolOptions
    site_ids: Mapping[str, int] = field(default_factory=dict)
    demo: bool = False
    skipped: int = 0
    memory: PatrolMemory = field(default_factory=PatrolMemory)


def patrol_options(
    session: Session,
    dialer: Dialer,
    ca_bundle: str | None = None,
    timeout: float | None = None,
    today: dt.date | None = None,
) -> PatrolOptions:
    """The cluster's patrol options: ``today`` (else today in its zone), its domains, its
    settings."""
    settings = settings_of(session)
    fetch = FetchOptions(
        timeout=timeout or float(settings[TIMEOUT_S]),
        ca_bundle=ca_bundle,
        dialer=dialer,
        user_agent=user_agent(settings[CLUSTER_NAME]),
    )
    return PatrolOptions(
        today=today or clock.today(settings.zone),
        cluster_domains=Domains(session.scalars(select(SiteDomain.domain))),
        fetch=fetch,
        connections=settings[CONNECTIONS],
        spacing=float(settings[SPACING_S]),
    )


def plan_patrol(
    sessions: SessionFactory,
    actor: Actor,
    codes: Sequence[str] = (),
    site_ids: Sequence[int] = (),
    dialer: Dialer | None = None,
    ca_bundle: str | None = None,
    with_memory: bool = True,
    today: dt.date | None = None,
) -> PatrolPlan:
    """Service: the patrol of the sites of ``codes`` or ``site_ids``, else of every running site
    (``with_memory``: what their last stored patrols read, else load it site by site with
    ``site_memory``); dates judged on ``today``, else today in the cluster's zone."""
    require(actor, *REGISTER_READERS)
    dialer = dialer or Dialer()
    query = select(Site.id, Site.code).order_by(Site.code)
    if codes:
        query = query.where(Site.code.in_(list(dict.fromkeys(codes))))
    elif site_ids:
        query = query.where(Site.id.in_(list(dict.fromkeys(site_ids))))
    else:
        query = query.where(Site.state.in_(PATROLLED_STATES))
    with sessions() as session:
        ids = {code: site_id for site_id, code in session.execute(query).all()}
        missing = sorted(set(codes) - set(ids))
        if missing:
            raise NotFound(UNKNOWN_SITES, codes="、".join(missing))
        demo = is_demo(session)
        if demo:
            dialer = replace(dialer, loopback_only=True)
        options = patrol_options(session, dialer, ca_bundle, today=today)
        targets = load_targets(session, ids)
        memory = load_memory(session, list(ids.values()) if with_memory else [])
    plan = PatrolPlan(targets, options, ids, demo, memory=memory)
    return confine(plan) if demo else plan


def load_targets(session: Session, ids: Mapping[str, int]) -> list[PatrolTarget]:
    """The targets of the sites ``ids`` (code → id): a fixed number of queries per chunk."""
    domains: dict[int, list[str]] = defaultdict(list)
    columns: dict[int, list[ColumnTarget]] = defaultdict(list)
    known: dict[int, set[str]] = defaultdict(set)
    for chunk in chunks(sorted(ids.values())):
        rows = session.execute(
            select(SiteDomain.site_id, SiteDomain.domain)
            .where(SiteDomain.site_id.in_(chunk))
            .order_by(SiteDomain.site_id, SiteDomain.is_main.desc(), SiteDomain.domain)
        )
        for site_id, domain in rows:
            domains[site_id].append(domain)
        listed = session.execute(
            select(SiteColumn.site_id, SiteColumn.code, SiteColumn.name, SiteColumn.list_url)
            .where(SiteColumn.site_id.in_(chunk))
            .order_by(SiteColumn.site_id, SiteColumn.path)
        )
        for site_id, code, name, url in listed:
            columns[site_id].append(ColumnTarget(code, name, url or None))
        read = session.execute(
            select(PatrolPost.site_id, PatrolPost.url).where(PatrolPost.site_id.in_(chunk))
        )
        for site_id, url in read:
            known[site_id].add(url)
    return [
        PatrolTarget(
            code,
            tuple(domains[site_id]),
            tuple(columns[site_id]),
            frozenset(known[site_id]),
        )
        for code, site_id in ids.items()
    ]


def site_memory(sessions: SessionFactory, site_id: int) -> PatrolMemory:
    """What the last stored patrol of one site read (for a patrol that loads site by site)."""
    with sessions() as session:
        return load_memory(session, [site_id])


def load_memory(session: Session, site_ids: Sequence[int]) -> PatrolMemory:
    """What the last stored patrols of ``site_ids`` read, with the validators to ask with."""
    records = [
        PageRecord.from_json(json.loads(text))
        for chunk in chunks(sorted(site_ids))
        for text in session.scalars(select(PatrolPage.record).where(PatrolPage.site_id.in_(chunk)))
    ]
    return PatrolMemory(records)


def chunks(items: Sequence[int]) -> Iterator[list[int]]:
    """``items`` in lists of at most ``CHUNK``."""
    for start in range(0, len(items), CHUNK):
        yield list(items[start : start + CHUNK])


def confine(plan: PatrolPlan) -> PatrolPlan:
    """A demo cluster's plan: only the sites its (loopback-only) dialer reaches."""
    dialer = plan.options.fetch.dialer
    kept = [
        t
        for t in plan.targets
        if not t.domains or dialer.reaches(t.domains[0], 80) or dialer.reaches(t.domains[0], 443)
    ]
    if plan.targets and not any(t.domains for t in kept):
        raise InvalidInput(DEMO_UNMAPPED, n=len(plan.targets))
    return replace(plan, targets=kept, skipped=len(plan.targets) - len(kept))
