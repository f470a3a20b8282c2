"""The 监管 tab: first in the window, figures loaded in the background, numbers that open their
lists, charts, ranking, jobs, a narrower scope, and the monthly report with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtTest import QAbstractItemModelTester

from console.base.cluster_service import change_settings
from console.db import SessionFactory
from console.operators import service as operators
from tests.staff import PASSWORD
from tests.supervision_cluster import build
from tests.ui.conftest import until
from ui.main_window import MainWindow
from ui.supervision.tab import SupervisionTab
from ui.tasks import Database


def open_window(sessions: SessionFactory, run, username: str = "sysadmin"):  # type: ignore[no-untyped-def]
    database = Database(sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.show()
    tab = window.area_tabs["supervision"]
    assert isinstance(tab, SupervisionTab)
    return window, tab


def close(window: MainWindow) -> None:
    window.close()
    window.database.close()


def test_the_tab_comes_first_and_shows_figures_charts_ranking_and_jobs(
    sqlite_sessions, run
) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run)
    try:
        assert window.tabs.widget(0) is tab and window.tabs.tabText(0) == "监管"
        for model in (tab.ranking_model, tab.jobs_model):
            QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        run(tab.refresh())
        assert tab.headline.buttons["running"].text().startswith("4\n")
        scores = [u.score for u in tab.ranking_model.records]
        assert len(scores) == 3 and scores == sorted(scores)
        names = {s.name for s in tab.jobs_model.records}
        assert {"probes.round", "queue.scan", "report.monthly"} <= names
        assert all(state.late for state in tab.jobs_model.records)  # never run yet
        assert all(n >= 1 for n in tab.charts.drawn())
        assert "得分 = 100" in window.findChild(type(tab.status), "formula").text()
        tab.headline.buttons["overdue"].click()
        assert window.tabs.currentWidget() is window.area_tabs["filings"]
    finally:
        close(window)


def test_a_portal_narrows_every_figure_and_its_number_opens_a_filtered_list(
    sqlite_sessions, run
) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run)
    try:
        run(tab.refresh())
        index = next(i for i in range(tab.scope.count()) if "3312020001" in tab.scope.itemText(i))
        tab.scope.setCurrentIndex(index)
        run(tab.reload())
        assert tab.headline.buttons["running"].text().startswith("2\n")
        assert len(tab.ranking_model.records) == 2
        tab.span.setCurrentIndex(2)
        run(tab.reload())
        assert tab.seen is not None and 365 in tab.seen.trends
        tab.headline.buttons["running"].click()
        sites = window.area_tabs["sites"]
        assert window.tabs.currentWidget() is sites
        model = sites.panes[0].model
        run(until(lambda: model.rowCount() == 2, "the sites list narrowed to the portal's"))
    finally:
        close(window)


def test_the_monthly_report_is_generated_with_progress_and_its_folder_opened(
    sqlite_sessions, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    admin = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    change_settings(sqlite_sessions, admin, {"report.folder": str(tmp_path / "reports")})
    window, tab = open_window(sqlite_sessions, run)
    opened: list[Path] = []
    tab.open_folder = opened.append
    seen: list[int] = []
    try:
        run(tab.refresh())
        tab.month.setCurrentIndex(tab.month.findText("2026-11"))
        tab.progress.valueChanged.connect(seen.append)
        run(tab.generate_report())
        assert tab.written is not None and tab.written.pdf.exists()
        assert opened == [tmp_path / "reports"] and seen and max(seen) == 4
        assert "已生成" in tab.status.text()
    finally:
        close(window)


def test_the_auditor_is_told_who_may_read_it(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run, "auditor")
    try:
        run(tab.refresh())
        assert tab.findChild(type(window.operator_label), "accessNote") is not None
    finally:
        close(window)
