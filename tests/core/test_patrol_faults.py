"""Every fault a site can throw at a patrol is bounded, reported, and leaves a complete result."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.patrol.fetching import MAX_REDIRECTS, OFF_LIMITS_HOST, SITE_DOWN, TIMEOUT
from console.patrol.markup import ANCHOR_LIMIT
from console.patrol.results import NO_DOMAIN, TOO_MANY_LINKS, TRUNCATED
from console.patrol.run import FAILED, patrol
from console.patrol.targets import ColumnTarget, PatrolTarget
from tests.patrol_server import MANY_LINKS, Bed, fault_target, patrol_bed, target
from tests.patrol_sites import generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only


@pytest.fixture
def bed() -> Iterator[Bed]:
    with patrol_bed([generate(5, 1)]) as running:
        yield running


def host(name: str) -> str:
    return f"{name}.faults.patrol.gov.cn"


def test_a_page_that_trickles_in_is_cut_off_at_the_timeout(bed: Bed) -> None:
    (result,) = patrol([fault_target("trickle")], bed.options(timeout=0.5))
    assert result.error == TIMEOUT and result.finished_at is not None
    assert bed.server.paths(host("trickle")) == ["/"]


def test_a_10_gb_page_costs_no_more_than_the_size_cap(bed: Bed) -> None:
    column = ColumnTarget("c01", "新闻动态")
    options = bed.options(body_limit=256 * 1024)
    (result,) = patrol([fault_target("huge", (column,))], options)
    assert result.error is None
    (listed,) = result.columns
    assert listed.url == f"http://{host('huge')}/big/" and listed.items == ()
    assert [(p.url, p.kind) for p in result.problems] == [(listed.url, TRUNCATED)]


def test_an_endless_redirect_ends_after_a_few_hops(bed: Bed) -> None:
    (result,) = patrol([fault_target("loop")], bed.options())
    assert result.error == "too_many_redirects"
    assert len(bed.server.paths(host("loop"))) == MAX_REDIRECTS + 1


def test_a_page_of_100000_links_is_read_and_checked_within_limits(bed: Bed) -> None:
    options = bed.options(body_limit=8 * 1024 * 1024, link_limit=50)
    (result,) = patrol([fault_target("links")], options)
    assert result.error is None
    assert len(result.links) == 50 and result.unchecked_links == ANCHOR_LIMIT - 50
    kinds = {(p.kind, p.detail) for p in result.problems}
    assert (TOO_MANY_LINKS, f"{MANY_LINKS} links, {ANCHOR_LIMIT} read") in kinds
    assert len(bed.server.paths(host("links"))) == 1 + 50


def test_a_site_going_down_mid_patrol_is_reported_and_no_longer_asked(bed: Bed) -> None:
    site = bed.sites[0]
    bed.server.down_after[site.host] = 5
    options = bed.options()
    (result,) = patrol([target(site)], options)
    assert result.error == SITE_DOWN and not result.stopped
    assert result.columns and result.finished_at is not None
    # Requests in flight when it went down finish; none is started after.
    assert bed.server.served[site.host] <= 5 + options.down_after + options.connections
    assert any(column.error for column in result.columns)


def test_malformed_markup_is_read_as_far_as_it_goes(bed: Bed) -> None:
    column = ColumnTarget("c01", "新闻动态")
    (result,) = patrol([fault_target("malformed", (column,))], bed.options())
    assert result.error is None
    (listed,) = result.columns
    assert listed.url == f"http://{host('malformed')}/c01/" and len(listed.items) >= 2


def test_an_unmapped_site_of_a_demo_cluster_is_never_dialled(bed: Bed) -> None:
    unmapped = PatrolTarget("3312999999", ("www.nowhere.gov.cn",))
    (result,) = patrol([unmapped], bed.options())
    assert result.error == OFF_LIMITS_HOST and result.requests == 0


def test_a_dead_site_is_a_result_with_its_error(bed: Bed) -> None:
    from tests.probe_sites import dead_port

    bed.mapping[("www.dead.gov.cn", 80)] = ("127.0.0.1", dead_port())
    (result,) = patrol([PatrolTarget("3312999998", ("www.dead.gov.cn",))], bed.options())
    assert result.error == "unreachable" and result.columns == []


def test_a_failure_inside_the_patrol_costs_only_its_site(
    bed: Bed, monkeypatch: pytest.MonkeyPatch
) -> None:
    import console.patrol.site as site_patrol

    def broken(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("a page the parser chokes on")

    monkeypatch.setattr(site_patrol, "discover", broken)
    results = patrol([target(bed.sites[0]), fault_target("loop")], bed.options())
    errors = sorted(result.error or "" for result in results)
    assert errors[0].startswith(FAILED) and "chokes" in errors[0]
    assert errors[1] == "too_many_redirects"


def test_a_site_without_a_domain_is_reported_as_such_and_asks_nothing(bed: Bed) -> None:
    bare = PatrolTarget("1100000099", (), (ColumnTarget("c01", "新闻动态"),))
    (result,) = patrol([bare], bed.options())
    assert result.error == NO_DOMAIN and result.requests == 0 and not result.stopped
    assert result.report()["error"] == NO_DOMAIN and result.finished_at is not None
    assert bed.server.requests == []
