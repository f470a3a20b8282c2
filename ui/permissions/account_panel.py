"""The account shown on the accounts page: its particulars and "what can it do, where?".

Every grant in force (expired ones on request), each with the grant it comes from, 先审后发
conflicts in amber; the selected grant can be renewed or revoked here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import joined
from console.base.labels import ACCOUNT_STATUSES
from console.permissions import accounts, grants
from console.permissions.accounts import AccountDetail
from console.permissions.rights import Right
from console.schema import AccountStatus, utcnow
from ui.dialogs import finished
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.permissions.common import (
    RIGHT_COLUMNS,
    ExpiryEdit,
    confirm,
    held_right,
    role_label,
    when,
)
from ui.records_model import RecordsModel, records_view
from ui.tasks import Database, spawn


class AccountPanel(QWidget):
    """One account's particulars and rights. Refusals are told in ``outcome`` (the page's
    message line); ``changed(message)`` fires after a grant was renewed or revoked here."""

    changed = Signal(str)

    def __init__(
        self, database: Database, actor: Actor, outcome: QLabel, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.outcome = database, actor, outcome
        self.current: AccountDetail | None = None
        self.detail_box = QGroupBox(self.tr("账号详情"), self)
        self.detail_labels: dict[str, QLabel] = {}
        detail_form = QFormLayout(self.detail_box)
        for key, caption in (
            ("username", self.tr("账号")),
            ("name", self.tr("姓名")),
            ("organisation", self.tr("单位")),
            ("site", self.tr("所属网站")),
            ("phone", self.tr("手机")),
            ("status", self.tr("状态")),
            ("last_login", self.tr("最近登录")),
        ):
            value = QLabel(self.detail_box)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # Long names wrap: selecting an account never widens the window.
            value.setWordWrap(True)
            self.detail_labels[key] = value
            detail_form.addRow(caption, value)
        self.reveal_button = QPushButton(self.tr("显示完整手机号（记入日志）"), self.detail_box)
        self.reveal_button.setObjectName("revealPhone")
        self.reveal_button.clicked.connect(lambda: spawn(self.reveal(), "reveal"))
        detail_form.addRow("", self.reveal_button)
        self.rights_title = QLabel(self.tr("有效权限（每项权限及其来源授权）"), self)
        self.with_expired = QCheckBox(self.tr("含已过期"), self)
        self.with_expired.toggled.connect(lambda _on: spawn(self.load_rights(), "rights"))
        self.rights_model = RecordsModel(RIGHT_COLUMNS, parent=self)
        self.rights_view = records_view(self.rights_model, RIGHT_COLUMNS, "rightsTable", self)
        self.conflict_note = message_label(self, "conflictNote")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.detail_box)
        layout.addLayout(self._rights_head())
        layout.addWidget(self.conflict_note)
        layout.addWidget(self.rights_view, 1)
        self.show_detail(None)

    def _rights_head(self) -> FlowLayout:
        revoke = QPushButton(self.tr("撤销所选授权"), self)
        revoke.setObjectName("revokeRight")
        revoke.clicked.connect(lambda: spawn(self.revoke_selected(), "revoke"))
        renew = QPushButton(self.tr("续期…"), self)
        renew.setObjectName("renewRight")
        renew.setToolTip(self.tr("给所选授权设新的到期时间（含已过期的）"))
        renew.clicked.connect(lambda: spawn(self.renew_selected(), "renew"))
        head = FlowLayout()
        head.addWidget(self.rights_title)
        head.addWidget(self.with_expired)
        head.addWidget(revoke)
        head.addWidget(renew)
        return head

    def show_detail(self, detail: AccountDetail | None) -> None:
        """Show ``detail``'s particulars (nothing, and no rights, when None)."""
        self.current = detail
        values = {key: "" for key in self.detail_labels}
        if detail is not None:
            status = translated(ACCOUNT_STATUSES.get(detail.status, detail.status))
            if detail.failed_logins:
                status += self.tr("（连续登录失败 {n} 次）").format(n=detail.failed_logins)
            values = {
                "username": detail.username,
                "name": detail.full_name,
                "organisation": detail.organisation,
                "site": f"{detail.site_code} {detail.site_name}".strip(),
                "phone": detail.phone_masked,
                "status": status,
                "last_login": when(detail.last_login_at, self.database.zone) or self.tr("从未登录"),
            }
        for key, label in self.detail_labels.items():
            label.setText(values[key])
        self.reveal_button.setEnabled(detail is not None and bool(values["phone"]))
        if detail is None:
            self.rights_model.set_records([])
            say(self.conflict_note, "")

    async def load_rights(self) -> None:
        """Fetch the account's rights (and 先审后发 conflicts) and show them."""
        current = self.current
        if current is None:
            return
        expired = self.with_expired.isChecked()
        held = await attempt(
            self.outcome, self.database.call(grants.of, self.actor, current.id, expired)
        )
        if held is REFUSED:
            return
        flagged = await attempt(
            self.outcome, self.database.call(grants.conflicts, self.actor, [current.id])
        )
        if flagged is REFUSED:
            return
        marked = {f.editor_grant_id for f in flagged} | {f.publisher_grant_id for f in flagged}
        now = utcnow()
        zone = self.database.zone
        self.rights_model.set_records(
            [held_right(r, now, zone, r.grant_id in marked) for r in held]
        )
        self.rights_title.setText(
            self.tr("有效权限：{n} 项（每项权限及其来源授权）").format(n=len(held))
        )
        notes = []
        if held and current.status != AccountStatus.ACTIVE:
            status = translated(ACCOUNT_STATUSES.get(current.status, ""))
            notes.append(
                self.tr("账号{status}：以下授权在启用或解锁前不生效。").format(status=status)
            )
        if flagged:
            sites = sorted({f.site_name for f in flagged})
            text = self.tr("先审后发冲突：在 {sites} 同一范围内既有“编辑”又有“发布”（黄色行）。")
            notes.append(text.format(sites=joined(sites)))
        say(self.conflict_note, "\n".join(notes), "bad")

    async def reveal(self) -> None:
        """Show the full phone number (the reveal is journalled)."""
        if self.current is None:
            return
        phone = await self.revealed(self.current.id)
        if phone is not None:
            self.detail_labels["phone"].setText(phone)

    async def revealed(self, account_id: int) -> str | None:
        """The account's full phone number (the reveal is journalled); None when refused."""
        phone = await attempt(
            self.outcome, self.database.call(accounts.reveal_phone, self.actor, account_id)
        )
        return None if phone is REFUSED else phone

    def _selected_right(self) -> Right | None:
        rows = self.rights_view.selectionModel().selectedRows()
        if not rows:
            say(self.outcome, self.tr("请先在右侧选择一项授权。"), "bad")
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
        dialog.setWindowTitle(self.tr("续期授权 #{id}").format(id=right.grant_id))
        expiry = ExpiryEdit(self.database.zone, dialog)
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
        if not accepted:
            return
        renewal = self.database.call(grants.renew, self.actor, right.grant_id, until)
        if await attempt(self.outcome, renewal) is not REFUSED:
            self.changed.emit(self.tr("已续期授权 #{id}。").format(id=right.grant_id))

    async def revoke_selected(self) -> None:
        """Revoke the grant selected in the rights table."""
        right = self._selected_right()
        if right is None:
            return
        question = self.tr("撤销 {u} 在 {scope} 的“{role}”授权？").format(
            u=right.username,
            scope=right.scope_label,
            role=role_label(right.role),
        )
        if not await confirm(self, self.tr("撤销授权"), question):
            return
        revocation = self.database.call(grants.revoke, self.actor, right.grant_id)
        if await attempt(self.outcome, revocation) is not REFUSED:
            self.changed.emit(self.tr("已撤销授权 #{id}。").format(id=right.grant_id))
