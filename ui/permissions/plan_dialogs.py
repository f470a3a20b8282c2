"""Bulk operations on grants, each previewed row by row and then applied in one transaction.

``BulkGrantDialog``: a role for many accounts over many sites. ``HandoverDialog``: copy one
account's grants to another. ``RevokeAllDialog``: withdraw everything of a leaving account
(and disable it), confirmed by typing its name.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP, joined
from console.base.labels import ROLES
from console.permissions import accounts, grants
from console.permissions.accounts import AccountDetail
from console.permissions.grant_rules import Plan, PlannedRow, Verdict
from console.permissions.scopes import SiteRef
from console.schema import AccountStatus
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.permissions.common import ExpiryEdit, no_tip, role_label
from ui.records_model import Column, RecordsModel, records_view
from ui.tasks import Database, spawn

VERDICTS = {
    Verdict.APPLY: (QT_TR_NOOP("将执行"), "good"),
    Verdict.SKIP: (QT_TR_NOOP("跳过"), "muted"),
    Verdict.REFUSE: (QT_TR_NOOP("拒绝"), "bad"),
}
UNKNOWN_NAMES = QT_TR_NOOP("以下账号不存在：{names}")
UNKNOWN_CODES = QT_TR_NOOP("以下网站标识码不存在：{codes}")


def _verdict(row: PlannedRow) -> str:
    return translated(VERDICTS[row.verdict][0])


def _verdict_tone(row: PlannedRow) -> str | None:
    return VERDICTS[row.verdict][1]


PLAN_COLUMNS: tuple[Column[PlannedRow], ...] = (
    Column(QT_TR_NOOP("账号"), lambda r: r.username, 12, tip=no_tip),
    Column(QT_TR_NOOP("角色"), lambda r: role_label(r.request.role), 8, tip=no_tip),
    Column(QT_TR_NOOP("范围"), lambda r: r.scope, 30, tip=no_tip),
    Column(QT_TR_NOOP("结果"), _verdict, 6, _verdict_tone, no_tip),
    Column(QT_TR_NOOP("说明"), lambda r: r.reason, 40, _verdict_tone),
)


class PlanDialog(QDialog):
    """Inputs (from a subclass), a preview table, and 执行 once the preview has no refusals."""

    action_text = QT_TR_NOOP("执行")

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.actor = database, actor
        self.resize(860, 560)
        self.form = QFormLayout()
        self.preview_button = QPushButton(self.tr("预览(&P)"), self)
        self.preview_button.setObjectName("preview")
        self.model = RecordsModel(PLAN_COLUMNS, parent=self)
        self.view = records_view(self.model, PLAN_COLUMNS, "planTable", self)
        self.summary = message_label(self, "planSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.apply_button = self.buttons.addButton(
            translated(self.action_text), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.apply_button.setObjectName("apply")
        self.apply_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.preview_button.clicked.connect(lambda: spawn(self.preview(), "plan-preview"))
        self.plan: Plan | None = None

    async def planned(self) -> Plan:
        """The plan for what is entered now (subclasses)."""
        raise NotImplementedError

    async def applied(self) -> Plan:
        """Apply it in one transaction (subclasses)."""
        raise NotImplementedError

    def ready(self) -> bool:
        """Whether the inputs allow applying a clean preview (e.g. a typed confirmation)."""
        return True

    async def preview(self) -> Plan | None:
        """Plan, show every row and the totals; 执行 is enabled when nothing is refused."""
        self.apply_button.setEnabled(False)
        plan = await attempt(self.summary, self.planned())
        if plan is REFUSED:
            self.model.set_records([])
            return None
        self.plan = plan
        self.model.set_records(plan.rows)
        text = self.tr("共 {n} 项：执行 {apply}，跳过 {skip}，拒绝 {refuse}。").format(
            n=len(plan.rows),
            apply=plan.count(Verdict.APPLY),
            skip=plan.count(Verdict.SKIP),
            refuse=plan.count(Verdict.REFUSE),
        )
        if plan.refused:
            text += self.tr("有被拒绝的项时不会执行任何一项。")
        say(self.summary, text, "bad" if plan.refused else "good")
        self._enable()
        return plan

    def _enable(self) -> None:
        clean = self.plan is not None and not self.plan.refused and bool(self.plan.rows)
        self.apply_button.setEnabled(clean and self.ready())

    def _stale(self) -> None:
        """Inputs changed: the preview no longer stands for them."""
        self.plan = None
        self.apply_button.setEnabled(False)

    async def run(self) -> Plan | None:
        """Show the dialog until applied (the plan carried out) or cancelled (None)."""
        while await finished(self):
            plan = await attempt(self.summary, self.applied())
            if plan is not REFUSED:
                return plan
            self.apply_button.setEnabled(False)
        return None


def _lines(text: str) -> list[str]:
    return [part for line in text.splitlines() for part in line.replace(",", " ").split() if part]


class BulkGrantDialog(PlanDialog):
    """Grant one role to many accounts over many whole sites."""

    action_text = QT_TR_NOOP("授予全部")

    def __init__(
        self,
        database: Database,
        actor: Actor,
        usernames: Sequence[str],
        sites: Sequence[SiteRef],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, actor, parent)
        self.setObjectName("bulkGrantDialog")
        self.setWindowTitle(self.tr("批量授权"))
        self.sites = {site.code: site for site in sites}
        self.accounts = QPlainTextEdit("\n".join(usernames), self)
        self.accounts.setPlaceholderText(self.tr("每行一个账号（或用空格、逗号分隔）"))
        self.site_codes = QPlainTextEdit(self)
        self.site_codes.setPlaceholderText(self.tr("每行一个网站标识码"))
        self.role = QComboBox(self)
        for code, label in ROLES.items():
            self.role.addItem(translated(label), str(code))
        self.expiry = ExpiryEdit(database.zone, self)
        for edit in (self.accounts, self.site_codes):
            edit.setTabChangesFocus(True)
            edit.setMaximumHeight(110)
            edit.textChanged.connect(self._stale)
        self.role.currentIndexChanged.connect(lambda _i: self._stale())
        self.form.addRow(self.tr("账号(&A)"), self.accounts)
        self.form.addRow(self.tr("网站(&S)"), self.site_codes)
        self.form.addRow(self.tr("角色(&R)"), self.role)
        self.form.addRow("", self.expiry)

    async def _targets(self) -> tuple[list[int], list[int]]:
        names = _lines(self.accounts.toPlainText())
        found: dict[str, int] = await self.database.call(accounts.account_ids, self.actor, names)
        missing = [n for n in names if n.lower() not in found]
        if missing:
            raise InvalidInput(UNKNOWN_NAMES, names=joined(missing))
        codes = _lines(self.site_codes.toPlainText())
        unknown = [c for c in codes if c not in self.sites]
        if unknown:
            raise InvalidInput(UNKNOWN_CODES, codes=joined(unknown))
        return [found[n.lower()] for n in names], [self.sites[c].id for c in codes]

    async def planned(self) -> Plan:
        account_ids, site_ids = await self._targets()
        return await self.database.call(
            grants.plan_bulk, self.actor, account_ids, self.role.currentData(), site_ids,
            self.expiry.value(),
        )  # fmt: skip

    async def applied(self) -> Plan:
        account_ids, site_ids = await self._targets()
        return await self.database.call(
            grants.bulk_grant, self.actor, account_ids, self.role.currentData(), site_ids,
            self.expiry.value(),
        )  # fmt: skip


class HandoverDialog(PlanDialog):
    """Copy every grant in force of one account to another (staff handover)."""

    action_text = QT_TR_NOOP("移交")

    def __init__(
        self, database: Database, actor: Actor, source: AccountDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(database, actor, parent)
        self.setObjectName("handoverDialog")
        self.setWindowTitle(self.tr("移交授权：{username}").format(username=source.username))
        self.source = source
        self.target = QLineEdit(self)
        self.target.setPlaceholderText(self.tr("接手人的账号"))
        self.target.textChanged.connect(lambda _t: self._stale())
        self.target.returnPressed.connect(lambda: spawn(self.preview(), "plan-preview"))
        self.form.addRow(self.tr("移交给(&T)"), self.target)

    async def _target(self) -> int:
        name = self.target.text().strip()
        found: dict[str, int] = await self.database.call(accounts.account_ids, self.actor, [name])
        if not found:
            raise InvalidInput(UNKNOWN_NAMES, names=name or "—")
        return next(iter(found.values()))

    async def planned(self) -> Plan:
        target = await self._target()
        return await self.database.call(grants.plan_handover, self.actor, self.source.id, target)

    async def applied(self) -> Plan:
        target = await self._target()
        return await self.database.call(grants.handover, self.actor, self.source.id, target)


class RevokeAllDialog(PlanDialog):
    """Withdraw every grant of a leaving account; the operator types its name to confirm."""

    action_text = QT_TR_NOOP("全部撤销")

    def __init__(
        self,
        database: Database,
        actor: Actor,
        account: AccountDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(database, actor, parent)
        self.setObjectName("revokeAllDialog")
        self.setWindowTitle(self.tr("撤销全部授权：{username}").format(username=account.username))
        self.account = account
        self.typed = QLineEdit(self)
        self.typed.setPlaceholderText(
            self.tr("输入账号 {username} 以确认").format(username=account.username)
        )
        self.typed.textChanged.connect(lambda _t: self._enable())
        self.form.addRow(self.tr("确认(&C)"), self.typed)
        self.disable = QCheckBox(self.tr("同时停用该账号（人员离岗）"), self)
        self.disable.setObjectName("alsoDisable")
        self.disable.setChecked(account.status != AccountStatus.DISABLED)
        self.disable.setEnabled(account.status != AccountStatus.DISABLED)
        self.form.addRow("", self.disable)

    def ready(self) -> bool:
        return self.typed.text().strip() == self.account.username

    async def planned(self) -> Plan:
        return await self.database.call(grants.plan_revoke_all, self.actor, self.account.id)

    async def applied(self) -> Plan:
        return await self.database.call(
            grants.revoke_all, self.actor, self.account.id, self.disable.isChecked()
        )
