"""Small things operators tripped over: a site picked in the tree opens, a calendar entry opens
its filing, Alt+B presses 批量授权(B), and the preset header counts the columns after an edit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from console.operators import service as operators
from tests.core.test_rights import tiny_cluster
from tests.site_drafts import DEPT
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.sites.kit import DEPARTMENTS, opened_tab, settle
from tests.ui.test_filings_tab import cluster as filings_cluster
from tests.ui.test_filings_tab import open_tab as open_filings
from tests.ui.test_presets_tab import tab as presets_tab  # noqa: F401 (a fixture)
from ui.permissions.tab import TAB, PermissionsTab
from ui.presets.tab import PresetsTab
from ui.sites.tab import SitesTab
from ui.tasks import Database


def test_a_site_picked_in_the_tree_opens_as_well(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    with opened_tab(sqlite_sessions, run) as tab:
        _pick_education(tab, run)
        run(settle(tab))
        shown = tab.detail
        run(until(lambda: shown.detail is not None and shown.detail.draft.code == DEPT.code))


def _pick_education(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    model = tab.tree_model
    root = model.root_index()
    run(until(lambda: model.rowCount(root) == 1))
    portal = model.index(0, 0, root)
    model.fetchMore(portal)
    run(until(lambda: model.rowCount(portal) == DEPARTMENTS))
    education = next(
        model.index(r, 0, portal)
        for r in range(model.rowCount(portal))
        if "教育局" in str(model.index(r, 0, portal).data())
    )
    tab.tree.setCurrentIndex(education)


def test_a_calendar_entry_double_clicked_opens_its_filing(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    filings_cluster(sqlite_sessions)
    window, tab = open_filings(sqlite_sessions, run)
    try:
        run(tab.refresh())
        tab.inner.setCurrentIndex(1)
        view = tab.calendar_view
        run(until(lambda: tab.calendar_model.rowCount() == 1))
        where = view.visualRect(tab.calendar_model.index(0, 2)).center()
        # A person's double click: press, release, then the second press.
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
        run(until(lambda: tab.inner.currentIndex() == 0))
        run(until(lambda: tab.detail.detail is not None and tab.detail.detail.code == "3312000003"))
    finally:
        window.close()
        window.database.close()


def test_the_preset_header_counts_the_columns_as_edited(presets_tab: PresetsTab) -> None:  # noqa: F811
    editor = presets_tab.editor
    count = len(editor.model.all_codes())
    assert f"{count} 个栏目" in editor.title.text()
    editor.view.setCurrentIndex(editor.model.index_of(editor.model.roots[-1]))
    removed = 1 + len(editor.model.roots[-1].children)
    editor.actions_by_name["remove"].trigger()
    assert f"{count - removed} 个栏目" in editor.title.text()
    editor.stack.undo()
    assert f"{count} 个栏目" in editor.title.text()


def test_alt_b_presses_the_bulk_grant_button(run, sqlite_sessions) -> None:  # type: ignore[no-untyped-def]
    tiny_cluster(sqlite_sessions, sites=1)
    database = Database(sqlite_sessions)
    actor = run(database.call(operators.login, "sec", PASSWORD))
    tab = PermissionsTab(TAB, database, actor)
    try:
        assert tab.accounts is not None
        button = tab.accounts.findChild(QPushButton, "button_bulk")
        assert isinstance(button, QPushButton)
        assert button.shortcut() == QKeySequence("Alt+B")
        assert button.text().replace("&", "") == "批量授权(B)…"
    finally:
        tab.close()
        database.close()
