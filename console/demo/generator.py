"""Filling an empty cluster database with the demo city 云溪市: the one entry point."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select

from console.base import clock, journal
from console.base.actor import Actor
from console.base.cluster import mark_demo, read_settings
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, translate
from console.db import SessionFactory
from console.demo import history
from console.demo.accounts import ACCOUNTS_PER_SITE, AccountMaker, accounts_per_site
from console.demo.columns import (
    PRESET_FOR_KIND,
    SiteTree,
    Template,
    allocate,
    build_template,
    plan_trees,
)
from console.demo.filings import FilingNumbers, filing_row, probe_history
from console.demo.interactions import interaction_rows
from console.demo.names import People
from console.demo.places import CITY_NAME
from console.demo.posts import PostMaker
from console.demo.sites import MAX_SITES, MIN_SITES, SitePlan, all_domains, plan_sites
from console.demo.writer import BulkWriter, next_ids, table
from console.operators import service as operators
from console.presets.files import PresetFile, default_presets
from console.presets.inspection import inspect_sites
from console.schema import Duty, Operator, Site, SiteKind
from console.screening import Screener
from console.screening.lexicon_files import (
    STARTER_TERMS,
    STARTER_WHITELIST,
    TermEntry,
    read_terms,
    read_whitelist,
)

Progress = Callable[[int, int, str], None]

DEFAULT_SITES = 100
POSTS_PER_SITE = 50
MAX_POSTS = 10_000_000
DEMO_PASSWORD = "demo"
REVIEWERS = 8
PROGRESS_EVERY = 2_000
TABLES = (
    "column_presets",
    "preset_versions",
    "preset_columns",
    "sites",
    "site_domains",
    "filings",
    "probe_results",
    "site_columns",
    "accounts",
    "grants",
    "lexicon_terms",
    "whitelist_phrases",
    "posts",
    "queue_items",
    "interaction_channels",
    "interaction_messages",
    "job_runs",
)

NOT_EMPTY = QT_TR_NOOP("数据库中已有站点或操作员，演示站群只能生成到空数据库中。")
BAD_SITES = QT_TR_NOOP("演示站群的站点数应在 {low} 到 {high} 之间，收到 {value}。")
BAD_POSTS = QT_TR_NOOP("演示站群的稿件数应在 0 到 {high} 之间，收到 {value}。")

LABEL_PREPARE = QT_TR_NOOP("准备演示数据")
LABEL_SITES = QT_TR_NOOP("生成站点与栏目")
LABEL_ACCOUNTS = QT_TR_NOOP("生成账号与授权")
LABEL_POSTS = QT_TR_NOOP("生成稿件")
LABEL_DONE = QT_TR_NOOP("演示站群已生成")


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each kind the demo generation wrote."""

    sites: int
    domains: int
    columns: int
    accounts: int
    grants: int
    filings: int
    posts: int
    queue_items: int
    lexicon_terms: int
    whitelist_phrases: int
    presets: int
    operators: int


def generate(
    sessions: SessionFactory,
    *,
    seed: int = 2026,
    sites: int | None = None,
    posts: int | None = None,
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty, migrated cluster database with the demo city; the same seed and ``as_of``
    give the same data. Refuses (``InvalidInput``) a database that has sites or operators.
    """
    total_sites = DEFAULT_SITES if sites is None else sites
    total_posts = POSTS_PER_SITE * total_sites if posts is None else posts
    if not MIN_SITES <= total_sites <= MAX_SITES:
        raise InvalidInput(BAD_SITES, low=MIN_SITES, high=MAX_SITES, value=total_sites)
    if not 0 <= total_posts <= MAX_POSTS:
        raise InvalidInput(BAD_POSTS, high=MAX_POSTS, value=total_posts)
    day = as_of or clock.today(read_settings(sessions).zone)
    report = _Reporter(progress, total_sites * (1 + ACCOUNTS_PER_SITE) + total_posts)
    report.step(0, LABEL_PREPARE)
    _require_empty(sessions)
    presets = default_presets()
    terms = read_terms(STARTER_TERMS)
    whitelist = read_whitelist(STARTER_WHITELIST)
    rng = random.Random(seed)
    with sessions.begin() as session:
        mark_demo(session)
    operator_ids = operators.bootstrap(sessions, _operators(rng))
    run = _Run(rng, day, operator_ids, report)
    with sessions() as session:
        writer = BulkWriter(session)
        run.write(writer, presets, total_sites, total_posts, terms, whitelist)
        summary = run.summary(writer, len(operator_ids))
        details: dict[str, Any] = {"seed": seed, "as_of": day.isoformat(), **asdict(summary)}
        journal.record(
            session,
            Actor.system(),
            "demo.generate",
            "cluster",
            "-",
            f"{CITY_NAME}演示站群",
            None,
            details,
        )
        session.commit()
    report.finish(LABEL_DONE)
    return summary


def _require_empty(sessions: SessionFactory) -> None:
    with sessions() as session:
        occupied = session.scalar(select(func.count()).select_from(Site)) or session.scalar(
            select(func.count()).select_from(Operator)
        )
    if occupied:
        raise InvalidInput(NOT_EMPTY)


def _operators(rng: random.Random) -> list[operators.NewOperator]:
    """三员 plus eight reviewers, all with the public demo password."""
    people = People(rng)
    logins = [
        ("sysadmin", Duty.SYSTEM_ADMIN),
        ("secadmin", Duty.SECURITY_ADMIN),
        ("auditor", Duty.AUDIT_ADMIN),
    ] + [(f"reviewer{n}", Duty.REVIEWER) for n in range(1, REVIEWERS + 1)]
    return [
        operators.NewOperator(username, people.make().full_name, DEMO_PASSWORD, frozenset({duty}))
        for username, duty in logins
    ]


class _Reporter:
    """Calls the caller's progress callback, counting units of work done so far."""

    def __init__(self, callback: Progress | None, total: int) -> None:
        self.callback = callback
        self.total = max(total, 1)
        self.done = 0

    def step(self, units: int, label: str) -> None:
        self.done = min(self.total, self.done + units)
        if self.callback is not None:
            self.callback(self.done, self.total, translate("", label))

    def finish(self, label: str) -> None:
        self.step(self.total, label)


class _Run:
    """One generation: the plan, then every table written in dependency order."""

    def __init__(
        self, rng: random.Random, as_of: dt.date, operator_ids: list[int], report: _Reporter
    ) -> None:
        self.rng = rng
        self.as_of = as_of
        self.secadmin = operator_ids[1]
        self.reviewers = operator_ids[3:]
        self.report = report
        self.stamp = dt.datetime.combine(as_of, dt.time(9))

    def write(
        self,
        writer: BulkWriter,
        presets: list[PresetFile],
        total_sites: int,
        total_posts: int,
        terms: Sequence[TermEntry],
        whitelist: list[str],
    ) -> None:
        """Plan the city, then write presets, register, editors, lexicon and posts in turn."""
        ids = next_ids(writer.session, TABLES)
        templates = self._presets(writer, presets, ids)
        plans = plan_sites(self.rng, total_sites, self.as_of, ids["sites"])
        trees = plan_trees(self.rng, plans, templates, ids["site_columns"], self.as_of)
        allocate(self.rng, trees, total_posts)
        self._register(writer, trees, templates, ids)
        self.report.step(total_sites, LABEL_SITES)
        maker = AccountMaker(self.rng, self.as_of, self.secadmin, ids["accounts"], ids["grants"])
        shares = accounts_per_site(trees, total_sites * ACCOUNTS_PER_SITE)
        for tree, count in zip(trees, shares, strict=True):
            writer.add_all(maker.for_site(tree, count))
        self.report.step(total_sites * ACCOUNTS_PER_SITE, LABEL_ACCOUNTS)
        self._lexicon(writer, ids, terms, whitelist)
        screener = Screener.build(terms, whitelist)
        poster = PostMaker(
            self.rng,
            self.as_of,
            terms,
            screener,
            self.reviewers,
            ids["posts"],
            ids["queue_items"],
        )
        for tree in trees:
            for name, row in poster.for_tree(tree, maker.staff.authors.get(tree.site.id, [])):
                writer.add(name, row)
                if name == "posts" and poster.posts % PROGRESS_EVERY == 0:
                    self.report.step(PROGRESS_EVERY, LABEL_POSTS)
        first_channel, first_message = ids["interaction_channels"], ids["interaction_messages"]
        writer.add_all(interaction_rows(plans, self.as_of, first_channel, first_message))
        self._jobs(writer, trees, ids["job_runs"])
        writer.finish()

    def _jobs(self, writer: BulkWriter, trees: list[SiteTree], first_id: int) -> None:
        """A year of daily risk snapshots, ending with what the inspection finds in the demo's
        own data on the day before the check date, and each scheduled job's last run."""
        writer.flush()
        found = inspect_sites(writer.session, self.as_of - dt.timedelta(days=1))
        last = {site.code: [r.rule for r in site.risks] for site in found.sites if site.risks}
        running = [site.code for site in found.sites]
        writer.add_all(history.snapshots(running, last, self.as_of, first_id, len(trees)))
        runs, leases = history.last_runs(self.as_of, first_id + history.HISTORY_DAYS)
        writer.add_all(("job_runs", row) for row in runs)
        writer.session.execute(table("job_leases").insert(), leases)

    def _register(
        self,
        writer: BulkWriter,
        trees: list[SiteTree],
        templates: dict[SiteKind, Template],
        ids: dict[str, int],
    ) -> None:
        """Sites, their domains, filings and column trees."""
        for tree in trees:
            writer.add("sites", self._site_row(tree.site, templates, tree.home_updated_at()))
        domains = all_domains([tree.site for tree in trees])
        for domain_id, (site_id, domain, main) in enumerate(domains, ids["site_domains"]):
            row = {"id": domain_id, "site_id": site_id, "domain": domain, "is_main": main}
            writer.add("site_domains", {**row, "version": 1})
        numbers = FilingNumbers(self.rng)
        filing_id, probe_id = ids["filings"], ids["probe_results"]
        for tree in trees:
            filing = filing_row(self.rng, numbers, tree.site, self.as_of)
            if filing is not None:
                writer.add("filings", {"id": filing_id, **filing})
                filing_id += 1
            probes = probe_history(tree.site, probe_id, self.as_of)
            probes += history.older_probes(tree.site, probe_id + len(probes), self.as_of)
            writer.add_all(("probe_results", row) for row in probes)
            probe_id += len(probes)
            writer.add_all(("site_columns", row) for row in tree.rows())

    def summary(self, writer: BulkWriter, operator_count: int) -> DemoSummary:
        count = writer.written
        return DemoSummary(
            sites=count["sites"],
            domains=count["site_domains"],
            columns=count["site_columns"],
            accounts=count["accounts"],
            grants=count["grants"],
            filings=count["filings"],
            posts=count["posts"],
            queue_items=count["queue_items"],
            lexicon_terms=count["lexicon_terms"],
            whitelist_phrases=count["whitelist_phrases"],
            presets=count["column_presets"],
            operators=operator_count,
        )

    def _presets(
        self, writer: BulkWriter, presets: list[PresetFile], ids: dict[str, int]
    ) -> dict[SiteKind, Template]:
        templates: dict[SiteKind, Template] = {}
        column_id = ids["preset_columns"]
        for offset, preset in enumerate(presets):
            preset_id, version_id = ids["column_presets"] + offset, ids["preset_versions"] + offset
            writer.add(
                "column_presets",
                {
                    "id": preset_id,
                    "name": preset.name,
                    "site_kind": preset.site_kind.value,
                    "description": preset.description,
                    "created_at": self.stamp,
                    "version": 1,
                },
            )
            writer.add(
                "preset_versions",
                {
                    "id": version_id,
                    "preset_id": preset_id,
                    "number": 1,
                    "note": "",
                    "created_at": self.stamp,
                    "created_by": None,
                },
            )
            template = build_template(preset, version_id, column_id)
            column_id += len(template.columns)
            writer.add_all(("preset_columns", row) for row in template.preset_rows())
            templates[preset.site_kind] = template
        return templates

    def _site_row(
        self, site: SitePlan, templates: dict[SiteKind, Template], home: dt.datetime | None
    ) -> dict[str, Any]:
        registered = dt.datetime.combine(site.registered_on, dt.time(10))
        return {
            "id": site.id,
            "code": site.code,
            "name": site.name,
            "kind": site.kind.value,
            "parent_id": site.parent_id,
            "region_code": site.region_code,
            "organiser_name": site.organiser.name,
            "organiser_uscc": site.organiser.uscc,
            "organiser_type": "government",
            "state": site.state.value,
            "merged_into_id": site.merged_into_id,
            "preset_version_id": templates[PRESET_FOR_KIND[site.kind]].version_id,
            "opened_on": site.opened_on,
            "home_updated_at": home,
            "created_at": registered,
            "updated_at": max(registered, home) if home else registered,
            "version": 1,
        }

    def _lexicon(
        self,
        writer: BulkWriter,
        ids: dict[str, int],
        terms: Sequence[TermEntry],
        whitelist: list[str],
    ) -> None:
        for term_id, entry in enumerate(terms, ids["lexicon_terms"]):
            writer.add(
                "lexicon_terms",
                {
                    "id": term_id,
                    "term": entry.term,
                    "category": entry.category,
                    "severity": entry.severity,
                    "enabled": True,
                    "note": entry.note,
                    "created_at": self.stamp,
                    "version": 1,
                },
            )
        for phrase_id, phrase in enumerate(whitelist, ids["whitelist_phrases"]):
            writer.add(
                "whitelist_phrases",
                {
                    "id": phrase_id,
                    "phrase": phrase,
                    "note": "",
                    "created_at": self.stamp,
                    "version": 1,
                },
            )
