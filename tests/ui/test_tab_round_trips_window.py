"""The round-trip budget of opening each tab, read off the real window rather than listed by
hand: every read a tab's refresh asks of the database (the supervision figures included,
which the window computes in a worker process) is replayed alone on the wire and costs at most
4 round trips."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from console.base.actor import Actor
from console.db import for_reads
from console.demo import generate
from console.schema import Duty
from console.supervision.service import overview
from tests.core.test_tab_round_trips import BUDGET
from tests.ui.conftest import until
from tests.wire import Metered
from ui.main_window import MainWindow
from ui.tasks import Database

EVERYONE = Actor(1, "everyone", frozenset(Duty))

Asked = tuple[str, Callable[..., Any], tuple[Any, ...], dict[str, Any]]


@pytest.fixture
def demo(metered: Metered) -> Metered:
    """The small demo city on a server engine (an embedded database has no round trips)."""
    if metered.engine_name == "sqlite":
        pytest.skip("an embedded database has no round trips")
    generate(metered.sessions, sites=30, posts=300)
    return metered


@dataclass
class Recorder:
    """The services a window's database was asked to run, and how many still run."""

    database: Database
    asked: list[Asked] = field(default_factory=list)
    running: int = 0


@pytest.fixture
def recorded(demo: Metered, monkeypatch: pytest.MonkeyPatch) -> Iterator[Recorder]:
    """A window's database that notes every service it is asked to run, then runs it."""
    recorder = Recorder(Database(demo.sessions))
    for kind in ("call", "read"):
        original = getattr(recorder.database, kind)

        async def noting(service: Any, *args: Any, _kind: str = kind, _run: Any = original,
                         **kwargs: Any) -> Any:  # fmt: skip
            recorder.asked.append((_kind, service, args, kwargs))
            recorder.running += 1
            try:
                return await _run(service, *args, **kwargs)
            finally:
                recorder.running -= 1

        monkeypatch.setattr(recorder.database, kind, noting)

    async def figures_here(_database: Database, actor: Actor, under: Any, windows: Any) -> Any:
        return await recorder.database.read(overview, actor, under, None, windows)

    monkeypatch.setattr("ui.supervision.tab.overview_elsewhere", figures_here)
    yield recorder
    recorder.database.close()


def _replayed(demo: Metered, asked: Asked) -> int:
    kind, service, args, kwargs = asked
    sessions = demo.sessions if kind == "call" else for_reads(demo.sessions)
    service(sessions, *args, **kwargs)  # connections made, as in a console open a while
    with demo.meter.measure() as count:
        service(sessions, *args, **kwargs)
    return count.round_trips


def test_every_read_a_tab_makes_when_it_opens_is_within_budget(  # type: ignore[no-untyped-def]
    demo: Metered, recorded: Recorder, run
) -> None:
    window = MainWindow(recorded.database, EVERYONE, "demo")
    seen: dict[str, set[str]] = {}
    try:
        for key, tab in window.area_tabs.items():
            before = len(recorded.asked)
            run(tab.refresh(), timeout=120)
            run(until(lambda: recorded.running == 0, "the tab's reads done", timeout=60))
            seen[key] = {a[1].__qualname__ for a in recorded.asked[before:]}
    finally:
        window.close()
    # Every tab asked for something: a window that read nothing would pass for a fast one.
    assert all(seen.values()), seen
    assert "overview" in seen["supervision"]
    distinct = {(a[0], a[1], repr(a[2]), repr(a[3])): a for a in recorded.asked}
    over = {
        f"{a[1].__module__}.{a[1].__qualname__}{a[2]!r}": trips
        for a in distinct.values()
        if (trips := _replayed(demo, a)) > BUDGET
    }
    assert not over
