"""The 用户权限 tab: accounts and grants for the security administrator, the journal for audit.

Pages open by duty (三员分立): the security administrator sees 编辑账号, 授权表 and 操作员;
the audit administrator sees 操作日志; everyone else is told which duty each page needs.
"""

from __future__ import annotations

import asyncio

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.permissions import grants
from console.schema import Duty
from ui.area_tab import AreaTab, TabSpec
from ui.i18n import translated
from ui.permissions.accounts_page import AccountsPage
from ui.permissions.grid_page import GridPage
from ui.permissions.journal_page import JournalPage
from ui.permissions.operators_page import OperatorsPage
from ui.tasks import Database

SCREENSHOT_ACCOUNT_ROW = 0


class PermissionsTab(AreaTab):
    """Inner pages gated by duty; refreshing the tab refreshes each page it shows."""

    def __init__(
        self, spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None = None
    ) -> None:
        super().__init__(spec, database, actor, parent)
        self.accounts: AccountsPage | None = None
        self.grid: GridPage | None = None
        self.operators: OperatorsPage | None = None
        self.journal: JournalPage | None = None
        self.inner = QTabWidget(self)
        self.inner.setObjectName("inner_permissions")
        security = actor.holds(Duty.SECURITY_ADMIN)
        audit = actor.holds(Duty.AUDIT_ADMIN)
        if security:
            self.accounts = AccountsPage(database, actor, self)
            self.grid = GridPage(database, actor, self)
            self.operators = OperatorsPage(database, actor, self)
            self.adopt(self.accounts.pane)
            self.adopt(self.operators.pane)
        if audit:
            self.journal = JournalPage(database, actor, self)
            self.adopt(self.journal.pane)
        pages: list[tuple[str, QWidget]] = [
            (QT_TR_NOOP("编辑账号"), self.accounts or self.access_note([Duty.SECURITY_ADMIN])),
            (QT_TR_NOOP("授权表"), self.grid or self.access_note([Duty.SECURITY_ADMIN])),
            (QT_TR_NOOP("控制台操作员"), self.operators or self.access_note([Duty.SECURITY_ADMIN])),
            (QT_TR_NOOP("操作日志"), self.journal or self.access_note([Duty.AUDIT_ADMIN])),
        ]
        for title, page in pages:
            self.inner.addTab(page, translated(title))
        if not security and audit:
            self.inner.setCurrentIndex(3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inner)

    async def refresh(self) -> None:
        """Reload every page the operator may see."""
        jobs = []
        if self.accounts is not None and self.grid is not None and self.operators is not None:
            jobs += [self.accounts.refresh(), self.grid.refresh(), self.operators.pane.refresh()]
        if self.journal is not None:
            jobs.append(self.journal.pane.refresh())
        await asyncio.gather(*jobs)

    async def stage_for_screenshot(self) -> None:
        """Select an account with 先审后发 conflicts if any (else the first) and show its rights."""
        if self.accounts is None:
            if self.journal is not None:
                await self.journal.verify()
            return
        page = self.accounts
        flagged = await self.database.call(grants.conflicts, self.actor)
        row = SCREENSHOT_ACCOUNT_ROW
        if flagged:
            page.site.blockSignals(True)
            page.site.setCurrentIndex(max(page.site.findData(flagged[0].site_id), 0))
            page.site.blockSignals(False)
            await page.apply_filters()
            model = page.pane.model
            ids = [model.row_id(r) for r in range(model.rowCount())]
            row = ids.index(flagged[0].account_id) if flagged[0].account_id in ids else row
        if page.pane.model.rowCount():
            page.pane.view.selectRow(row)
            await page.show_account(row)


def build(spec: TabSpec, database: Database, actor: Actor, parent: QWidget | None) -> AreaTab:
    """Make the 用户权限 tab."""
    return PermissionsTab(spec, database, actor, parent)


TAB = TabSpec("permissions", QT_TR_NOOP("用户权限"), "secadmin", build)
