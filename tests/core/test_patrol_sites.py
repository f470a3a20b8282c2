"""Patrols of generated sites on loopback: what they find, what they ask, stopping and resuming."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

from console.patrol.fetching import FOREIGN_REDIRECT, user_agent
from console.patrol.gates import Gates, HostGate, Stopped
from console.patrol.navigation import NORMALISED
from console.patrol.records import PageRecord, PatrolMemory
from console.patrol.results import NO_ADDRESS, REGISTERED, SiteResult
from console.patrol.run import patrol
from console.patrol.site import SitePatrol
from tests import certs
from tests.patrol_server import Bed, patrol_bed, target
from tests.patrol_sites import FOREIGN, HIDDEN_TARGETS, MISSING, Entry, GovSite, generate
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only

CLUSTER = "云溪市政府网站集约化平台"


@pytest.fixture
def site() -> GovSite:
    return generate(11, 1)


@pytest.fixture
def bed(site: GovSite) -> Iterator[Bed]:
    with patrol_bed([site, generate(11, 2, charset="gbk", label="utf-8")]) as running:
        yield running


def one(bed: Bed, site: GovSite, memory: PatrolMemory | None = None, **kw: object) -> SiteResult:
    known = kw.pop("known", ())
    (result,) = patrol([target(site, known)], bed.options(), memory, **kw)  # type: ignore[arg-type]
    return result


def comparable(result: SiteResult) -> dict[str, object]:
    """The report less what depends on how it was fetched (counts of requests)."""
    report = result.report()
    for key in ("requests", "not_modified"):
        report.pop(key)
    return report


def test_a_patrol_finds_columns_last_updates_posts_and_link_problems(
    bed: Bed, site: GovSite
) -> None:
    result = one(bed, site)
    assert result.error is None and not result.stopped
    by_code = {column.code: column for column in result.columns}
    for column in site.columns:
        found = by_code[column.code]
        if column.name == MISSING:
            assert found.url is None and found.error == NO_ADDRESS
            continue
        assert found.url == site.url(column.path) and found.error is None
        assert found.last_item_date == site.expected_last_update(column.code)
        assert len(found.items) == len(column.shown())
        assert found.dated == (column.form != "undated")
    assert by_code["c01"].found_by == NORMALISED  # the menu says 政務公開
    assert {post.url for post in result.new_posts} == {
        url for url in site.article_urls() if by_code[url.split("/")[3]].url
    }
    post = next(p for p in result.new_posts if p.url.endswith(site.columns[1].entries[0].path))
    assert site.columns[1].entries[0].body.split("。")[0] in post.text and len(post.digest) == 64
    broken = {(b["url"].removeprefix(f"http://{site.host}"), b["home"])
              for b in result.report()["broken_links"]}  # fmt: skip
    assert ("/missing.html", True) in broken and ("/missing.html", False) in broken
    gone = next(e for e in site.columns[0].entries if not e.exists)
    assert (gone.path, False) in broken and (gone.path, True) not in broken
    (foreign,) = [link for link in result.links if link.foreign]
    assert foreign.url == site.url("/partner") and foreign.redirected_to == FOREIGN
    assert foreign.error == FOREIGN_REDIRECT and not foreign.broken
    assert {h.url for h in result.hidden_links} == set(HIDDEN_TARGETS)
    assert all(h.on == f"http://{site.host}/" for h in result.hidden_links)
    assert result.unchecked_links >= 3  # www.gov.cn and the hidden targets are not dialled
    paths = bed.server.paths(site.host)
    assert len(paths) == len(set(paths)), "an address was fetched twice in one patrol"
    assert result.requests == len(paths) and result.pages == len(result.new_posts) + 8


def test_a_site_that_answers_https_is_patrolled_over_https(
    bed: Bed, site: GovSite, tmp_path: Path
) -> None:
    authority = certs.authority(tmp_path)
    port = bed.server.listen(*authority.issue(tmp_path, "site", [site.host]))
    bed.mapping[(site.host, 443)] = ("127.0.0.1", port)
    (result,) = patrol([target(site)], bed.options(ca_bundle=str(authority.pem)))
    assert result.error is None and result.home_url == f"https://{site.host}/"
    assert all(c.url is None or c.url.startswith("https://") for c in result.columns)
    # Over plain HTTP only the footer's absolute http:// link to the portal is checked.
    plain = [r.path for r in bed.server.requests if r.host == site.host and r.scheme == "http"]
    assert plain == ["/"]


def test_a_registered_address_is_used_as_it_is(bed: Bed, site: GovSite) -> None:
    missing = next(c for c in site.columns if c.name == MISSING)
    registered = {missing.code: site.url(missing.path)}
    (result,) = patrol([target(site, registered=registered)], bed.options())
    column = next(c for c in result.columns if c.code == missing.code)
    assert column.found_by == REGISTERED and column.last_item_date is not None


def test_a_gbk_site_labelled_utf8_reads_right(bed: Bed) -> None:
    gbk = bed.sites[1]
    result = one(bed, gbk)
    titles = {item.title for column in result.columns for item in column.items}
    assert gbk.columns[1].entries[0].title in titles
    assert any("为进一步做好相关工作" in p.text or "各地各部门" in p.text for p in result.new_posts)


def test_the_second_patrol_of_an_unchanged_site_asks_conditionally_and_hears_304(
    bed: Bed, site: GovSite
) -> None:
    memory = PatrolMemory()
    first = one(bed, site, memory)
    bed.server.requests.clear()
    second = one(bed, site, memory, known={post.url for post in first.new_posts})
    asked = [r for r in bed.server.requests if r.host == site.host]
    gone = next(e for e in site.columns[0].entries if not e.exists)
    # Only what had no validators to give is asked outright: the redirect and the two 404s.
    plain = {r.path for r in asked if "if-none-match" not in r.headers}
    assert plain == {"/partner", "/missing.html", gone.path}
    assert second.not_modified == len(asked) - 3
    assert second.new_posts == [] and second.pages == 8
    assert [c.report() for c in second.columns] == [c.report() for c in first.columns]
    assert second.report()["broken_links"] == first.report()["broken_links"]


def test_without_etags_the_patrol_asks_if_modified_since(bed: Bed, site: GovSite) -> None:
    bed.server.with_etags = False
    memory = PatrolMemory()
    one(bed, site, memory)
    bed.server.requests.clear()
    second = one(bed, site, memory)
    home = next(r for r in bed.server.requests if r.path == "/")
    assert home.headers["if-modified-since"] == site.last_modified
    assert second.not_modified >= 8


def test_a_new_item_costs_its_list_page_and_its_article(bed: Bed, site: GovSite) -> None:
    memory = PatrolMemory()
    first = one(bed, site, memory)
    column = site.columns[1]
    newest = column.entries[0]
    column.entries.insert(0, Entry("/c02/new.html", "新发布的通知", newest.date, "新内容。"))
    second = one(bed, site, memory, known={post.url for post in first.new_posts})
    assert [post.url for post in second.new_posts] == [site.url("/c02/new.html")]
    # Changed: the home page (its news), the list and its next page, and the new article;
    # the redirect and the two 404s are asked outright; everything else is unchanged.
    assert second.not_modified == second.requests - 7


def test_a_stopped_patrol_resumes_without_fetching_anything_twice(bed: Bed, site: GovSite) -> None:
    with patrol_bed([generate(11, 1)]) as other:
        whole = one(other, other.sites[0])
    stop = threading.Event()

    def halt(_request: object) -> None:
        if len(bed.server.requests) >= 20:
            stop.set()

    bed.server.on_request = halt
    memory = PatrolMemory()
    first = one(bed, site, memory, stop=stop)
    assert first.stopped
    bed.server.on_request = None
    second = one(bed, site, memory, since=first.started_at)
    assert not second.stopped and second.error is None
    paths = bed.server.paths(site.host)
    assert len(paths) == len(set(paths)), "the resumed patrol fetched again"
    assert comparable(second) == comparable(whole)
    assert first.requests + second.requests == whole.requests


def test_records_survive_a_round_trip_through_json(bed: Bed, site: GovSite) -> None:
    result = one(bed, site)
    again = [PageRecord.from_json(record.as_json()) for record in result.records]
    assert again == result.records


def test_the_user_agent_names_the_console_and_the_cluster(bed: Bed, site: GovSite) -> None:
    options = bed.options(user_agent=user_agent(CLUSTER))
    patrol([target(site)], options)
    agent = bed.server.requests[0].headers["user-agent"]
    assert agent.startswith("ClusterConsole-Patrol/") and CLUSTER in unquote(agent)


def test_a_host_is_asked_at_most_two_at_once() -> None:
    gates = Gates(connections=2, spacing=0.0)
    inside, most = 0, 0
    lock, two_in, release = threading.Lock(), threading.Event(), threading.Event()

    def visit() -> None:
        nonlocal inside, most
        with gates.turn("www.s1.patrol.gov.cn"):
            with lock:
                inside += 1
                most = max(most, inside)
                if inside == 2:
                    two_in.set()
            release.wait(10)
            with lock:
                inside -= 1

    threads = [threading.Thread(target=visit) for _ in range(5)]
    for thread in threads:
        thread.start()
    assert two_in.wait(10)
    assert not gates.gate("www.s1.patrol.gov.cn").slots.acquire(blocking=False)
    release.set()
    for thread in threads:
        thread.join(10)
    assert most == 2


def test_requests_to_a_host_start_half_a_second_apart() -> None:
    now = [100.0]
    gate = HostGate(2, 0.5, clock=lambda: now[0])
    assert [gate.wait_for_start() for _ in range(3)] == [0.0, 0.5, 1.0]
    now[0] += 5.0  # a quiet host: the next may start at once
    assert gate.wait_for_start() == 0.0


def test_a_stopped_patrol_does_not_wait_for_its_turn() -> None:
    stop = threading.Event()
    stop.set()
    with pytest.raises(Stopped), Gates(spacing=60.0, stop=stop).turn("h"):
        pass


def test_a_site_stopped_before_its_home_page_is_stopped_not_failed(bed: Bed, site: GovSite) -> None:
    stop = threading.Event()
    stop.set()
    result = SitePatrol(target(site), bed.options(), Gates(stop=stop), PatrolMemory()).run()
    assert result.stopped and result.error is None and result.requests == 0
    assert patrol([target(site)], bed.options(), stop=stop) == []  # not reached: no result
