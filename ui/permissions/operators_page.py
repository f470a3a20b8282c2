"""Console operators for the security administrator: create, duties, disable, unlock, reset
password.

三员分立 is checked by ``console.services.operators``; this page shows its refusals in place.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import DUTY_LABELS, Actor
from console.operators import db_logins
from console.operators import service as operators
from console.operators.service import OPERATORS, NewOperator, OperatorDetail
from console.schema import Duty
from ui.db_logins import explain_change, explain_logins
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, finish_form, message_label, say
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.permissions.common import confirm
from ui.tasks import Database, spawn


class OperatorDialog(QDialog):
    """A new operator (name, password, duties) or another operator's duties."""

    def __init__(self, current: OperatorDetail | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operatorDialog")
        self.setWindowTitle(self.tr("修改职责") if current else self.tr("新建操作员"))
        self.username = QLineEdit(current.username if current else "", self)
        self.display_name = QLineEdit(current.display_name if current else "", self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if current is None:
            form.addRow(self.tr("用户名(&U)"), self.username)
            form.addRow(self.tr("姓名(&N)"), self.display_name)
            form.addRow(self.tr("初始密码(&P)"), self.password)
        self.duties: dict[Duty, QCheckBox] = {}
        for number, duty in enumerate(Duty):
            box = QCheckBox(translated(DUTY_LABELS[duty]), self)
            box.setChecked(current is not None and duty in current.duties)
            self.duties[duty] = box
            form.addRow(self.tr("职责") if number == 0 else "", box)
        self.problem = finish_form(self, form, "operatorProblem")

    def chosen(self) -> frozenset[Duty]:
        """The duties ticked."""
        return frozenset(d for d, box in self.duties.items() if box.isChecked())


class OperatorsPage(QWidget):
    """The operators list with its actions."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operatorsPage")
        self.database, self.actor = database, actor
        self.pane = ListPane(OPERATORS, database, actor, self)
        self.outcome = message_label(self, "operatorOutcome")
        bar = QHBoxLayout()
        specs: list[tuple[str, str, Callable[[], Awaitable[Any]]]] = [
            ("new", self.tr("新建操作员…"), self.create_operator),
            ("duties", self.tr("修改职责…"), self.change_duties),
            ("disable", self.tr("停用", "动作"), lambda: self.set_active(False)),
            ("enable", self.tr("启用", "动作"), lambda: self.set_active(True)),
            ("unlock", self.tr("解锁"), self.unlock),
            ("reset", self.tr("重置密码…"), self.reset_password),
            ("db_login", self.tr("数据库登录…"), self.database_login),
        ]
        for key, text, handler in specs:
            button = QPushButton(text, self)
            button.setObjectName(f"operator_{key}")
            button.clicked.connect(lambda _c=False, h=handler, k=key: spawn(h(), k))
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.outcome)
        layout.addWidget(self.pane, 1)

    async def _selected(self) -> OperatorDetail | None:
        index = self.pane.view.currentIndex()
        if not index.isValid():
            say(self.outcome, self.tr("请先选择一个操作员。"), "bad")
            return None
        detail = await attempt(
            self.outcome,
            self.database.call(operators.detail, self.actor, self.pane.model.row_id(index.row())),
        )
        return None if detail is REFUSED else detail

    async def _done(self, message: str) -> None:
        say(self.outcome, message, "good")
        await self.pane.refresh()

    async def _edit(self, dialog: OperatorDialog, save: Callable[[], Awaitable[Any]]) -> bool:
        while await finished(dialog):
            if await attempt(dialog.problem, save) is not REFUSED:
                return True
        return False

    async def create_operator(self) -> None:
        """Create an operator with duties that respect 三员分立."""
        dialog = OperatorDialog(None, self)

        def new() -> NewOperator:
            return NewOperator(
                dialog.username.text(),
                dialog.display_name.text(),
                dialog.password.text(),
                dialog.chosen(),
            )

        if await self._edit(
            dialog, lambda: self.database.call(operators.create, self.actor, new())
        ):
            username = dialog.username.text().strip()
            await self._done(self.tr("已新建操作员 {u}。").format(u=username))
            await explain_logins(
                self, self.database, self.actor, [(username, dialog.chosen())], self.outcome
            )
        dialog.deleteLater()

    async def database_login(self) -> None:
        """Show (or create) the database login the selected operator needs."""
        current = await self._selected()
        if current is None:
            return
        wanted = [(current.username, current.duties)]
        if not await explain_logins(self, self.database, self.actor, wanted, self.outcome):
            say(self.outcome, translated(db_logins.SINGLE_OPERATOR), "bad")

    async def change_duties(self) -> None:
        """Replace the selected operator's duties."""
        current = await self._selected()
        if current is None:
            return
        dialog = OperatorDialog(current, self)
        if await self._edit(
            dialog,
            lambda: self.database.call(
                operators.set_duties, self.actor, current.id, dialog.chosen(), current.version
            ),
        ):
            await self._done(self.tr("已修改 {u} 的职责。").format(u=current.username))
            duties = (current.duties, dialog.chosen())
            await explain_change(
                self, self.database, self.actor, current.username, duties, self.outcome
            )
        dialog.deleteLater()

    async def set_active(self, active: bool) -> None:
        """Disable or re-enable the selected operator."""
        current = await self._selected()
        if current is None:
            return
        if not active and not await confirm(
            self, self.tr("停用操作员"), self.tr("停用操作员 {u}？").format(u=current.username)
        ):
            return
        change = self.database.call(
            operators.set_active, self.actor, current.id, active, current.version
        )
        if await attempt(self.outcome, change) is not REFUSED:
            await self._done(self.tr("操作员 {u} 的状态已更新。").format(u=current.username))

    async def unlock(self) -> None:
        """Lift the lock failed logins put on the selected operator."""
        current = await self._selected()
        if current is None:
            return
        unlock = self.database.call(operators.unlock, self.actor, current.id, current.version)
        if await attempt(self.outcome, unlock) is not REFUSED:
            await self._done(self.tr("已解锁操作员 {u}。").format(u=current.username))

    async def reset_password(self) -> None:
        """Set a temporary password the operator must change at next login."""
        current = await self._selected()
        if current is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("重置 {u} 的密码").format(u=current.username))
        first, second = QLineEdit(dialog), QLineEdit(dialog)
        for edit in (first, second):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        problem = message_label(dialog, "resetProblem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(self.tr("临时密码"), first)
        form.addRow(self.tr("再输入一次"), second)
        form.addRow(problem)
        form.addRow(buttons)
        while await finished(dialog):
            if first.text() != second.text():
                say(problem, self.tr("两次输入的密码不一致。"), "bad")
                continue
            reset = self.database.call(
                operators.reset_password, self.actor, current.id, first.text(), current.version
            )
            if await attempt(problem, reset) is REFUSED:
                continue
            await self._done(
                self.tr("已重置 {u} 的密码，下次登录须修改。").format(u=current.username)
            )
            break
        dialog.deleteLater()
