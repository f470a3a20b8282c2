"""The 监管 figures' worker keeps its database between refreshes, and survives a dropped
connection (run here, in this process: the worker calls the same function)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from console.base.actor import Actor
from console.db import engine_of
from console.demo import generate
from console.schema import Duty
from tests.core.test_round_trips import _kill
from tests.wire import Metered
from ui.supervision import elsewhere

EVERYONE = Actor(1, "everyone", frozenset(Duty))


@pytest.fixture
def worker() -> Iterator[None]:
    """The worker's kept database closed afterwards, as a new worker process starts without."""
    yield
    for sessions in elsewhere._kept.values():
        engine_of(sessions).dispose()
    elsewhere._kept.clear()


@pytest.mark.server
def test_a_refresh_reuses_the_kept_connection_and_a_drop_is_read_again(
    metered: Metered, db_url: URL, worker: None
) -> None:
    if metered.engine_name == "sqlite":
        pytest.skip("an embedded database has no connection to keep")
    generate(metered.sessions, sites=12, posts=60)
    url = metered.url.render_as_string(hide_password=False)
    first = elsewhere._compute(url, EVERYONE, None, (30,))
    with metered.meter.measure() as count:
        again = elsewhere._compute(url, EVERYONE, None, (30,))
    # The figures' three rounds and nothing of connecting (TCP, login, setup: four more).
    assert count.round_trips == 3
    assert again.facts.headline == first.facts.headline
    _kill(db_url, metered.engine_name)
    assert elsewhere._compute(url, EVERYONE, None, (30,)).facts.headline == first.facts.headline
    assert list(elsewhere._kept) == [url]
