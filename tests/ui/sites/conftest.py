"""The fixture every 站点 tab test starts from."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from console.db import SessionFactory
from tests.ui.sites.kit import opened_tab
from ui.sites.tab import SitesTab


@pytest.fixture
def tab(sqlite_sessions: SessionFactory, run) -> Iterator[SitesTab]:  # type: ignore[no-untyped-def]
    """The system administrator's 站点 tab over the small city cluster of ``kit``."""
    with opened_tab(sqlite_sessions, run) as widget:
        yield widget
