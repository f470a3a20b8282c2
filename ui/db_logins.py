"""The database login each new operator needs: the SQL to hand over, or creating it in place.

Shown after the first run and after the security administrator creates an operator, when the
cluster database is a server one (the embedded SQLite file has no logins: one operator only).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.operators import db_logins
from console.schema import Duty
from ui.dialogs import finished
from ui.forms import REFUSED, Teller, attempt, message_label, say
from ui.i18n import translated
from ui.tasks import Database, spawn

Wanted = Sequence[tuple[str, frozenset[Duty]]]


class DatabaseLoginsDialog(QDialog):
    """The SQL creating each operator's database login, and a button to run it if we may."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        wanted: Wanted,
        advice: db_logins.LoginAdvice,
        parent: QWidget | None = None,
        work: Callable[[], Awaitable[dict[str, str]]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("databaseLoginsDialog")
        self.setWindowTitle(self.tr("操作员的数据库登录"))
        self.setMinimumWidth(640)
        self.database, self.actor, self.wanted = database, actor, list(wanted)
        self.work = work or (lambda: database.call(db_logins.create, actor, self.wanted))
        intro = QLabel(
            self.tr(
                "每位操作员的控制台用自己的数据库登录连接站群数据库，这个登录只持有其职责的"
                "数据库角色：服务器据此拒绝职责以外的修改，任何人都不能改写操作日志。"
                "数据库口令与控制台登录密码是两回事，由本人在“连接数据库”时填写并保存在本机密钥环中。"
            ),
            self,
        )
        intro.setWordWrap(True)
        self.sql = QPlainTextEdit("\n".join(s + ";" for s in advice.statements), self)
        self.sql.setObjectName("databaseLoginsSql")
        self.sql.setAccessibleName(self.tr("建立数据库登录的 SQL"))
        self.sql.setReadOnly(True)
        self.sql.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        if work is not None:
            told = (
                self.tr("操作员的职责变了，其数据库登录的角色也要随之调整。本连接有权直接执行。")
                if advice.can_create
                else self.tr(
                    "操作员的职责变了，其数据库登录的角色也要随之调整："
                    "请把上面的 SQL 交给数据库管理员执行。"
                )
            )
        elif advice.can_create:
            told = self.tr("本连接有权建立登录：可直接建立，口令由系统生成，只显示一次。")
        else:
            told = self.tr(
                "本连接无权建立登录：请把上面的 SQL 交给数据库管理员执行（把 <口令> 换成口令）。"
            )
        if advice.missing_roles:
            # The logins would grant roles that do not exist yet: say so before anyone tries.
            roles = ", ".join(advice.missing_roles)
            told = translated(db_logins.ROLES_MISSING).format(roles=roles) + "\n" + told
        how = QLabel(told, self)
        how.setObjectName("databaseLoginsHow")
        how.setWordWrap(True)
        self.how = how
        self.outcome = message_label(self, "databaseLoginsOutcome")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.create_button = QPushButton(
            self.tr("执行(&R)") if work else self.tr("建立登录(&C)"), self
        )
        self.create_button.setObjectName("createDatabaseLogins")
        self.create_button.clicked.connect(
            lambda: spawn(self.create_logins(), "create database logins")
        )
        buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.create_button.setVisible(advice.can_create and not advice.missing_roles)
        layout = QVBoxLayout(self)
        for widget in (intro, self.sql, how, self.outcome, buttons):
            layout.addWidget(widget)

    async def create_logins(self) -> None:
        """Create the logins; show each generated password once."""
        self.create_button.setEnabled(False)
        created = await attempt(self.outcome, self.work)
        if created is REFUSED:
            self.create_button.setEnabled(True)
            return
        if not created:
            self.create_button.hide()
            say(self.outcome, self.tr("已调整数据库登录的角色。"), "good")
            return
        lines = [
            self.tr("数据库登录 {login}：口令 {password}").format(login=login, password=password)
            for login, password in created.items()
        ]
        self.sql.setPlainText("\n".join(lines))
        self.create_button.hide()
        say(
            self.outcome,
            self.tr("已建立。请把口令当面交给本人；关闭本窗口后不再显示。"),
            "good",
        )


async def explain_logins(
    parent: QWidget | None, database: Database, actor: Actor, wanted: Wanted, tell: Teller
) -> bool:
    """Show the database logins ``wanted`` need, unless the database is the embedded file;
    whether there was anything to show (a refusal is told through ``tell``)."""
    advice = await attempt(tell, database.call(db_logins.advice, wanted))
    if advice is REFUSED or advice.single_operator:
        return False
    dialog = DatabaseLoginsDialog(database, actor, wanted, advice, parent)
    await finished(dialog)
    dialog.deleteLater()
    return True


async def explain_change(
    parent: QWidget | None,
    database: Database,
    actor: Actor,
    login: str,
    duties: tuple[frozenset[Duty], frozenset[Duty]],
    tell: Teller,
) -> bool:
    """Show (or run) the SQL moving ``login`` from its old duties' roles to the new ones."""
    before, after = duties
    advice = await attempt(tell, database.call(db_logins.change_advice, login, before, after))
    if advice is REFUSED or advice.single_operator or not advice.statements:
        return False
    dialog = DatabaseLoginsDialog(
        database,
        actor,
        [(login, after)],
        advice,
        parent,
        lambda: database.call(db_logins.change, actor, login, before, after),
    )
    await finished(dialog)
    dialog.deleteLater()
    return True
