"""The 安全备案 tab: urgency list with reasons, detail and edits, calendar, live sweeps."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker

from console.base import clock
from console.base.cluster import mark_demo
from console.db import SessionFactory
from console.db.engine import make_engine
from console.filings import sweeps as probes
from console.filings.settings import FilingSettings, change_settings
from console.operators import service as operators
from console.probes.dialing import Dialer, parse_connect_to
from console.schema import Filing, JournalEntry, ProbeResult, Site
from tests.probe_sites import LocalSites, footer_html, local_sites
from tests.probe_sites import loopback_only as loopback_only  # autouse: loopback only
from tests.site_server import Page
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.fixtures import small_cluster
from ui.filings.tab import FilingsTab
from ui.long_work import cancel_all
from ui.main_window import MainWindow
from ui.settings_dialog import ClusterSettingsDialog
from ui.tasks import Database

ICP = "浙ICP备2019012345号-{n}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalSites]:
    with local_sites(tmp_path_factory.mktemp("sites")) as running:
        yield running


def cluster(sessions: SessionFactory) -> None:
    """Five sites: 1 in order, 2 without 公安备案 (overdue), 3 due for 测评, 4–5 unfiled."""
    small_cluster(sessions, sites=5)
    today = clock.today(clock.zone_named(clock.DEFAULT_ZONE))
    opened = today - dt.timedelta(days=200)
    with sessions.begin() as session:
        session.execute(update(Site).values(opened_on=opened))
        common = {
            "icp_date": opened, "mlps_level": 3, "graded_on": opened,
            "mlps_form_number": "33120000123", "mlps_filed_on": opened + dt.timedelta(days=5),
            "assessment_result": "符合", "rectification_notes": "", "version": 1,
        }  # fmt: skip
        session.execute(
            insert(Filing),
            [
                {**common, "site_id": 1, "icp_number": ICP.format(n=1),
                 "psb_number": "浙公网安备33120202000001号", "psb_date": opened,
                 "assessed_on": today - dt.timedelta(days=30)},
                {**common, "site_id": 2, "icp_number": ICP.format(n=2),
                 "assessed_on": today - dt.timedelta(days=30)},
                {**common, "site_id": 3, "icp_number": ICP.format(n=3),
                 "psb_number": "浙公网安备33120202000003号", "psb_date": opened,
                 "assessed_on": today - dt.timedelta(days=350)},
            ],
        )  # fmt: skip


def open_tab(
    sessions: SessionFactory, run, username: str = "sysadmin"
) -> tuple[MainWindow, FilingsTab]:  # type: ignore[no-untyped-def]
    database = Database(sessions)
    actor = run(database.call(operators.login, username, PASSWORD))
    window = MainWindow(database, actor, "test.sqlite3")
    window.show()
    tab = window.area_tabs["filings"]
    assert isinstance(tab, FilingsTab)
    window.tabs.setCurrentWidget(tab)
    return window, tab


def close(window: MainWindow) -> None:
    window.close()
    window.database.close()


def test_sites_are_listed_by_urgency_with_reasons_and_a_detail(
    sqlite_sessions, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cluster(sqlite_sessions)
    window, tab = open_tab(sqlite_sessions, run)
    try:
        for model in (tab.status_model, tab.calendar_model, tab.sweeper.model):
            QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
        run(tab.refresh())
        codes = [s.code for s in tab.status_model.records]
        # Needs action first: 2 (公安 overdue), 4 and 5 (nothing filed), then 3 (测评 due soon).
        assert set(codes[:3]) == {"3312000002", "3312000004", "3312000005"}
        assert codes[3] == "3312000003" and "3312000001" not in codes
        reasons = tab.status_model.data(tab.status_model.index(codes.index("3312000002"), 6))
        assert "公安联网备案逾期" in reasons
        assert "显示 4 / 5" in tab.summary.text()
        tab.scope.setCurrentIndex(1)
        assert tab.status_model.rowCount() == 5
        tab.filter.setText("3312000003")
        assert [s.code for s in tab.status_model.records] == ["3312000003"]
        tab.filter.clear()
        assert [d.code for d in tab.calendar_model.records] == ["3312000003"]
        assert "1 项" in tab.calendar_summary.text()
        assert run(tab.export_calendar_to(tmp_path / "calendar.csv")) == 1
        exported = (tmp_path / "calendar.csv").read_text(encoding="utf-8-sig")
        assert "到期日" in exported and "3312000003" in exported

        run(tab.stage_for_screenshot())
        assert tab.detail.detail is not None
        current = tab.status_model.record(tab.status_view.currentIndex().row())
        assert tab.detail.detail.code == current.code
        assert current.urgency == tab.status_model.records[0].urgency
        assert tab.detail.findings.count() >= 1
    finally:
        close(window)


def test_the_system_administrator_files_the_missing_psb_number(
    sqlite_sessions, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cluster(sqlite_sessions)
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        run(tab.detail.show_site(2))
        tab.detail.edits["psb_number"].setText("浙公网安备 3312")
        run(tab.detail.save())
        assert "公安联网备案号" in tab.detail.message.text()  # the validator's reason
        tab.detail.edits["psb_number"].setText("浙公网安备33120202000002号")
        tab.detail.edits["psb_date"].setText("yesterday")
        run(tab.detail.save())
        assert "YYYY-MM-DD" in tab.detail.message.text()
        tab.detail.edits["psb_date"].setText(tab.database.today().isoformat())
        run(tab.detail.save())
        assert tab.detail.message.text() == "已保存。"
        run(until(lambda: "3312000002" not in [s.code for s in tab.status_model.records][:1]))

        scan = tmp_path / "公安备案证明.pdf"
        scan.write_bytes(b"%PDF-1.4")
        tab.detail.use_file(scan)  # what 选择文件… does with the chosen file
        assert tab.detail.attachment_label.text() == "公安备案证明"
        run(tab.detail.attach())
        assert tab.detail.attachments.count() == 1 and tab.detail.detail is not None
        assert str(scan) in tab.detail.attachments.item(0).text()
        tab.detail.attachments.setCurrentRow(0)
        run(tab.detail.detach())
        assert tab.detail.attachments.count() == 0 and tab.detail.detail.version == 4
        with sqlite_sessions() as session:
            assert session.scalar(select(Filing.version).where(Filing.site_id == 2)) == 4
            assert (
                session.scalar(
                    select(JournalEntry.action).order_by(JournalEntry.seq.desc()).limit(1)
                )
                == "filing.detach"
            )
    finally:
        close(window)


def test_a_sweep_streams_outcomes_stores_history_and_reviewers_only_read(
    sqlite_sessions, run, sites: LocalSites, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cluster(sqlite_sessions)
    mapping = []
    for i in range(1, 6):
        host = f"d{i}.yunxi.gov.cn"
        sites.server.pages[("http", host)] = Page(200, footer_html(f"331200{i:04d}"))
        port = sites.http_port if i != 5 else sites.dead_port
        mapping += [f"{host}:80:127.0.0.1:{port}", f"{host}:443:127.0.0.1:{sites.dead_port}"]
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        tab.sweeper.dialer = Dialer(parse_connect_to(mapping))
        outcomes = run(tab.sweeper.run_sweep())
        assert len(outcomes) == 5 == tab.sweeper.model.rowCount()
        assert tab.sweeper.progress.value() == 5
        assert sum(1 for o in outcomes if o.ok) == 4
        assert "已存入历史 5 条" in tab.sweeper.summary.text()

        def history() -> int:
            with sqlite_sessions() as session:
                return int(session.scalar(select(func.count()).select_from(ProbeResult)) or 0)

        assert history() == 5
        run(until(lambda: any(f.rule == "down" for s in tab.statuses for f in s.findings)))
        run(tab.detail.show_site(5))
        QAbstractItemModelTester(
            tab.detail.recent, QAbstractItemModelTester.FailureReportingMode.Fatal
        )
        assert tab.detail.recent.rowCount() == 1 and not tab.detail.recent.record(0).ok
        site5 = next(s for s in tab.statuses if s.code == "3312000005")
        # Down now, but one failed probe today is no week of probes: not judged unreachable.
        assert [f.rule for f in site5.findings if f.rule.startswith(("down", "unreach"))] == [
            "down"
        ]
        assert run(tab.export_to(tmp_path / "urgency.csv")) == tab.status_model.rowCount()
        assert "原因" in (tmp_path / "urgency.csv").read_text(encoding="utf-8-sig")
        tab.sweeper.timer.timeout.emit()  # what the schedule does every interval
        run(until(lambda: history() == 10 and not tab.sweeper.running))
    finally:
        close(window)
    window, tab = open_tab(sqlite_sessions, run, "reviewer")
    try:
        run(tab.refresh())
        assert not tab.sweeper.all_button.isEnabled()
        assert not tab.detail.save_button.isEnabled() or not tab.detail.editable
        assert tab.status_model.rowCount() > 0
    finally:
        close(window)


def test_a_sweep_can_be_stopped(sqlite_sessions, run, sites: LocalSites) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=40)
    mapping = []
    for i in range(1, 41):
        host = f"d{i}.yunxi.gov.cn"
        sites.server.pages[("http", host)] = Page(200, "slow", delay=0.3)
        mapping += [
            f"{host}:80:127.0.0.1:{sites.http_port}",
            f"{host}:443:127.0.0.1:{sites.dead_port}",
        ]
    admin = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    change_settings(sqlite_sessions, admin, FilingSettings(probe_workers=2))
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        tab.sweeper.dialer = Dialer(parse_connect_to(mapping))

        async def sweep_and_stop():  # type: ignore[no-untyped-def]
            task = asyncio.ensure_future(tab.sweeper.run_sweep())
            await until(lambda: tab.sweeper.model.rowCount() >= 1)
            tab.sweeper.stop()
            return await task

        outcomes = run(sweep_and_stop())
        assert 1 <= len(outcomes) < 40
        assert tab.sweeper.summary.text().startswith("已停止")
        assert tab.sweeper.all_button.isEnabled()

        async def sweep_and_quit():  # type: ignore[no-untyped-def]
            tab.sweeper.model.set_records([])
            task = asyncio.ensure_future(tab.sweeper.run_sweep())
            await until(lambda: tab.sweeper.model.rowCount() >= 1)
            cancel_all()  # what quitting the console does
            return await task

        assert 1 <= len(run(sweep_and_quit())) < 40
    finally:
        close(window)


def test_settings_change_the_schedule_and_the_level_2_period(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    cluster(sqlite_sessions)
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        assert tab.sweeper.timer.isActive()  # every 60 minutes by default
        assert "60" in tab.sweeper.schedule_label.text()

        async def change() -> None:
            task = asyncio.ensure_future(tab.edit_settings())
            await until(lambda: tab.findChild(ClusterSettingsDialog) is not None)
            dialog = tab.findChild(ClusterSettingsDialog)
            await until(dialog.isVisible)
            assert all(key.startswith("filings.") for key in dialog.editors)
            dialog.editors["filings.sweep_interval_min"].setValue(0)
            dialog.editors["filings.level2_assessment_months"].setValue(12)
            dialog.accept()
            await task

        run(change())
        assert not tab.sweeper.timer.isActive()
        assert tab.settings.level2_assessment_months == 12
        with sqlite_sessions() as session:
            last = session.scalar(select(JournalEntry.action).order_by(JournalEntry.seq.desc()))
        assert last == "setting.change"
    finally:
        close(window)


def test_outcomes_the_database_refused_are_kept_and_stored_when_it_returns(
    sqlite_sessions, run, sites: LocalSites, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=2)
    mapping = []
    for i in (1, 2):
        host = f"d{i}.yunxi.gov.cn"
        sites.server.pages[("http", host)] = Page(200, footer_html(f"331200{i:04d}"))
        mapping += [f"{host}:80:127.0.0.1:{sites.http_port}",
                    f"{host}:443:127.0.0.1:{sites.dead_port}"]  # fmt: skip
    # The first attempt to store meets a database that is gone (a real refused connection).
    gone = sessionmaker(make_engine(make_url("postgresql+psycopg://nobody@127.0.0.1:9/none")))
    real_record = probes.record_sweep
    attempts: list[int] = []

    def record(sessions: SessionFactory, *args: object) -> int:
        attempts.append(1)
        return real_record(gone if len(attempts) == 1 else sessions, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(probes, "record_sweep", record)
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        tab.sweeper.dialer = Dialer(parse_connect_to(mapping))
        assert len(run(tab.sweeper.run_sweep())) == 2
        assert "暂未存入历史" in tab.sweeper.summary.text() and len(tab.sweeper.unsaved) == 1

        def stored() -> int:
            with sqlite_sessions() as session:
                return int(session.scalar(select(func.count()).select_from(ProbeResult)) or 0)

        assert stored() == 0
        run(tab.refresh())  # the database answers again
        run(until(lambda: stored() == 2))
        run(until(lambda: "补存探测记录 2 条" in tab.sweeper.summary.text()))
        assert tab.sweeper.unsaved == []
    finally:
        close(window)


def test_a_demo_cluster_is_not_probed_over_the_network(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    small_cluster(sqlite_sessions, sites=3)
    with sqlite_sessions.begin() as session:
        mark_demo(session)
    window, tab = open_tab(sqlite_sessions, run)
    try:
        run(tab.refresh())
        assert run(tab.sweeper.run_sweep()) == []
        assert "演示站群" in tab.sweeper.summary.text()
        assert tab.sweeper.all_button.isEnabled()
        with sqlite_sessions() as session:
            assert session.scalar(select(func.count()).select_from(ProbeResult)) == 0
    finally:
        close(window)
