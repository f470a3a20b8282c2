"""Dialogs for accounts: the particulars form, and the import with its per-row preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.permissions import accounts
from console.permissions.accounts import AccountDetail, AccountFields, ImportRow
from ui.dialogs import chosen_file, finished
from ui.forms import REFUSED, attempt, finish_form, message_label, say
from ui.permissions.common import no_tip
from ui.records_model import Column, RecordsModel, records_view
from ui.tasks import Database, run_io, spawn


class AccountDialog(QDialog):
    """Open or change an editor's account; a refusal is shown in place and nothing typed is lost."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        current: AccountDetail | None,
        phone: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("accountDialog")
        self.database, self.actor, self.current = database, actor, current
        self.setWindowTitle(self.tr("修改编辑账号") if current else self.tr("新建编辑账号"))
        self.username = QLineEdit(current.username if current else "", self)
        self.full_name = QLineEdit(current.full_name if current else "", self)
        self.organisation = QLineEdit(current.organisation if current else "", self)
        self.site_code = QLineEdit(current.site_code if current else "", self)
        self.site_code.setPlaceholderText(self.tr("10 位网站标识码，可留空"))
        self.phone = QLineEdit(phone, self)
        self.phone.setPlaceholderText(self.tr("大陆手机号，11 位，可留空"))
        self.email = QLineEdit(current.email if current else "", self)
        form = QFormLayout()
        form.addRow(self.tr("账号(&U)"), self.username)
        form.addRow(self.tr("姓名(&N)"), self.full_name)
        form.addRow(self.tr("单位(&O)"), self.organisation)
        form.addRow(self.tr("所属网站(&S)"), self.site_code)
        form.addRow(self.tr("手机(&P)"), self.phone)
        form.addRow(self.tr("邮箱(&E)"), self.email)
        self.problem = finish_form(self, form, "accountProblem")

    def fields(self) -> AccountFields:
        """What the operator typed."""
        return AccountFields(
            self.username.text(),
            self.full_name.text(),
            self.organisation.text(),
            self.site_code.text(),
            self.phone.text(),
            self.email.text(),
        )

    async def save(self) -> bool:
        """Show the form until it is saved (True) or cancelled (False)."""
        while await finished(self):
            if await attempt(self.problem, self._write()) is not REFUSED:
                return True
        return False

    async def _write(self) -> None:
        if self.current is None:
            await self.database.call(accounts.create, self.actor, self.fields())
        else:
            await self.database.call(
                accounts.update, self.actor, self.current.id, self.fields(), self.current.version
            )


READ_TIMEOUT_S = 120


def _problem_tone(row: ImportRow) -> str | None:
    return "bad" if row.problems else None


def _import_column(
    title: str, text: Callable[[AccountFields], str], width: int
) -> Column[ImportRow]:
    return Column(title, lambda row: text(row.fields), width, _problem_tone, no_tip)


IMPORT_COLUMNS: tuple[Column[ImportRow], ...] = (
    Column(QT_TR_NOOP("行"), lambda row: str(row.line), 4, _problem_tone, no_tip),
    _import_column(QT_TR_NOOP("账号"), lambda f: f.username, 12),
    _import_column(QT_TR_NOOP("姓名"), lambda f: f.full_name, 8),
    _import_column(QT_TR_NOOP("单位"), lambda f: f.organisation, 20),
    _import_column(QT_TR_NOOP("网站标识码"), lambda f: f.site_code, 11),
    _import_column(QT_TR_NOOP("手机"), lambda f: f.phone, 11),
    Column(
        QT_TR_NOOP("问题"),
        lambda row: "；".join(row.problems),
        40,
        _problem_tone,
        lambda row: "\n".join(row.problems),
    ),
)


class ImportDialog(QDialog):
    """Pick a CSV/XLSX file, see every row checked, then import all rows in one go."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("批量导入编辑账号"))
        self.resize(900, 520)
        self.database, self.actor = database, actor
        self.rows: list[tuple[int, AccountFields]] = []
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(
            self.tr("CSV 或 XLSX，首行为列名：账号、姓名、单位、网站标识码、手机、邮箱")
        )
        browse = QPushButton(self.tr("选择文件…"), self)
        check = QPushButton(self.tr("检查(&C)"), self)
        check.setObjectName("checkImport")
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(check)
        self.model = RecordsModel(IMPORT_COLUMNS, parent=self)
        self.view = records_view(self.model, IMPORT_COLUMNS, "importPreview", self)
        self.summary = message_label(self, "importSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            self.tr("导入全部"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        browse.clicked.connect(lambda: spawn(self.browse(), "import-browse"))
        check.clicked.connect(lambda: spawn(self.check(), "import-check"))
        self.path.returnPressed.connect(lambda: spawn(self.check(), "import-check"))

    async def browse(self) -> None:
        """Choose the file to import, then check it."""
        chosen = await chosen_file(self, self.tr("选择导入文件"), [self.tr("表格 (*.csv *.xlsx)")])
        if chosen is not None:
            self.path.setText(str(chosen))
            await self.check()

    async def check(self) -> int:
        """Read and check the file; the number of rows with problems (-1: unreadable)."""
        self.import_button.setEnabled(False)
        say(self.summary, self.tr("正在读取并检查…"))
        try:
            judged = await attempt(self.summary, self._judged())
        except TimeoutError:
            say(
                self.summary,
                self.tr("读取导入文件超时（{s} 秒）。").format(s=READ_TIMEOUT_S),
                "bad",
            )
            judged = REFUSED
        if judged is REFUSED:
            self.model.set_records([])
            return -1
        self.model.set_records(judged)
        wrong = sum(1 for row in judged if row.problems)
        if wrong:
            text = self.tr("共 {n} 行，{bad} 行有问题（红色）：修正文件后重新检查。")
            say(self.summary, text.format(n=len(judged), bad=wrong), "bad")
        else:
            say(self.summary, self.tr("共 {n} 行，全部可以导入。").format(n=len(judged)), "good")
        self.import_button.setEnabled(not wrong)
        return wrong

    async def _judged(self) -> list[ImportRow]:
        # A large workbook takes a while to parse: off the window's thread, with a bound.
        self.rows = await run_io(
            accounts.read_import, READ_TIMEOUT_S, Path(self.path.text().strip())
        )
        return await self.database.call(accounts.preview_import, self.actor, self.rows)

    async def run(self) -> int:
        """Show the dialog; import on acceptance. The number of accounts imported."""
        while await finished(self):
            imported = await attempt(
                self.summary, self.database.call(accounts.import_accounts, self.actor, self.rows)
            )
            if imported is not REFUSED:
                return int(imported)
        return 0
