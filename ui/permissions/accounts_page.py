"""The accounts page: structured filters over the list, and the selected account's rights.

The right-hand side answers "what can this account do, where?": every grant in force (expired
ones on request), each with the grant it comes from, 先审后发 conflicts in amber.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP, joined, translate
from console.base.labels import ACCOUNT_STATUSES, ROLES
from console.permissions import accounts, grants, scopes
from console.permissions.accounts import ACCOUNTS, AccountDetail
from console.permissions.rights import Right
from console.permissions.scopes import SiteRef
from console.schema import AccountStatus, utcnow
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, message_label, say
from ui.list_pane import ListPane
from ui.permissions.account_dialogs import AccountDialog, ImportDialog
from ui.permissions.common import (
    RIGHT_COLUMNS,
    ExpiryEdit,
    confirm,
    held_right,
    narrow,
    tr,
    when,
)
from ui.permissions.plan_dialogs import BulkGrantDialog, HandoverDialog, RevokeAllDialog
from ui.records_model import RecordsModel, records_view
from ui.tasks import Database, spawn

IDLE_CHOICES = (
    (None, QT_TR_NOOP("不限")),
    (30, QT_TR_NOOP("30 天未登录")),
    (90, QT_TR_NOOP("90 天未登录")),
    (180, QT_TR_NOOP("180 天未登录")),
)


class AccountsPage(QWidget):
    """Accounts with filters and actions on the left, the selected account on the right."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountsPage")
        self.database, self.actor = database, actor
        self.sites: list[SiteRef] = []
        self.current: AccountDetail | None = None
        self.rights: list[Right] = []

        self.site = QComboBox(self)
        self.site.setObjectName("siteFilter")
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(tr("单位名称包含"))
        self.role = QComboBox(self)
        self.role.addItem(tr("任何角色"), None)
        for code, label in ROLES.items():
            self.role.addItem(tr(label), str(code))
        self.status = QComboBox(self)
        self.status.addItem(tr("任何状态"), None)
        for code, label in ACCOUNT_STATUSES.items():
            self.status.addItem(tr(label), str(code))
        self.idle = QComboBox(self)
        for days, label in IDLE_CHOICES:
            self.idle.addItem(tr(label), days)
        filters = QHBoxLayout()
        for caption, widget in (
            (tr("网站"), self.site),
            (tr("单位"), self.organisation),
            (tr("角色"), self.role),
            (tr("状态"), self.status),
            (tr("最近登录"), self.idle),
        ):
            caption_label = QLabel(caption, self)
            caption_label.setBuddy(widget)
            filters.addWidget(caption_label)
            filters.addWidget(widget, 2 if widget is self.site else 1)
        for combo in (self.site, self.role, self.status, self.idle):
            combo.currentIndexChanged.connect(lambda _i: spawn(self.apply_filters(), "filter"))
        self.organisation.returnPressed.connect(lambda: spawn(self.apply_filters(), "filter"))

        self.pane = ListPane(ACCOUNTS, database, actor, self)
        self.pane.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: spawn(self.show_account(current.row()), "account")
        )
        self.pane.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.pane.view.customContextMenuRequested.connect(self._context_menu)

        self.actions_bar = QHBoxLayout()
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
            button = QPushButton(text.replace("&", ""), self)
            button.setObjectName(f"button_{key}")
            button.clicked.connect(action.trigger)
            if shortcut:
                button.setToolTip(shortcut)
            self.actions_bar.addWidget(button)
        self.actions_bar.addStretch(1)
        self.outcome = message_label(self, "accountOutcome")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(self.actions_bar)
        left_layout.addWidget(self.outcome)
        left_layout.addWidget(self.pane, 1)

        self.detail_box = QGroupBox(tr("账号详情"), self)
        self.detail_labels: dict[str, QLabel] = {}
        detail_form = QFormLayout(self.detail_box)
        for key, caption in (
            ("username", tr("账号")),
            ("name", tr("姓名")),
            ("organisation", tr("单位")),
            ("site", tr("所属网站")),
            ("phone", tr("手机")),
            ("status", tr("状态")),
            ("last_login", tr("最近登录")),
        ):
            value = QLabel(self.detail_box)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.detail_labels[key] = value
            detail_form.addRow(caption, value)
        self.reveal_button = QPushButton(tr("显示完整手机号（记入日志）"), self.detail_box)
        self.reveal_button.setObjectName("revealPhone")
        self.reveal_button.clicked.connect(lambda: spawn(self.reveal(), "reveal"))
        detail_form.addRow("", self.reveal_button)

        self.rights_title = QLabel(tr("有效权限（每项权限及其来源授权）"), self)
        self.with_expired = QCheckBox(tr("含已过期"), self)
        self.with_expired.toggled.connect(lambda _on: spawn(self.load_rights(), "rights"))
        self.rights_model = RecordsModel(RIGHT_COLUMNS, parent=self)
        self.rights_view = records_view(self.rights_model, RIGHT_COLUMNS, "rightsTable", self)
        self.conflict_note = message_label(self, "conflictNote")
        self.revoke_button = QPushButton(tr("撤销所选授权"), self)
        self.revoke_button.setObjectName("revokeRight")
        self.revoke_button.clicked.connect(lambda: spawn(self.revoke_selected(), "revoke"))
        rights_head = QHBoxLayout()
        rights_head.addWidget(self.rights_title, 1)
        rights_head.addWidget(self.with_expired)
        rights_head.addWidget(self.revoke_button)
        self.renew_button = QPushButton(tr("续期…"), self)
        self.renew_button.setObjectName("renewRight")
        self.renew_button.setToolTip(tr("给所选授权设新的到期时间（含已过期的）"))
        self.renew_button.clicked.connect(lambda: spawn(self.renew_selected(), "renew"))
        rights_head.addWidget(self.renew_button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.detail_box)
        right_layout.addLayout(rights_head)
        right_layout.addWidget(self.conflict_note)
        right_layout.addWidget(self.rights_view, 1)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self._show_detail(None)

    def _action_specs(self) -> list[tuple[str, str, str, Callable[[], Awaitable[Any]]]]:
        return [
            ("new", tr("新建(&N)…"), "Ctrl+N", self.create_account),
            ("edit", tr("修改(&E)…"), "Ctrl+E", self.edit),
            ("disable", tr("停用", "动作"), "", lambda: self.set_status(AccountStatus.DISABLED)),
            ("enable", tr("启用", "动作"), "", lambda: self.set_status(AccountStatus.ACTIVE)),
            ("unlock", tr("解锁"), "", self.unlock),
            ("import", tr("导入…"), "", self.import_accounts),
            ("bulk", tr("批量授权(&B)…"), "Ctrl+B", self.bulk_grant),
            ("handover", tr("移交授权…"), "", self.handover),
            ("revoke_all", tr("撤销全部授权…"), "", self.revoke_all),
        ]

    def _context_menu(self, point: QPoint) -> None:
        menu = QMenu(self)
        for key in ("edit", "disable", "enable", "unlock", "bulk", "handover", "revoke_all"):
            menu.addAction(self.commands[key])
        menu.popup(self.pane.view.viewport().mapToGlobal(point))

    # -- loading -----------------------------------------------------------------------

    async def refresh(self) -> None:
        """Reload the site choices, the list and the selected account."""
        sites = await attempt(self.outcome, self.database.call(scopes.sites, self.actor))
        if sites is not REFUSED:
            self.sites = sites
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(tr("全部网站"), None)
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
        rows = sorted({i.row() for i in self.pane.view.selectionModel().selectedRows()})
        return [self.pane.model.row_id(r) for r in rows]

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
        await self.load_rights()

    def _show_detail(self, detail: AccountDetail | None) -> None:
        self.current = detail
        values = {key: "" for key in self.detail_labels}
        if detail is not None:
            status = translate("", ACCOUNT_STATUSES.get(detail.status, detail.status))
            if detail.failed_logins:
                status += tr("（连续登录失败 {n} 次）").format(n=detail.failed_logins)
            values = {
                "username": detail.username,
                "name": detail.full_name,
                "organisation": detail.organisation,
                "site": f"{detail.site_code} {detail.site_name}".strip(),
                "phone": detail.phone_masked,
                "status": status,
                "last_login": when(detail.last_login_at) or tr("从未登录"),
            }
        for key, label in self.detail_labels.items():
            label.setText(values[key])
        self.reveal_button.setEnabled(detail is not None and bool(values["phone"]))
        for key in ("edit", "disable", "enable", "unlock", "handover", "revoke_all"):
            self.commands[key].setEnabled(detail is not None)
        if detail is not None:
            self.commands["unlock"].setEnabled(detail.status == AccountStatus.LOCKED)
            self.commands["enable"].setEnabled(detail.status == AccountStatus.DISABLED)
            self.commands["disable"].setEnabled(detail.status != AccountStatus.DISABLED)
        if detail is None:
            self.rights_model.set_records([])
            say(self.conflict_note, "")

    async def load_rights(self) -> None:
        """Fetch the current account's rights (and 先审后发 conflicts) and show them."""
        current = self.current
        if current is None:
            return
        account_id = current.id
        expired = self.with_expired.isChecked()
        held = await attempt(
            self.outcome, self.database.call(grants.of, self.actor, account_id, expired)
        )
        if held is REFUSED:
            return
        flagged = await attempt(
            self.outcome, self.database.call(grants.conflicts, self.actor, [account_id])
        )
        if flagged is REFUSED:
            return
        marked = {f.editor_grant_id for f in flagged} | {f.publisher_grant_id for f in flagged}
        now = utcnow()
        self.rights = held
        self.rights_model.set_records([held_right(r, now, r.grant_id in marked) for r in held])
        self.rights_title.setText(
            tr("有效权限：{n} 项（每项权限及其来源授权）").format(n=len(held))
        )
        notes = []
        if held and current.status != AccountStatus.ACTIVE:
            status = translate("", ACCOUNT_STATUSES.get(current.status, ""))
            notes.append(tr("账号{status}：以下授权在启用或解锁前不生效。").format(status=status))
        if flagged:
            sites = sorted({f.site_name for f in flagged})
            text = tr("先审后发冲突：在 {sites} 同一范围内既有“编辑”又有“发布”（黄色行）。")
            notes.append(text.format(sites=joined(sites)))
        say(self.conflict_note, "\n".join(notes), "bad")

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
            await self._after_change(tr("已新建账号 {u}。").format(u=dialog.fields().username))
        dialog.deleteLater()

    async def edit(self) -> None:
        """Change the selected account (its phone shown in full only inside the form)."""
        if self.current is None:
            return
        phone = await self._revealed(self.current.id)
        if phone is None:
            return
        dialog = AccountDialog(self.database, self.actor, self.current, phone, self)
        if await dialog.save():
            await self._after_change(tr("已保存账号 {u}。").format(u=dialog.fields().username))
        dialog.deleteLater()

    async def set_status(self, status: str) -> None:
        """Disable or re-enable the selected account."""
        if self.current is None:
            return
        current = self.current
        if status == AccountStatus.DISABLED:
            question = tr("停用账号 {u}？停用后其授权保留但不再生效。").format(u=current.username)
            if not await confirm(self, tr("停用账号"), question):
                return
        if await self._run(accounts.set_status, current.id, status, current.version):
            await self._after_change(tr("账号 {u} 的状态已更新。").format(u=current.username))

    async def unlock(self) -> None:
        """Unlock the selected account after failed logins."""
        if self.current is not None and await self._run(
            accounts.unlock, self.current.id, self.current.version
        ):
            await self._after_change(tr("已解锁账号 {u}。").format(u=self.current.username))

    async def reveal(self) -> None:
        """Show the full phone number (the reveal is journalled)."""
        if self.current is None:
            return
        phone = await self._revealed(self.current.id)
        if phone is not None:
            self.detail_labels["phone"].setText(phone)

    async def _revealed(self, account_id: int) -> str | None:
        """The account's full phone number (the reveal is journalled); None when refused."""
        phone = await attempt(
            self.outcome, self.database.call(accounts.reveal_phone, self.actor, account_id)
        )
        return None if phone is REFUSED else phone

    def _selected_right(self) -> Right | None:
        rows = self.rights_view.selectionModel().selectedRows()
        if not rows:
            say(self.outcome, tr("请先在右侧选择一项授权。"), "bad")
            return None
        right: Right = self.rights_model.record(rows[0].row()).right
        return right

    async def renew_selected(self) -> None:
        """Set a new expiry on the selected grant (an expired one comes back into force)."""
        right = self._selected_right()
        if right is None:
            return
        dialog = QDialog(self)
        dialog.setObjectName("renewDialog")
        dialog.setWindowTitle(tr("续期授权 #{id}").format(id=right.grant_id))
        expiry = ExpiryEdit(dialog)
        expiry.enabled.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(QLabel(right.scope_label, dialog))
        layout.addWidget(expiry)
        layout.addWidget(buttons)
        accepted = await finished(dialog)
        until = expiry.value()
        dialog.deleteLater()
        if accepted and await self._run(grants.renew, right.grant_id, until):
            await self._after_change(tr("已续期授权 #{id}。").format(id=right.grant_id))

    async def revoke_selected(self) -> None:
        """Revoke the grant selected in the rights table."""
        right = self._selected_right()
        if right is None:
            return
        question = tr("撤销 {u} 在 {scope} 的“{role}”授权？").format(
            u=right.username, scope=right.scope_label, role=tr(ROLES.get(right.role, right.role))
        )
        if await confirm(self, tr("撤销授权"), question) and await self._run(
            grants.revoke, right.grant_id
        ):
            await self._after_change(tr("已撤销授权 #{id}。").format(id=right.grant_id))

    async def import_accounts(self) -> None:
        """Import accounts from a file after a checked preview."""
        dialog = ImportDialog(self.database, self.actor, self)
        imported = await dialog.run()
        dialog.deleteLater()
        if imported:
            await self._after_change(tr("已导入 {n} 个账号。").format(n=imported))

    async def bulk_grant(self) -> None:
        """Grant a role to the selected accounts over many sites."""
        names = [
            self.pane.model.data(self.pane.model.index(row, 0)) for row in self._selected_rows()
        ]
        dialog = BulkGrantDialog(self.database, self.actor, names, self.sites, self)
        plan = await dialog.run()
        dialog.deleteLater()
        if plan is not None:
            await self._after_change(tr("批量授权完成：新增 {n} 项。").format(n=_applied(plan)))

    def _selected_rows(self) -> list[int]:
        return sorted({i.row() for i in self.pane.view.selectionModel().selectedRows()})

    async def handover(self) -> None:
        """Copy the selected account's grants to another account."""
        if self.current is None:
            return
        dialog = HandoverDialog(self.database, self.actor, self.current, self)
        plan = await dialog.run()
        dialog.deleteLater()
        if plan is not None:
            await self._after_change(tr("移交完成：新增 {n} 项授权。").format(n=_applied(plan)))

    async def revoke_all(self) -> None:
        """Withdraw every grant of the selected (leaving) account."""
        if self.current is None:
            return
        dialog = RevokeAllDialog(self.database, self.actor, self.current, self)
        plan = await dialog.run()
        disabled = dialog.disable.isChecked() and dialog.disable.isEnabled()
        dialog.deleteLater()
        if plan is not None:
            message = tr("已撤销 {n} 项授权。").format(n=len(plan.rows))
            await self._after_change(message + (tr("账号已停用。") if disabled else ""))


def _applied(plan: grants.Plan) -> int:
    return plan.count(grants.Verdict.APPLY)
