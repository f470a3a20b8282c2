"""Work in a worker process: its messages arrive in order before its result, a stop asked
here stops it there, and a refusal comes back as the operator's message."""

from __future__ import annotations

import asyncio
import threading

import pytest

from console.base.errors import InvalidInput
from console.db import SessionFactory
from tests.elsewhere_work import count_until_stopped, refuse
from tests.ui.conftest import until
from ui.elsewhere import Elsewhere
from ui.tasks import Database


def test_messages_come_in_order_and_a_stop_reaches_the_worker(  # type: ignore[no-untyped-def]
    sqlite_sessions: SessionFactory, run
) -> None:
    worker, database = Elsewhere(), Database(sqlite_sessions)
    stop, seen = threading.Event(), []

    async def stopped_after_the_messages() -> object:
        task = asyncio.ensure_future(
            worker.run(database, count_until_stopped, 5, stop=stop, on_message=seen.append)
        )
        await until(lambda: len(seen) == 5, "every message", timeout=60)
        stop.set()
        return await task

    try:
        assert run(stopped_after_the_messages(), 90) == "stopped"
        assert seen == [0, 1, 2, 3, 4]
        with pytest.raises(InvalidInput, match="3312000404"):
            run(worker.run(database, refuse, "3312000404"), 60)
    finally:
        worker.shut_down()
        database.close()
