"""Each 监管 figure opens the list behind it: its tab current, only the matching rows shown."""

from __future__ import annotations

from pathlib import Path

from console.base import clock
from console.filings.rules import Urgency
from console.presets.inspection import RULES, UNREACHABLE
from console.screening import PERSONAL_CATEGORY
from tests.supervision_cluster import ZONE, add_edges, build
from tests.ui.conftest import until
from tests.ui.test_supervision_tab import close, open_window
from ui.filings.tab import DUE_SOON, OVERDUE_ONLY, FilingsTab
from ui.presets.tab import PresetsTab
from ui.review.tab import ReviewTab
from ui.sites.tab import SitesTab
from ui.supervision.tab import SupervisionTab


def figure(tab: SupervisionTab, key: str) -> int:
    """The number a headline button shows."""
    return int(tab.headline.buttons[key].text().split("\n")[0])


def test_filing_figures_open_the_overdue_and_the_due_soon_sites(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run)
    try:
        run(tab.refresh())
        filings = window.area_tabs["filings"]
        assert isinstance(filings, FilingsTab)
        overdue = figure(tab, "overdue")
        assert overdue >= 1
        tab.headline.buttons["overdue"].click()
        assert window.tabs.currentWidget() is filings
        assert filings.scope.currentIndex() == OVERDUE_ONLY
        run(until(lambda: bool(filings.statuses), "the statuses judged"))
        shown = filings.status_model.records
        assert len(shown) == overdue
        assert all(s.urgency == Urgency.OVERDUE for s in shown)

        window.tabs.setCurrentWidget(tab)
        due = figure(tab, "due")
        tab.headline.buttons["due"].click()
        assert filings.scope.currentIndex() == DUE_SOON
        shown = filings.status_model.records
        assert len(shown) == due and due >= 1
        assert all(s.due_within(filings.as_of) for s in shown)
        assert not {s.site_id for s in shown} & {
            s.site_id for s in filings.statuses if s.urgency == Urgency.OVERDUE
        }
    finally:
        close(window)


def test_risk_figures_open_the_risk_list_narrowed_to_their_rule(
    sqlite_sessions, run, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run)
    try:
        run(tab.refresh())
        presets = window.area_tabs["presets"]
        assert isinstance(presets, PresetsTab)
        tab.headline.buttons["risk_sites"].click()
        assert window.tabs.currentWidget() is presets
        page = presets.risks
        run(until(lambda: bool(page.results), "the sites inspected"))
        assert len(page.model.records) == figure(tab, "risk_sites") >= 3
        broken = 0
        for key, rule in [*((f"risk.{r}", r) for r in RULES), ("below", UNREACHABLE)]:
            window.tabs.setCurrentWidget(tab)
            tab.headline.buttons[key].click()
            assert window.tabs.currentWidget() is presets
            assert page.rule.currentData() == rule
            shown = page.model.records
            assert len(shown) == figure(tab, key), key
            assert all(any(r.rule == rule for r in site.risks) for site in shown)
            broken += bool(shown)
        assert broken >= 2  # the home page and the blank columns name a site each
        tab.headline.buttons["risk.home"].click()
        target = tmp_path / "home.csv"
        assert run(page.export_to(target)) == len(page.model.records) == figure(tab, "risk.home")
        assert len(target.read_text(encoding="utf-8-sig").splitlines()) == 1 + figure(
            tab, "risk.home"
        )
    finally:
        close(window)


def test_a_portals_figures_open_only_its_subtree(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    ids = build(sqlite_sessions)
    window, tab = open_window(sqlite_sessions, run)
    try:
        run(tab.refresh())
        index = next(i for i in range(tab.scope.count()) if "3312020001" in tab.scope.itemText(i))
        tab.scope.setCurrentIndex(index)
        run(tab.reload())
        tab.headline.buttons["running"].click()
        sites = window.area_tabs["sites"]
        assert isinstance(sites, SitesTab) and window.tabs.currentWidget() is sites
        assert sites.subtree == tab.scope.currentData()
        assert sites.filters.state.currentData() == "running"
        pane = sites.panes[0]
        run(until(lambda: pane.model.rowCount() == figure(tab, "running") == 2, "two sites"))

        window.tabs.setCurrentWidget(tab)
        tab.headline.buttons["availability"].click()
        filings = window.area_tabs["filings"]
        assert isinstance(filings, FilingsTab) and window.tabs.currentWidget() is filings
        assert filings.inner.currentWidget() is filings.sweeper

        window.tabs.setCurrentWidget(tab)
        tab.headline.buttons["risk_sites"].click()
        page = window.area_tabs["presets"]
        assert isinstance(page, PresetsTab)
        run(until(lambda: bool(page.risks.results), "the sites inspected"))
        shown = page.risks.model.records
        assert len(shown) == figure(tab, "risk_sites") >= 1
        assert all(site.code.startswith("331202") for site in shown)
        box = page.risks.in_scope
        assert box.isChecked() and not box.isHidden() and "溪东区人民政府" in box.text()
        box.setChecked(False)  # the whole cluster again
        assert len(page.risks.model.records) > len(shown)

        # The city portal: its counties' sites are not of its region code, yet of its scope.
        index = next(i for i in range(tab.scope.count()) if tab.scope.itemData(i) == ids["P"])
        tab.scope.setCurrentIndex(index)
        window.tabs.setCurrentWidget(tab)
        run(tab.reload())
        tab.headline.buttons["risk_sites"].click()
        assert box.isChecked()
        codes = {site.code[:6] for site in page.risks.model.records}
        assert len(page.risks.model.records) == figure(tab, "risk_sites") and len(codes) == 2
        window.tabs.setCurrentWidget(filings)
        run(until(lambda: bool(filings.statuses), "the statuses judged"))
        filings = window.area_tabs["filings"]
        assert isinstance(filings, FilingsTab)
        for key, shown_kind in (("overdue", OVERDUE_ONLY), ("due", DUE_SOON)):
            window.tabs.setCurrentWidget(tab)
            tab.headline.buttons[key].click()
            assert window.tabs.currentWidget() is filings
            assert filings.scope.currentIndex() == shown_kind
            assert filings.status_model.rowCount() == figure(tab, key) >= 1, key
    finally:
        close(window)


def test_review_figures_open_as_many_items_as_they_count(sqlite_sessions, run) -> None:  # type: ignore[no-untyped-def]
    ids = build(sqlite_sessions)
    add_edges(sqlite_sessions, ids, clock.today(ZONE))  # the tab's figures are as of today
    window, tab = open_window(sqlite_sessions, run, "reviewer")
    try:
        run(tab.refresh())
        review = window.area_tabs["review"]
        assert isinstance(review, ReviewTab)
        browser = review.browser
        browser.status_tabs.setCurrentIndex(2)  # somewhere else first: the click must move it
        expected = {"backlog": ("", 4), "decisions": ("", 3), "personal": (PERSONAL_CATEGORY, 2)}
        for key, (category, count) in expected.items():
            window.tabs.setCurrentWidget(tab)
            tab.headline.buttons[key].click()
            assert window.tabs.currentWidget() is review
            assert browser.status == "all" and browser.category.currentData() == category
            assert browser.held_box.isChecked() and not browser.held_box.isHidden()
            model = browser.pane.model
            run(until(lambda: model.rowCount() == figure(tab, key) == count, key))  # noqa: B023
        browser.held_box.setChecked(False)  # every item with personal data, of any month
        run(until(lambda: browser.pane.model.rowCount() == 4, "every personal item"))

        window.tabs.setCurrentWidget(tab)
        index = next(i for i in range(tab.scope.count()) if "3312020001" in tab.scope.itemText(i))
        tab.scope.setCurrentIndex(index)
        run(tab.reload())
        for key in ("backlog", "decisions"):
            window.tabs.setCurrentWidget(tab)
            tab.headline.buttons[key].click()
            assert browser.site.currentData() == -tab.scope.currentData()
            assert "溪东区人民政府" in browser.site.currentText()
            model = browser.pane.model
            run(until(lambda: model.rowCount() == figure(tab, key) == 1 + (key == "backlog"), key))  # noqa: B023
    finally:
        close(window)
