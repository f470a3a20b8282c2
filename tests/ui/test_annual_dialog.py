"""The annual report form from the site detail: the console's figures with their date, the
entered ones saved (and journalled), a refusal and a conflict told in place, readers look."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit
from sqlalchemy import select

from console.annual.figures import save_figures
from console.base import clock
from console.db import SessionFactory
from console.operators import service as operators
from console.schema import AnnualFigure, JournalEntry
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.sites.kit import DEPT, opened_tab, show_site
from ui.annual.figures_dialog import AnnualFiguresDialog
from ui.tasks import Database


def _dialog(tab) -> AnnualFiguresDialog | None:  # type: ignore[no-untyped-def]
    return tab.detail.findChild(AnnualFiguresDialog)


def test_the_form_opens_from_the_site_detail_and_saves_what_was_typed(
    sqlite_sessions: SessionFactory, run
) -> None:  # type: ignore[no-untyped-def]
    with opened_tab(sqlite_sessions, run) as tab:
        site_id = show_site(tab, run, DEPT.code)
        tab.detail.annual_button.click()
        run(until(lambda: _dialog(tab) is not None and _dialog(tab).report is not None))
        dialog = _dialog(tab)
        assert dialog is not None and dialog.isVisible()
        year = clock.today(dialog.database.zone).year - 1
        assert dialog.year.value() == year
        posts = dialog.findChild(QLabel, "origin_posts_total")
        assert posts is not None and f"控制台统计，截至 {year}-12-31" in posts.text()
        assert dialog.findChild(QLabel, "value_site_code").text() == DEPT.code  # type: ignore[union-attr]
        assert "缺少必填项" in dialog.heading.text()
        visits = dialog.editors["total_visits"]
        assert isinstance(visits, QLineEdit)
        visits.setText("12.5")
        run(dialog.save())
        assert dialog.message.isVisible() and "不小于 0 的整数" in dialog.message.text()
        visits.setText("12000")
        catalogue = dialog.editors["service_catalogue"]
        assert isinstance(catalogue, QComboBox)
        catalogue.setCurrentText("是")
        assert run(dialog.save())
        assert "已保存 2 项" in dialog.message.text()
        assert "sysadmin" in dialog.origins["total_visits"].text()
        with sqlite_sessions() as session:
            stored = {
                f.key: f.value
                for f in session.scalars(
                    select(AnnualFigure).where(AnnualFigure.site_id == site_id)
                )
            }
            action = session.scalar(select(JournalEntry.action).order_by(JournalEntry.seq.desc()))
        assert stored == {"total_visits": "12000", "service_catalogue": "是"}
        assert action == "annual.figures"
        # Another console saves meanwhile: this one is told, and keeps what was typed.
        admin = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
        save_figures(
            sqlite_sessions, admin, site_id, year, {"total_visits": "1"}, {"total_visits": 1}
        )
        visits = dialog.editors["total_visits"]  # the form was laid out again after saving
        assert isinstance(visits, QLineEdit)
        visits.setText("13000")
        assert not run(dialog.save())
        assert "第 1 版" in dialog.message.text() and visits.text() == "13000"
        dialog.reject()


def test_a_reviewer_reads_the_form_but_cannot_save(sqlite_sessions: SessionFactory, run) -> None:  # type: ignore[no-untyped-def]
    with opened_tab(sqlite_sessions, run) as tab:
        site_id = show_site(tab, run, DEPT.code)
        reviewer = operators.login(sqlite_sessions, "reviewer", PASSWORD)
        database = Database(sqlite_sessions)
        dialog = AnnualFiguresDialog(database, reviewer, DEPT.code, site_id)
        try:
            assert run(dialog.load())
            assert not dialog.save_button.isEnabled()
            assert not any(editor.isEnabled() for editor in dialog.editors.values())
            dialog.year.setValue(dialog.year.value() - 1)
            run(
                until(
                    lambda: dialog.report is not None and dialog.report.year == dialog.year.value()
                )
            )
        finally:
            dialog.deleteLater()
            database.close()


def test_the_form_writes_the_sites_report_with_progress(
    sqlite_sessions: SessionFactory, run, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    with opened_tab(sqlite_sessions, run) as tab:
        site_id = show_site(tab, run, DEPT.code)
        admin = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
        database = Database(sqlite_sessions)
        dialog = AnnualFiguresDialog(database, admin, DEPT.code, site_id)
        seen: list[tuple[int, int]] = []
        try:
            dialog.show()
            assert run(dialog.load())
            dialog.generation.bar.valueChanged.connect(
                lambda value: seen.append((value, dialog.generation.bar.maximum()))
            )
            out = tmp_path / "reports"
            out.mkdir()
            assert run(dialog.generate(out))
            written = sorted(p.suffix for p in out.iterdir())
            assert written == [".pdf", ".xlsx", ".xlsx"]
            outcome = dialog.generation.outcome.text()
            assert "已生成 1 个网站的年度报表（3 个文件）" in outcome and "缺少必填项" in outcome
            assert seen and seen[-1][0] == seen[-1][1]
            assert not dialog.generation.bar.isVisible()
            assert not run(dialog.generate(out / "missing"))
            assert "不是可写入的文件夹" in dialog.generation.outcome.text()
        finally:
            dialog.deleteLater()
            database.close()
