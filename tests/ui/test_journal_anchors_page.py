"""The auditor records anchors from the journal page and verification checks them."""

from __future__ import annotations

import json
from pathlib import Path

from console.db import SessionFactory
from console.operators import service as operators
from tests.core.test_journal_anchors import rechain
from tests.core.test_rights import tiny_cluster
from tests.staff import PASSWORD
from ui.permissions.tab import TAB, PermissionsTab
from ui.tasks import Database


def test_an_anchor_taken_on_the_page_catches_a_recomputed_chain(
    sqlite_sessions: SessionFactory, tmp_path: Path, run
) -> None:  # type: ignore[no-untyped-def]
    tiny_cluster(sqlite_sessions, sites=1)
    database = Database(sqlite_sessions)
    actor = run(database.call(operators.login, "aud", PASSWORD))
    tab = TAB.build(TAB, database, actor, None)
    assert isinstance(tab, PermissionsTab) and tab.journal is not None
    page = tab.journal
    page.anchors_path = tmp_path / "kept" / "anchors.jsonl"
    try:
        result = run(page.verify())  # no anchors yet: the chain alone
        assert result is not None and result.intact
        taken = run(page.anchor())
        assert taken is not None and "已记录锚点" in page.verdict.text()
        (line,) = page.anchors_path.read_text().splitlines()
        assert json.loads(line)["seq"] == taken.seq
        result = run(page.verify())
        assert result is not None and result.intact

        rechain(sqlite_sessions, 2, "someone-else")
        result = run(page.verify())
        assert result is not None and not result.intact
        assert f"锚点 第 {taken.seq} 条" in page.verdict.text()

        page.anchors_path.write_text("not an anchor\n")
        assert run(page.verify()) is None
        assert "不是有效的锚点记录" in page.verdict.text()
    finally:
        tab.deleteLater()
        database.close()
