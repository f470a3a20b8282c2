"""Round-trip budgets of browsing, on the demo city: opening (or refreshing) a tab costs at
most 4 round trips per list or panel it shows, and selecting a site, an account or a filing
at most 4. Each read is the service call the tab makes, counted alone on the wire."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from console.base.actor import Actor
from console.base.journal import JOURNAL
from console.base.listing import Query, read_first
from console.db import SessionFactory
from console.demo import generate
from console.filings import service as filings
from console.filings.settings import read_settings as filing_settings
from console.filings.sweeps import PROBE_HISTORY
from console.jobs.runner import job_states
from console.operators.service import OPERATORS
from console.permissions import accounts, grants, scopes
from console.presets import service as presets
from console.review import service as review
from console.schema import Duty, SiteKind
from console.sites import service as sites_service
from console.sites import views
from console.supervision.service import overview, scope_choices
from tests.wire import Metered

AS_OF = dt.date(2026, 11, 1)
COUNTY = SiteKind.COUNTY_PORTAL.value
BUDGET = 4
# Reading only: one operator holding every duty stands for the tab's own reader.
EVERYONE = Actor(1, "everyone", frozenset(Duty))

Read = Callable[[], object]


def _listing(sessions: SessionFactory, listing: object) -> Read:
    return lambda: read_first(sessions, EVERYONE, listing, Query())  # type: ignore[arg-type]


def _grid(sessions: SessionFactory, site_id: int) -> Read:
    """The permission grid's panel: the site's column tree, its grants, its conflicts."""

    def read() -> None:
        scopes.columns(sessions, EVERYONE, site_id)
        grants.grid(sessions, EVERYONE, site_id, None)
        grants.conflicts(sessions, EVERYONE, None, site_id)

    return read


def _statuses(sessions: SessionFactory) -> Read:
    """The 安全备案 tab's statuses and calendar: its settings, then the cluster's status."""

    def read() -> None:
        filing_settings(sessions, EVERYONE)
        filings.cluster_status(sessions, EVERYONE)

    return read


def opening_reads(sessions: SessionFactory) -> dict[str, list[tuple[str, Read]]]:
    """Per tab, the lists and panels it reads when it opens or refreshes."""
    first_site = scopes.sites(sessions, EVERYONE)[0].id
    first_county = next(c.site_id for c in scope_choices(sessions, EVERYONE) if c.kind == COUNTY)
    return {
        "站点": [
            ("site list", _listing(sessions, sites_service.SITES)),
            ("scope tree", lambda: views.tree_children(sessions, EVERYONE, None)),
        ],
        "栏目预设": [
            ("preset versions", _listing(sessions, presets.PRESET_VERSIONS)),
            ("risk list", lambda: presets.inspect(sessions, EVERYONE, AS_OF)),
        ],
        "用户权限": [
            ("sites offered", lambda: scopes.sites(sessions, EVERYONE)),
            ("accounts", _listing(sessions, accounts.ACCOUNTS)),
            ("permission grid", _grid(sessions, first_site)),
            ("operators", _listing(sessions, OPERATORS)),
            ("journal", _listing(sessions, JOURNAL)),
        ],
        "安全备案": [
            ("statuses and calendar", _statuses(sessions)),
            ("filings", _listing(sessions, filings.FILINGS)),
            ("probe history", _listing(sessions, PROBE_HISTORY)),
        ],
        "内容审核": [
            ("pending", _listing(sessions, review.QUEUE)),
            ("claimed", _listing(sessions, review.mine(EVERYONE.operator_id))),
            ("status counts", lambda: review.status_counts(sessions, EVERYONE)),
            ("filter choices", lambda: review.filter_choices(sessions, EVERYONE)),
        ],
        "监管": [
            ("scope choices", lambda: scope_choices(sessions, EVERYONE)),
            ("scheduled jobs", lambda: job_states(sessions)),
            ("figures, ranking, trends", lambda: overview(sessions, EVERYONE, None, AS_OF)),
            ("one county's", lambda: overview(sessions, EVERYONE, first_county, AS_OF)),
        ],
    }


def _round_trips(metered: Metered, read: Read) -> int:
    read()  # connections made, as in a console that has been open a while
    with metered.meter.measure() as count:
        read()
    return count.round_trips


@pytest.fixture
def demo(metered: Metered) -> Metered:
    """The small demo city on a server engine (an embedded database has no round trips)."""
    if metered.engine_name == "sqlite":
        pytest.skip("an embedded database has no round trips")
    generate(metered.sessions, sites=30, posts=300, as_of=AS_OF)
    return metered


def test_every_tab_opens_within_four_round_trips_per_list_or_panel(demo: Metered) -> None:
    over = {
        f"{tab}: {name}": trips
        for tab, reads in opening_reads(demo.sessions).items()
        for name, read in reads
        if (trips := _round_trips(demo, read)) > BUDGET
    }
    assert not over


def test_selecting_a_site_an_account_or_a_filing_is_within_four_round_trips(
    demo: Metered,
) -> None:
    sessions = demo.sessions
    site_id = scopes.sites(sessions, EVERYONE)[0].id
    account_id = read_first(sessions, EVERYONE, accounts.ACCOUNTS, Query())[0].ids[0]

    def account() -> None:
        """The account, its rights and its 先审后发 conflicts, as the accounts page asks."""
        accounts.detail(sessions, EVERYONE, account_id)
        grants.of(sessions, EVERYONE, account_id, False)
        grants.conflicts(sessions, EVERYONE, [account_id])

    trips = {
        "site": _round_trips(demo, lambda: views.site_detail(sessions, EVERYONE, site_id)),
        "account": _round_trips(demo, account),
        "filing": _round_trips(demo, lambda: filings.filing_detail(sessions, EVERYONE, site_id)),
    }
    assert trips == {"site": 2, "account": 3, "filing": 2}
