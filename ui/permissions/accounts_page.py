"""The accounts page: structured filters over the list of editor accounts and the actions on
them; beside the list, the selected account and its rights (``AccountPanel``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.base.labels import ACCOUNT_STATUSES, ROLES
from console.permissions import accounts, scopes
from console.permissions.accounts import ACCOUNTS, AccountDetail
from console.permissions.grant_rules import Plan, Verdict
from console.permissions.scopes import SiteRef
from console.schema import AccountStatus
from ui.flow import FlowLayout, captioned
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.permissions.account_dialogs import AccountDialog, ImportDialog
from ui.permissions.account_panel import AccountPanel
from ui.permissions.common import confirm, narrow
from ui.permissions.plan_dialogs import BulkGrantDialog, HandoverDialog, RevokeAllDialog
from ui.tasks import Database, spawn

IDLE_CHOICES = (
    (None, QT_TR_NOOP("不限")),
    (30, QT_TR_NOOP("30 天未登录")),
    (90, QT_TR_NOOP("90 天未登录")),
    (180, QT_TR_NOOP("180 天未登录")),
)
# The actions that need an account shown (the others work on the list or make accounts).
ON_THE_ACCOUNT = ("edit", "disable", "enable", "unlock", "handover", "revoke_all")


class AccountsPage(QWidget):
    """Accounts with filters and actions on the left, the selected account on the right."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.database, self.actor = database, actor
        self.sites: list[SiteRef] = []
        self.pane = ListPane(ACCOUNTS, database, actor, self)
        self.pane.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: spawn(self.show_account(current.row()), "account")
        )
        self.pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pane.view.customContextMenuRequested.connect(self._context_menu)
        self.outcome = message_label(self, "accountOutcome")
        self.detail = AccountPanel(database, actor, self.outcome, self)
        self.detail.changed.connect(lambda message: spawn(self._after_change(message), "change"))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self._filters())
        left_layout.addLayout(self._commands())
        left_layout.addWidget(self.outcome)
        left_layout.addWidget(self.pane, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._show_detail(None)

    def _filters(self) -> FlowLayout:
        self.site = QComboBox(self)
        self.site.setObjectName("siteFilter")
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(self.tr("单位名称包含"))
        self.role = QComboBox(self)
        self.role.addItem(self.tr("任何角色"), None)
        for code, label in ROLES.items():
            self.role.addItem(translated(label), str(code))
        self.status = QComboBox(self)
        self.status.addItem(self.tr("任何状态"), None)
        for code, label in ACCOUNT_STATUSES.items():
            self.status.addItem(translated(label), str(code))
        self.idle = QComboBox(self)
        for days, label in IDLE_CHOICES:
            self.idle.addItem(translated(label), days)
        # Wrapping rows: the page never needs more width than one filter (any language).
        filters = FlowLayout()
        self.site.setMinimumContentsLength(12)
        self.site.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for caption, widget in (
            (self.tr("网站"), self.site),
            (self.tr("单位"), self.organisation),
            (self.tr("角色"), self.role),
            (self.tr("状态"), self.status),
            (self.tr("最近登录"), self.idle),
        ):
            filters.addWidget(captioned(caption, widget, self))
        for combo in (self.site, self.role, self.status, self.idle):
            combo.currentIndexChanged.connect(lambda _i: spawn(self.apply_filters(), "filter"))
        self.organisation.returnPressed.connect(lambda: spawn(self.apply_filters(), "filter"))
        return filters

    def _commands(self) -> FlowLayout:
        """A button and a keyed action for each of ``_action_specs``."""
        bar = FlowLayout()
        self.commands: dict[str, QAction] = {}
        for key, text, shortcut, handler in self._action_specs():
            action = QAction(text, self)
            action.setObjectName(f"action_{key}")
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _c=False, h=handler, k=key: spawn(h(), k))
            self.addAction(action)
            self.commands[key] = action
            # The mnemonic stays: Alt+B presses 批量授权(B) as its underline promises.
            button = QPushButton(text, self)
            button.setObjectName(f"button_{key}")
            button.clicked.connect(action.trigger)
            if shortcut:
                button.setToolTip(shortcut)
            bar.addWidget(button)
        return bar

    def _action_specs(self) -> list[tuple[str, str, str, Callable[[], Awaitable[Any]]]]:
        return [
            ("new", self.tr("新建(&N)…"), "Ctrl+N", self.create_account),
            ("edit", self.tr("修改(&E)…"), "Ctrl+E", self.edit),
            (
                "disable",
                self.tr("停用", "动作"),
                "",
                lambda: self.set_status(AccountStatus.DISABLED),
            ),
            ("enable", self.tr("启用", "动作"), "", lambda: self.set_status(AccountStatus.ACTIVE)),
            ("unlock", self.tr("解锁"), "", self.unlock),
            ("import", self.tr("导入…"), "", self.import_accounts),
            ("bulk", self.tr("批量授权(&B)…"), "Ctrl+B", self.bulk_grant),
            ("handover", self.tr("移交授权…"), "", self.handover),
            ("revoke_all", self.tr("撤销全部授权…"), "", self.revoke_all),
        ]

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for key in ("edit", "disable", "enable", "unlock", "bulk", "handover", "revoke_all"):
            menu.addAction(self.commands[key])
        menu.popup(self.pane.view.viewport().mapToGlobal(point))

    # -- loading -----------------------------------------------------------------------

    @property
    def current(self) -> AccountDetail | None:
        """The account shown beside the list."""
        return self.detail.current

    async def refresh(self) -> None:
        """Reload the site choices, the list and the selected account."""
        sites = await attempt(self.outcome, self.database.shared(scopes.sites, self.actor))
        if sites is not REFUSED:
            self.sites = sites
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("全部网站"), None)
        for site in self.sites:
            self.site.addItem(f"{site.code} {site.name}", site.id)
        index = self.site.findData(chosen)
        self.site.setCurrentIndex(max(index, 0))
        self.site.blockSignals(False)
        await self.apply_filters()

    async def apply_filters(self) -> None:
        """Narrow the list by site, organisation, role, status and idle time."""
        listing = accounts.filtered(
            role=self.role.currentData(),
            site_id=self.site.currentData(),
            idle_days=self.idle.currentData(),
            organisation=self.organisation.text(),
            status=self.status.currentData(),
        )
        await narrow(self.pane, listing, [])
        if self.current is not None:
            await self.show_account(-1, self.current.id)

    def selected_ids(self) -> list[int]:
        """Ids of the selected rows, in list order."""
        return [self.pane.model.row_id(r) for r in self._selected_rows()]

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.pane.view.selectionModel().selectedRows()})

    async def show_account(self, row: int, account_id: int | None = None) -> None:
        """Show the account at ``row`` (or ``account_id``) and its rights."""
        if account_id is None:
            if row < 0 or row >= self.pane.model.rowCount():
                return
            account_id = self.pane.model.row_id(row)
        detail = await attempt(
            self.outcome, self.database.call(accounts.detail, self.actor, account_id)
        )
        if detail is REFUSED:
            self._show_detail(None)
            return
        self._show_detail(detail)
        await self.detail.load_rights()

    def _show_detail(self, detail: AccountDetail | None) -> None:
        self.detail.show_detail(detail)
        for key in ON_THE_ACCOUNT:
            self.commands[key].setEnabled(detail is not None)
        if detail is not None:
            self.commands["unlock"].setEnabled(detail.status == AccountStatus.LOCKED)
            self.commands["enable"].setEnabled(detail.status == AccountStatus.DISABLED)
            self.commands["disable"].setEnabled(detail.status != AccountStatus.DISABLED)

    # -- actions -----------------------------------------------------------------------

    async def _after_change(self, message: str) -> None:
        say(self.outcome, message, "good")
        await self.pane.refresh()
        if self.current is not None:
            await self.show_account(-1, self.current.id)

    async def _run(self, service: Callable[..., Any], *args: Any) -> bool:
        done = await attempt(self.outcome, self.database.call(service, self.actor, *args))
        return done is not REFUSED

    async def create_account(self) -> None:
        """Open a new account."""
        dialog = AccountDialog(self.database, self.actor, None, parent=self)
        if await dialog.save():
            username = dialog.fields().username
            await self._after_change(self.tr("已新建账号 {u}。").format(u=username))
        dialog.deleteLater()

    async def edit(self) -> None:
        """Change the selected account (its phone shown in full only inside the form)."""
        if self.current is None:
            return
        phone = await self.detail.revealed(self.current.id)
        if phone is None:
            return
        dialog = AccountDialog(self.database, self.actor, self.current, phone, self)
        if await dialog.save():
            username = dialog.fields().username
            await self._after_change(self.tr("已保存账号 {u}。").format(u=username))
        dialog.deleteLater()

    async def set_status(self, status: str) -> None:
        """Disable or re-enable the selected account."""
        current = self.current
        if current is None:
            return
        if status == AccountStatus.DISABLED:
            question = self.tr("停用账号 {u}？停用后其授权保留但不再生效。").format(
                u=current.username
            )
            if not await confirm(self, self.tr("停用账号"), question):
                return
        if await self._run(accounts.set_status, current.id, status, current.version):
            changed = self.tr("账号 {u} 的状态已更新。").format(u=current.username)
            await self._after_change(changed)

    async def unlock(self) -> None:
        """Unlock the selected account after failed logins."""
        current = self.current
        if current is not None and await self._run(accounts.unlock, current.id, current.version):
            await self._after_change(self.tr("已解锁账号 {u}。").format(u=current.username))

    async def import_accounts(self) -> None:
        """Import accounts from a file after a checked preview."""
        dialog = ImportDialog(self.database, self.actor, self)
        imported = await dialog.run()
        dialog.deleteLater()
        if imported:
            await self._after_change(self.tr("已导入 {n} 个账号。").format(n=imported))

    async def bulk_grant(self) -> None:
        """Grant a role to the selected accounts over many sites."""
        model = self.pane.model
        names = [model.data(model.index(row, 0)) for row in self._selected_rows()]
        dialog = BulkGrantDialog(self.database, self.actor, names, self.sites, self)
        plan = await dialog.run()
        dialog.deleteLater()
        if plan is not None:
            done = self.tr("批量授权完成：新增 {n} 项。").format(n=_applied(plan))
            await self._after_change(done)

    async def handover(self) -> None:
        """Copy the selected account's grants to another account."""
        if self.current is None:
            return
        dialog = HandoverDialog(self.database, self.actor, self.current, self)
        plan = await dialog.run()
        dialog.deleteLater()
        if plan is not None:
            done = self.tr("移交完成：新增 {n} 项授权。").format(n=_applied(plan))
            await self._after_change(done)

    async def revoke_all(self) -> None:
        """Withdraw every grant of the selected (leaving) account."""
        if self.current is None:
            return
        dialog = RevokeAllDialog(self.database, self.actor, self.current, self)
        plan = await dialog.run()
        disabled = dialog.disable.isChecked() and dialog.disable.isEnabled()
        dialog.deleteLater()
        if plan is not None:
            message = self.tr("已撤销 {n} 项授权。").format(n=len(plan.rows))
            await self._after_change(message + (self.tr("账号已停用。") if disabled else ""))


def _applied(plan: Plan) -> int:
    return plan.count(Verdict.APPLY)
