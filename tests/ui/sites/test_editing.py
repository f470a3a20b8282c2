"""Editing in the 站点 tab's detail pane: saving, refusals, conflicts and lifecycle steps."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QMessageBox,
)
from sqlalchemy import select, update

from console.db import SessionFactory
from console.operators import service as operators
from console.schema import Site, SiteState, utcnow
from console.sites.service import update_site
from console.sites.views import site_detail
from tests.site_drafts import DEPT
from tests.staff import PASSWORD
from tests.ui.conftest import until
from tests.ui.sites.kit import (
    names,
    show_site,
    shown,
    type_into,
    visible,
)
from ui.sites.tab import SitesTab


def test_an_edit_is_saved_and_journalled_in_the_history_tab(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    show_site(tab, run, DEPT.code)
    type_into(tab.detail.form.name, "云溪市教育局（新）")
    assert tab.detail.save_button.isEnabled()
    assert run(tab.detail.save())
    assert tab.detail.history.rowCount() >= 2
    assert "云溪市教育局（新）" in tab.detail.history.item(0, 3).text()
    run(until(lambda: "云溪市教育局（新）" in names(tab)))


def test_a_running_site_at_inspection_risk_shows_the_badge_with_the_reason(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    site_id = show_site(tab, run, DEPT.code)
    assert tab.detail.risk.isVisibleTo(tab.detail)
    assert "首页 14 天内未更新" in tab.detail.risk.text()
    with sqlite_sessions.begin() as session:
        session.execute(update(Site).values(home_updated_at=utcnow()))
    run(tab.detail.load(site_id))
    assert not tab.detail.risk.isVisibleTo(tab.detail)


def test_a_bad_edit_is_refused_with_the_rule_and_the_input_kept(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    show_site(tab, run, DEPT.code)
    tab.detail.form.domains.selectAll()
    QTest.keyClicks(tab.detail.form.domains, "jyj.yunxi.com")
    assert not run(tab.detail.save())
    assert ".gov.cn" in tab.detail.message.text()
    assert tab.detail.form.domains.toPlainText() == "jyj.yunxi.com"


@pytest.mark.parametrize("choice", ["reload", "overwrite"])
def test_a_concurrent_edit_is_shown_and_resolved_as_the_operator_chooses(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory, choice: str
) -> None:
    site_id = show_site(tab, run, DEPT.code)
    other = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    seen = site_detail(sqlite_sessions, other, site_id).version
    theirs = dataclasses.replace(DEPT, name="他人改的名字", organiser_name="云溪市教育体育局")
    update_site(sqlite_sessions, other, site_id, seen, theirs)
    type_into(tab.detail.form.name, "我改的名字")

    async def save_and_answer() -> bool:
        saving = asyncio.ensure_future(tab.detail.save())
        await until(lambda: visible(QMessageBox, "conflictBox") is not None)
        box = visible(QMessageBox, "conflictBox")
        assert isinstance(box, QMessageBox)
        assert "sysadmin" in box.text()
        assert "网站名称：云溪市教育局 → 他人改的名字" in box.informativeText()
        assert "主办单位：云溪市教育局 → 云溪市教育体育局" in box.informativeText()
        assert "网站名称：云溪市教育局 → 我改的名字" in box.informativeText()
        wanted = "覆盖为我的修改" if choice == "overwrite" else "放弃我的修改并重新载入"
        next(b for b in box.buttons() if b.text() == wanted).click()
        return await saving

    saved = run(save_and_answer())
    with sqlite_sessions() as session:
        name, organiser = session.execute(
            select(Site.name, Site.organiser_name).where(Site.id == site_id)
        ).one()
    # Either way the other operator's change of the organiser survives.
    assert organiser == "云溪市教育体育局"
    if choice == "overwrite":
        assert saved and name == "我改的名字"
        assert tab.detail.form.organiser.text() == "云溪市教育体育局"
    else:
        assert not saved and name == "他人改的名字"
        assert tab.detail.form.name.text() == "他人改的名字"


def test_a_lifecycle_step_lacking_its_prerequisite_names_what_is_missing(
    tab: SitesTab, run
) -> None:  # type: ignore[no-untyped-def]
    show_site(tab, run, "3312000003")
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    assert SiteState.RETIRED in steps
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.MERGED))
    assert tab.detail.merge_target.isVisibleTo(tab.detail)
    # Checked before the irreversible question: no target, or itself, is refused unasked.
    assert not run(tab.detail.step())
    assert tab.detail.message.text() and visible(QMessageBox, "finalStepBox") is None
    tab.detail.merge_target.setText("3312000003")
    assert not run(tab.detail.step())
    assert "不能整合到自身" in tab.detail.message.text()
    assert visible(QMessageBox, "finalStepBox") is None
    # The target is searched by name as well as code.
    run(until(lambda: tab.detail.merge_target.loaded))
    completer = tab.detail.merge_target.completer()
    completer.setCompletionPrefix("教育")
    assert completer.currentCompletion().startswith(DEPT.code)
    tab.detail.merge_target.setText(completer.currentCompletion())
    assert run(step_answering(tab, "转为“整合迁移”"))
    assert "并入" in tab.detail.state_label.text()


async def step_answering(tab: SitesTab, button: str | None) -> bool:
    """Take the detail pane's chosen step, confirming with ``button`` (None: cancel)."""
    stepping = asyncio.ensure_future(tab.detail.step())
    await until(lambda: visible(QMessageBox, "finalStepBox") is not None)
    box = visible(QMessageBox, "finalStepBox")
    assert isinstance(box, QMessageBox)
    assert tab.detail.detail is not None and tab.detail.detail.draft.name in box.text()
    if button is None:
        box.button(QMessageBox.StandardButton.Cancel).click()
    else:
        next(b for b in box.buttons() if b.text() == button).click()
    return await stepping


def test_retiring_one_site_asks_first_and_a_no_changes_nothing(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    show_site(tab, run, "3312000004")
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.RETIRED))
    assert not run(step_answering(tab, None))
    assert tab.detail.detail is not None and tab.detail.detail.state == SiteState.RUNNING
    assert run(step_answering(tab, "转为“永久下线”"))
    assert tab.detail.detail is not None and tab.detail.detail.state == SiteState.RETIRED
    assert not tab.detail.form.isEnabled()
    assert "转为“永久下线”" in tab.detail.history.item(0, 2).text()


def test_a_step_after_someone_elses_edit_names_them_and_shows_the_site_as_it_now_is(  # type: ignore[no-untyped-def]
    tab: SitesTab, run, sqlite_sessions: SessionFactory
) -> None:
    site_id = show_site(tab, run, "3312000005")
    other = operators.login(sqlite_sessions, "sysadmin", PASSWORD)
    seen = site_detail(sqlite_sessions, other, site_id)
    update_site(
        sqlite_sessions, other, site_id, seen.version, dataclasses.replace(seen.draft, name="新名")
    )
    steps = [tab.detail.next_state.itemData(i) for i in range(tab.detail.next_state.count())]
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.CHANGING))
    assert not run(tab.detail.step())
    assert "sysadmin" in tab.detail.message.text()
    assert tab.detail.form.name.text() == "新名"
    tab.detail.next_state.setCurrentIndex(steps.index(SiteState.CHANGING))
    assert run(tab.detail.step())


def test_a_refresh_keeps_the_unsaved_edits_of_the_site_shown(tab: SitesTab, run) -> None:  # type: ignore[no-untyped-def]
    show_site(tab, run, DEPT.code)
    type_into(tab.detail.form.name, "云溪市教育局（未保存）")
    assert tab.holds_unsaved_edits()
    run(tab.refresh())
    assert tab.detail.form.name.text() == "云溪市教育局（未保存）"
    assert tab.detail.save_button.isEnabled()


@pytest.mark.parametrize("answer", ["cancel", "discard"])
def test_choosing_another_site_over_unsaved_edits_asks_first(
    tab: SitesTab, run, answer: str
) -> None:  # type: ignore[no-untyped-def]
    first = show_site(tab, run, DEPT.code)
    type_into(tab.detail.form.name, "云溪市教育局（未保存）")
    assert tab.pane is not None
    tab.pane.view.selectRow(shown(tab).index("3312000004"))
    run(until(lambda: visible(QMessageBox, "discardEditsBox") is not None))
    box = visible(QMessageBox, "discardEditsBox")
    assert isinstance(box, QMessageBox) and "云溪市教育局" in box.text()
    if answer == "cancel":
        box.button(QMessageBox.StandardButton.Cancel).click()
        run(
            until(
                lambda: (
                    tab.pane is not None
                    and tab.pane.view.currentIndex().row() == shown(tab).index(DEPT.code)
                )
            )
        )
        assert tab.detail.detail is not None and tab.detail.detail.id == first
        assert tab.detail.form.name.text() == "云溪市教育局（未保存）"
    else:
        box.button(QMessageBox.StandardButton.Discard).click()
        run(
            until(
                lambda: (
                    tab.detail.detail is not None and tab.detail.detail.draft.code == "3312000004"
                )
            )
        )
        assert not tab.holds_unsaved_edits()
