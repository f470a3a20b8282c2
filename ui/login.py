"""Operator login (with the change a temporary password forces) and the first-run creation of
the three administrators."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.errors import AuthenticationFailed, InvalidInput
from console.base.i18n import QT_TR_NOOP, joined
from console.base.identifiers import is_username
from console.operators import service as operators
from console.operators.passwords import MIN_LENGTH, check_policy
from console.operators.service import BAD_USERNAME
from console.schema import Duty
from ui.dialogs import finished
from ui.forms import REFUSED, ask, attempt
from ui.i18n import translated
from ui.tasks import Database, spawn

QUIT_TITLE = QT_TR_NOOP("退出站群运维控制台")
QUIT_QUESTION = QT_TR_NOOP("尚未登录。要退出站群运维控制台吗？")
QUIT = QT_TR_NOOP("退出")
BACK = QT_TR_NOOP("返回")


class _FormDialog(QDialog):
    """A dialog with a form, an inline message line and OK/Cancel; OK (or Enter) runs
    ``submit``. The keyboard starts in the first empty field, and Tab follows the form down
    to the buttons."""

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        # Wide enough that the title bar shows the whole title (beside the frame's buttons).
        self.setMinimumWidth(max(380, self.fontMetrics().horizontalAdvance(title) + 160))
        self._ok_text = ok_text
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.body = QVBoxLayout(self)

    def finish_layout(self) -> None:
        """Put the message line and the buttons under the form (made last, so they come last
        in the Tab order)."""
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self._ok_text)
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        # In a subclass, self.tr looks in the subclass's context, then in this class's.
        self.cancel_button.setText(self.tr("取消"))
        self.cancel_button.setAutoDefault(False)
        self.buttons.accepted.connect(lambda: spawn(self._run_submit(), "submit"))
        self.buttons.rejected.connect(self.reject)
        self.body.addWidget(self.message)
        self.body.addWidget(self.buttons)

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts in the first empty field (the first field when all are filled)."""
        super().showEvent(event)
        fields = [f for f in self.findChildren(QLineEdit) if not f.isHidden()]
        fields.sort(key=lambda f: f.mapTo(self, f.rect().topLeft()).y())
        empty = [f for f in fields if not f.text()]
        target: QWidget = (empty or fields)[0] if fields else self.ok_button
        QTimer.singleShot(0, target.setFocus)

    def say(self, text: str) -> None:
        """Show ``text`` inline (the operator's input stays as typed)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    async def submit(self) -> bool:
        """Do the dialog's work; True closes it."""
        raise NotImplementedError

    async def _run_submit(self) -> None:
        self.ok_button.setEnabled(False)
        self.say(self.tr("请稍候…"))
        try:
            done = await attempt(self.say, self.submit())
        finally:
            self.ok_button.setEnabled(True)
        if done is not REFUSED and done:
            self.say("")
            self.accept()


class LoginDialog(_FormDialog):
    """Asks for the operator's name and password; ``actor`` is set on success."""

    def __init__(
        self, database: Database, where: str, demo: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("登录 — 站群运维控制台"), self.tr("登录"), parent)
        self.setObjectName("loginDialog")
        self.database = database
        self.actor: Actor | None = None
        self.username = QLineEdit(self)
        self.username.setObjectName("username")
        self.password = QLineEdit(self)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("数据库"), QLabel(where, self))
        form.addRow(self.tr("用户名(&U)"), self.username)
        form.addRow(self.tr("密码(&P)"), self.password)
        self.body.addLayout(form)
        if demo:
            hint = QLabel(
                self.tr(
                    "演示站群：用户名 sysadmin、secadmin、auditor、reviewer1…8，密码均为 demo。"
                ),
                self,
            )
            hint.setObjectName("demoHint")
            hint.setWordWrap(True)
            self.body.addWidget(hint)
        self.finish_layout()

    async def submit(self) -> bool:
        """Log in through the operators service; a temporary password must be changed first."""
        try:
            actor: Actor = await self.database.call(
                operators.login, self.username.text(), self.password.text()
            )
        except AuthenticationFailed:
            self.password.clear()
            self.password.setFocus()
            raise
        if await self.database.call(operators.must_change_password, actor):
            change = PasswordDialog(self.database, actor, self.password.text(), self)
            changed = await finished(change)
            change.deleteLater()
            if not changed:
                self.password.clear()
                self.say(self.tr("这是安全管理员重置的临时密码，须先设置新密码才能登录。"))
                return False
        self.actor = actor
        return True


class PasswordDialog(_FormDialog):
    """Changes the logged-in operator's password; forced after a reset (``old`` already known)."""

    def __init__(
        self, database: Database, actor: Actor, old: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("修改密码 — {u}").format(u=actor.username), self.tr("修改"), parent
        )
        self.setObjectName("passwordDialog")
        self.database, self.actor = database, actor
        self.old = QLineEdit(old or "", self)
        self.old.setObjectName("oldPassword")
        self.new = QLineEdit(self)
        self.new.setObjectName("newPassword")
        self.again = QLineEdit(self)
        self.again.setObjectName("againPassword")
        for line in (self.old, self.new, self.again):
            line.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if old is None:
            form.addRow(self.tr("原密码(&O)"), self.old)
        else:
            self.old.hide()
            forced = QLabel(self.tr("您使用的是临时密码，请设置新密码后继续。"), self)
            forced.setObjectName("forcedNote")
            forced.setWordWrap(True)
            self.body.addWidget(forced)
        form.addRow(self.tr("新密码(&N)"), self.new)
        form.addRow(self.tr("再输入一次(&A)"), self.again)
        policy = QLabel(
            self.tr("至少 {n} 位，包含大写字母、小写字母、数字、符号中的三类。").format(
                n=MIN_LENGTH
            ),
            self,
        )
        policy.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(policy)
        self.finish_layout()

    async def submit(self) -> bool:
        """Change the password through the operators service."""
        if self.new.text() != self.again.text():
            self.say(self.tr("两次输入的新密码不一致。"))
            return False
        await self.database.call(
            operators.change_own_password, self.actor, self.old.text(), self.new.text()
        )
        return True


class FirstRunDialog(_FormDialog):
    """Creates the system, security and audit administrators of a new cluster database."""

    ROLES = (
        (Duty.SYSTEM_ADMIN, "sysadmin"),
        (Duty.SECURITY_ADMIN, "secadmin"),
        (Duty.AUDIT_ADMIN, "auditor"),
    )

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("首次运行 — 建立管理员"), self.tr("建立"), parent)
        self.setObjectName("firstRunDialog")
        self.database = database
        intro = QLabel(
            self.tr(
                "这是一个新的站群数据库。按三员分立的要求，请为系统管理员、安全管理员和"
                "审计管理员分别建立账号（三人不同）。"
                "密码至少 {n} 位，包含大写字母、小写字母、数字、符号中的三类。"
                "在 PostgreSQL 或 MariaDB 上，每人还需要一个只持有其职责角色的数据库登录，"
                "建立账号后会列出所需的 SQL。"
            ).format(n=MIN_LENGTH),
            self,
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.titles = titles = {
            Duty.SYSTEM_ADMIN: self.tr("系统管理员"),
            Duty.SECURITY_ADMIN: self.tr("安全管理员"),
            Duty.AUDIT_ADMIN: self.tr("审计管理员"),
        }
        self.fields: dict[Duty, tuple[QLineEdit, QLineEdit, QLineEdit, QLineEdit]] = {}
        for duty, suggested in self.ROLES:
            box = QGroupBox(titles[duty], self)
            form = QFormLayout(box)
            username, name = QLineEdit(suggested, box), QLineEdit(box)
            password, again = QLineEdit(box), QLineEdit(box)
            for line in (password, again):
                line.setEchoMode(QLineEdit.EchoMode.Password)
            username.setObjectName(f"{duty}_username")
            name.setObjectName(f"{duty}_name")
            password.setObjectName(f"{duty}_password")
            again.setObjectName(f"{duty}_again")
            form.addRow(self.tr("用户名"), username)
            form.addRow(self.tr("姓名"), name)
            form.addRow(self.tr("密码"), password)
            form.addRow(self.tr("确认密码"), again)
            self.fields[duty] = (username, name, password, again)
            self.body.addWidget(box)
        self.finish_layout()

    def logins(self) -> list[tuple[str, frozenset[Duty]]]:
        """Each administrator's user name (their database login's name too) and duty."""
        return [(f[0].text().strip(), frozenset({duty})) for duty, f in self.fields.items()]

    async def submit(self) -> bool:
        """Create the three administrators in one transaction, once each account is checked
        (every refusal names the account) and a name shared by two of them confirmed."""
        new = []
        for duty, (username, name, password, again) in self.fields.items():
            who = self.tr("{title}（{user}）").format(
                title=self.titles[duty], user=username.text().strip() or "—"
            )
            problem = self._problem(duty)
            if problem is None and password.text() != again.text():
                problem = self.tr("两次输入的密码不一致。"), again
            if problem is not None:
                self.say(self.tr("{who}：{problem}").format(who=who, problem=problem[0]))
                problem[1].setFocus()
                return False
            new.append(
                operators.NewOperator(
                    username.text(), name.text(), password.text(), frozenset({duty})
                )
            )
        if not await self._same_people_confirmed():
            return False
        await self.database.call(operators.bootstrap, new)
        return True

    def _problem(self, duty: Duty) -> tuple[str, QLineEdit] | None:
        """What is wrong with ``duty``'s account, and the field to correct; None: nothing."""
        username, name, password, _again = self.fields[duty]
        user = username.text().strip()
        taken = [fields[0].text().strip() for fields in self.fields.values()]
        if not is_username(user):
            return translated(BAD_USERNAME).format(username=user), username
        if taken.count(user) > 1:
            return self.tr("用户名 {u} 已用于另一位管理员。").format(u=user), username
        if not name.text().strip():
            return self.tr("请填写姓名。"), name
        try:
            check_policy(password.text())
        except InvalidInput as error:
            return self.tr("密码不符合要求：{reason}").format(reason=error), password
        return None

    async def _same_people_confirmed(self) -> bool:
        """Three administrators should be three people: the same name twice is asked about."""
        holders: dict[str, list[str]] = {}
        repeated: list[QLineEdit] = []
        for duty, (username, name, _password, _again) in self.fields.items():
            who = self.tr("{title}（{user}）").format(title=self.titles[duty], user=username.text())
            if name.text().strip() in holders:
                repeated.append(name)
            holders.setdefault(name.text().strip(), []).append(who)
        shared = {name: who for name, who in holders.items() if len(who) > 1}
        if not shared:
            return True
        lines = "\n".join(
            self.tr("{who} 的姓名都是“{name}”").format(who=joined(who), name=name)
            for name, who in shared.items()
        )
        text = self.tr(
            "{lines}。\n\n按三员分立的要求，三位管理员应由不同的人担任。仍要建立这些账号吗？"
        ).format(lines=lines)
        go_on = await ask(
            self,
            self.tr("姓名相同"),
            text,
            [(True, self.tr("仍然建立")), (False, self.tr("返回修改"))],
            False,
            QMessageBox.Icon.Warning,
        )
        if not go_on:
            self.say(self.tr("请为每位管理员填写本人的姓名。"))
            self.activateWindow()
            repeated[0].setFocus()
            repeated[0].selectAll()
        return go_on


async def logged_in(
    database: Database,
    where: str,
    demo: bool,
    parent: QWidget | None = None,
    *,
    ending_quits: bool = True,
) -> Actor | None:
    """Ask for a login; the operator, or None when they give up.

    At the start of the console (``ending_quits``) giving up quits it, so Esc or 取消 first
    asks whether to quit; on a running session it only closes the login.
    """
    dialog = LoginDialog(database, where, demo, parent)
    try:
        while not await finished(dialog):
            if not ending_quits or await quit_confirmed(dialog):
                return None
        return dialog.actor
    finally:
        dialog.deleteLater()


async def quit_confirmed(parent: QWidget) -> bool:
    """Whether the operator, leaving a login or first-run dialog, means to quit the console."""
    return await ask(
        parent,
        translated(QUIT_TITLE),
        translated(QUIT_QUESTION),
        [(True, translated(QUIT)), (False, translated(BACK))],
        False,
    )
