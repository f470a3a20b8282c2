"""Dialogs for accounts: the particulars form, and the import with its per-row preview."""

from __future__ import annotations

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
from ui.permissions.common import table, tr, widths
from ui.permissions.rows_model import Row, RowsModel
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
        self.setWindowTitle(tr("修改编辑账号") if current else tr("新建编辑账号"))
        self.username = QLineEdit(current.username if current else "", self)
        self.full_name = QLineEdit(current.full_name if current else "", self)
        self.organisation = QLineEdit(current.organisation if current else "", self)
        self.site_code = QLineEdit(current.site_code if current else "", self)
        self.site_code.setPlaceholderText(tr("10 位网站标识码，可留空"))
        self.phone = QLineEdit(phone, self)
        self.phone.setPlaceholderText(tr("大陆手机号，11 位，可留空"))
        self.email = QLineEdit(current.email if current else "", self)
        form = QFormLayout()
        form.addRow(tr("账号(&U)"), self.username)
        form.addRow(tr("姓名(&N)"), self.full_name)
        form.addRow(tr("单位(&O)"), self.organisation)
        form.addRow(tr("所属网站(&S)"), self.site_code)
        form.addRow(tr("手机(&P)"), self.phone)
        form.addRow(tr("邮箱(&E)"), self.email)
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
IMPORT_HEADINGS = (
    QT_TR_NOOP("行"),
    QT_TR_NOOP("账号"),
    QT_TR_NOOP("姓名"),
    QT_TR_NOOP("单位"),
    QT_TR_NOOP("网站标识码"),
    QT_TR_NOOP("手机"),
    QT_TR_NOOP("问题"),
)


class ImportDialog(QDialog):
    """Pick a CSV/XLSX file, see every row checked, then import all rows in one go."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("批量导入编辑账号"))
        self.resize(900, 520)
        self.database, self.actor = database, actor
        self.rows: list[tuple[int, AccountFields]] = []
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(
            tr("CSV 或 XLSX，首行为列名：账号、姓名、单位、网站标识码、手机、邮箱")
        )
        browse = QPushButton(tr("选择文件…"), self)
        check = QPushButton(tr("检查(&C)"), self)
        check.setObjectName("checkImport")
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(browse)
        top.addWidget(check)
        self.model = RowsModel([tr(h) for h in IMPORT_HEADINGS], self)
        self.view = table(self, self.model, "importPreview")
        widths(self.view, (4, 12, 8, 20, 11, 11, 40))
        self.summary = message_label(self, "importSummary")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            tr("导入全部"), QDialogButtonBox.ButtonRole.AcceptRole
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
        chosen = await chosen_file(self, tr("选择导入文件"), [tr("表格 (*.csv *.xlsx)")])
        if chosen is not None:
            self.path.setText(str(chosen))
            await self.check()

    async def check(self) -> int:
        """Read and check the file; the number of rows with problems (-1: unreadable)."""
        self.import_button.setEnabled(False)
        say(self.summary, tr("正在读取并检查…"))
        try:
            judged = await attempt(self.summary, self._judged())
        except TimeoutError:
            say(self.summary, tr("读取导入文件超时（{s} 秒）。").format(s=READ_TIMEOUT_S), "bad")
            judged = REFUSED
        if judged is REFUSED:
            self.model.set_rows([])
            return -1
        self.model.set_rows([_import_row(row) for row in judged])
        wrong = sum(1 for row in judged if row.problems)
        if wrong:
            text = tr("共 {n} 行，{bad} 行有问题（红色）：修正文件后重新检查。")
            say(self.summary, text.format(n=len(judged), bad=wrong), "bad")
        else:
            say(self.summary, tr("共 {n} 行，全部可以导入。").format(n=len(judged)), "good")
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


def _import_row(row: ImportRow) -> Row:
    f = row.fields
    cells = [str(row.line), f.username, f.full_name, f.organisation, f.site_code, f.phone]
    cells.append("；".join(row.problems))
    tone = "bad" if row.problems else None
    return Row(cells, row, [tone] * len(cells), [""] * 6 + ["\n".join(row.problems)])
