"""Dialogs of the 站点 tab: the bulk-change confirmation, the import preview, a new site."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.sites.importing import ImportPreview, import_sites, preview
from console.sites.rules import reasons_text
from console.sites.service import BULK_FIELDS, BulkPlan, create_site
from ui.dialogs import chosen_file
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.long_work import LongWork
from ui.sites.form import SiteForm
from ui.sites.tables import fill_table, make_table
from ui.tasks import Database, spawn

# Merging or retiring more sites than this at once asks the operator to type the step's name.
TYPE_TO_CONFIRM_OVER = 5
CHOOSE_IMPORT = QT_TR_NOOP("选择要导入的站点表")
IMPORT_FILES = QT_TR_NOOP("站点表 (*.xlsx *.csv)")


class BulkDialog(QDialog):
    """Lists what a bulk change will do to each site; OK applies it to the ready ones."""

    def __init__(
        self, title: str, plan: BulkPlan, confirm_word: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setWindowTitle(title)
        self.resize(760, 460)
        summary = QLabel(
            self.tr("将修改 {ready} 个网站，跳过 {skipped} 个（原因见下表）。").format(
                ready=len(plan.ready), skipped=len(plan.skipped)
            ),
            self,
        )
        summary.setObjectName("bulkSummary")
        self.table = make_table(
            self,
            [
                self.tr("网站标识码"),
                self.tr("网站名称"),
                self.tr("当前"),
                self.tr("改为"),
                self.tr("结果"),
            ],
        )
        fill_table(
            self.table,
            [
                [
                    i.code,
                    i.name,
                    i.before,
                    i.after,
                    self.tr("将修改") if i.reason is None else i.reason,
                ]
                for i in plan.items
            ],
        )
        self.table.resizeColumnsToContents()
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("confirmWord")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("执行"))
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.table, 1)
        if confirm_word:
            layout.addWidget(
                QLabel(
                    self.tr("此操作不可撤销。请输入“{word}”以确认：").format(word=confirm_word),
                    self,
                )
            )
            layout.addWidget(self.confirm)
            ok.setEnabled(False)
            self.confirm.textChanged.connect(
                lambda text: ok.setEnabled(text.strip() == confirm_word)
            )
        else:
            self.confirm.hide()
        ok.setEnabled(ok.isEnabled() and bool(plan.ready))
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)


class BulkFieldDialog(QDialog):
    """Which field of the selected sites to set, and to what."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkFieldDialog")
        self.setWindowTitle(self.tr("批量修改"))
        self.fields = QComboBox(self)
        for key, label in BULK_FIELDS.items():
            self.fields.addItem(translated(label), key)
        self.value = QLineEdit(self)
        self.value.setPlaceholderText(self.tr("新值（上级网站填标识码，日期为 YYYY-MM-DD）"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout(self)
        form.addRow(self.tr("字段"), self.fields)
        form.addRow(self.tr("新值"), self.value)
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def answer(self) -> tuple[str, str]:
        """The field's key and the value typed."""
        return str(self.fields.currentData()), self.value.text()


class ImportDialog(QDialog):
    """Checks every row of a CSV/XLSX file, lists the bad ones, and imports all or nothing."""

    def __init__(
        self, database: Database, actor: Actor, path: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("导入站点：{name}").format(name=path.name))
        self.resize(820, 500)
        self.database, self.actor, self.path = database, actor, path
        self.imported = 0
        self.summary = QLabel(self.tr("正在检查每一行…"), self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.table = make_table(
            self, [self.tr("行"), self.tr("网站标识码"), self.tr("网站名称"), self.tr("检查结果")]
        )
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("全部导入"))
        self.ok.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(lambda: spawn(self.run_import(), "import-sites"))
        self.buttons.rejected.connect(self.reject)

    def _progress(self, done: int, total: int) -> None:
        self.busy.setRange(0, total)
        self.busy.setValue(done)

    def _refused(self, reason: str) -> None:
        self.summary.setText(reason)
        self.busy.hide()

    async def check(self) -> ImportPreview | None:
        """Check the file and show every row's verdict, the refused rows first."""
        with LongWork(self) as work:
            work.progressed.connect(self._progress)
            checked = await attempt(
                self._refused,
                work.on_database(self.database, preview, self.actor, self.path, work.report),
            )
        if checked is REFUSED or not shiboken6.isValid(self):  # closed while it was checked
            return None
        self.busy.hide()
        rows = sorted(checked.rows, key=lambda r: (not r.problems, r.line))
        fill_table(
            self.table,
            [
                [str(r.line), r.code, r.name, reasons_text(r.problems) or self.tr("可导入")]
                for r in rows
            ],
        )
        self.table.resizeColumnsToContents()
        bad = len(checked.bad)
        if bad:
            summary = self.tr(
                "共 {total} 行，其中 {bad} 行有问题。请修改文件后重新导入；导入是全部或全不。"
            ).format(total=len(checked.rows), bad=bad)
        else:
            summary = self.tr("共 {total} 行，全部可以导入。").format(total=len(checked.rows))
        # What the file carries beside its rows (column addresses waiting, or refused).
        self.summary.setText("\n".join([summary, *checked.notes]))
        self.ok.setEnabled(not checked.refused and bool(checked.rows))
        return checked

    async def run_import(self) -> None:
        """Import every row in one transaction; the dialog closes on success.

        The dialog cannot be closed meanwhile: the import commits whole or not at all, and
        the tab refreshes from the count it returns."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.ok.setEnabled(False)
        cancel.setEnabled(False)
        self.busy.setRange(0, 0)
        self.busy.show()
        self.summary.setText(self.tr("正在导入…"))
        with LongWork(self) as work:
            work.progressed.connect(self._progress)
            imported = await attempt(
                self._refused,
                work.on_database(self.database, import_sites, self.actor, self.path, work.report),
            )
        if imported is REFUSED:
            cancel.setEnabled(True)
            return
        self.imported = imported
        self.accept()

    def reject(self) -> None:
        """Close, unless an import is being written."""
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel.isEnabled():
            super().reject()


class NewSiteDialog(QDialog):
    """A form for a new site; the dialog stays open (input kept) while the rules refuse it."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newSiteDialog")
        self.setWindowTitle(self.tr("新建站点"))
        self.database, self.actor = database, actor
        self.site_id: int | None = None
        self.form = SiteForm(self)
        self.message = QLabel(self)
        self.message.setObjectName("newSiteMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        buttons.accepted.connect(lambda: spawn(self.register(), "create-site"))
        buttons.rejected.connect(self.reject)

    async def register(self) -> None:
        """Register the site; on refusal show every reason and keep the form."""
        site_id = await attempt(
            self.message.setText,
            lambda: self.database.call(create_site, self.actor, self.form.draft()),
        )
        if site_id is not REFUSED:
            self.site_id = site_id
            self.accept()


async def choose_import_file(parent: QWidget) -> Path | None:
    """Ask for a CSV/XLSX file to import."""
    return await chosen_file(
        parent,
        translated(CHOOSE_IMPORT),
        [translated(IMPORT_FILES)],
    )
