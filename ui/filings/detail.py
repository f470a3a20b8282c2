"""One site's filing: its findings with reasons, the editable record, and attachments."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import Actor
from console.filings import service as filings
from console.filings.facts import FilingRecord
from console.filings.rules import URGENCY_LABELS, Urgency
from console.filings.service import FilingDetail
from console.schema import Duty
from ui.dialogs import chosen_file
from ui.filings.tables import RECENT_COLUMNS, SHADES, probe_shade
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.records_model import RecordsModel, records_view
from ui.tasks import Database, spawn

TEXT_FIELDS = ("icp_number", "psb_number", "mlps_form_number")
DATE_FIELDS = ("icp_date", "psb_date", "graded_on", "mlps_filed_on", "assessed_on")


class FilingDetailPane(QWidget):
    """Shows the selected site's findings and filing; the system administrator edits it."""

    saved = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filingDetail")
        self.database = database
        self.actor = actor
        self.detail: FilingDetail | None = None
        self.editable = actor.holds(Duty.SYSTEM_ADMIN)

        self.heading = QLabel(self.tr("选择左侧的网站查看其备案"), self)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.findings = QListWidget(self)
        self.findings.setObjectName("findings")
        self.findings.setWordWrap(True)
        self.findings.setAccessibleName(self.tr("待办事项与原因"))
        self.findings.setMaximumHeight(self.fontMetrics().height() * 9)

        self.recent = RecordsModel(RECENT_COLUMNS, probe_shade, self)
        self.recent_view = records_view(self.recent, RECENT_COLUMNS, "recentProbes", self)
        self.recent_view.setFixedHeight(
            self.recent_view.verticalHeader().defaultSectionSize() * 6 + 4
        )

        self.edits: dict[str, QLineEdit] = {}
        form_box = self._record_form()
        self.attachments = QListWidget(self)
        self.attachments.setObjectName("attachments")
        self.attachment_label = QLineEdit(self)
        self.attachment_label.setPlaceholderText(self.tr("附件名称，如 备案证明扫描件"))
        self.attachment_location = QLineEdit(self)
        self.attachment_location.setPlaceholderText(self.tr("文件位置（路径或网址）"))
        self.browse_button = QPushButton(self.tr("选择文件…"), self)
        self.browse_button.setObjectName("browseAttachment")
        self.attach_button = QPushButton(self.tr("添加附件"), self)
        self.attach_button.setObjectName("addAttachment")
        self.detach_button = QPushButton(self.tr("移除所选附件"), self)
        self.save_button = QPushButton(self.tr("保存备案"), self)
        self.save_button.setObjectName("saveFiling")
        self.message = QLabel(self)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self._lay_out(form_box)
        self._enable()
        self.save_button.clicked.connect(lambda: spawn(self.save(), "save filing"))
        self.attach_button.clicked.connect(lambda: spawn(self.attach(), "attach"))
        self.detach_button.clicked.connect(lambda: spawn(self.detach(), "detach"))
        self.browse_button.clicked.connect(lambda: spawn(self.browse(), "choose attachment"))
        self.attachments.itemActivated.connect(self._open_attachment)

    def _record_form(self) -> QGroupBox:
        """The filing's numbers, dates, level and assessment, as a form."""
        form_box = QGroupBox(self.tr("备案信息"), self)
        form = QFormLayout(form_box)
        labels = {
            "icp_number": self.tr("ICP备案号"),
            "icp_date": self.tr("ICP备案日期"),
            "psb_number": self.tr("公安联网备案号"),
            "psb_date": self.tr("公安备案日期"),
            "graded_on": self.tr("定级日期"),
            "mlps_form_number": self.tr("备案证明编号（11 位）"),
            "mlps_filed_on": self.tr("等保备案日期"),
            "assessed_on": self.tr("最近测评日期"),
        }
        self.level = QComboBox(form_box)
        self.level.addItem(self.tr("未定级"), None)
        for level in range(1, 6):
            self.level.addItem(self.tr("第 {n} 级").format(n=level), level)
        self.result = QComboBox(form_box)
        for text in ("", *filings.ASSESSMENT_RESULTS):
            self.result.addItem(translated(text) if text else "", text or None)
        self.notes = QPlainTextEdit(form_box)
        self.notes.setObjectName("rectification")
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        for name in ("icp_number", "icp_date", "psb_number", "psb_date"):
            form.addRow(labels[name], self._edit(name, form_box))
        form.addRow(self.tr("等保级别"), self.level)
        for name in ("graded_on", "mlps_form_number", "mlps_filed_on", "assessed_on"):
            form.addRow(labels[name], self._edit(name, form_box))
        form.addRow(self.tr("测评结论"), self.result)
        form.addRow(self.tr("整改说明"), self.notes)
        return form_box

    def _lay_out(self, form_box: QGroupBox) -> None:
        attach_row = QHBoxLayout()
        attach_row.addWidget(self.attachment_label, 1)
        attach_row.addWidget(self.attachment_location, 2)
        attach_row.addWidget(self.browse_button)
        attach_row.addWidget(self.attach_button)
        attach_row.addWidget(self.detach_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.findings)
        layout.addWidget(QLabel(self.tr("最近探测"), self))
        layout.addWidget(self.recent_view)
        layout.addWidget(form_box)
        layout.addWidget(QLabel(self.tr("附件"), self))
        layout.addWidget(self.attachments, 1)
        layout.addLayout(attach_row)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(self.save_button)
        layout.addLayout(bottom)

    def _enable(self) -> None:
        """What the operator may change: the record for the system administrator only; the
        buttons once a site is shown."""
        for widget in (*self.edits.values(), self.level, self.result, self.notes):
            widget.setEnabled(self.editable)
        for button in (
            self.browse_button,
            self.attach_button,
            self.detach_button,
            self.save_button,
        ):
            button.setEnabled(False)
        self.attachments.setToolTip(self.tr("双击打开附件"))
        if not self.editable:
            self.save_button.setToolTip(self.tr("只有系统管理员可以修改备案"))

    def _edit(self, name: str, parent: QWidget) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        if name in DATE_FIELDS:
            edit.setPlaceholderText("YYYY-MM-DD")
        self.edits[name] = edit
        return edit

    async def show_site(self, site_id: int) -> None:
        """Load and show ``site_id``'s filing."""
        detail = await attempt(
            self.message.setText, self.database.call(filings.filing_detail, self.actor, site_id)
        )
        if detail is not REFUSED and shiboken6.isValid(self):  # the window may have closed
            self.show_detail(detail)

    def show_detail(self, detail: FilingDetail) -> None:
        """Fill the pane from ``detail``."""
        self.detail = detail
        opened = detail.opened_on.isoformat() if detail.opened_on else self.tr("未开通")
        self.heading.setText(
            self.tr("{code} {name}（区划 {region}，开通 {opened}）").format(
                code=detail.code, name=detail.name, region=detail.region_code, opened=opened
            )
        )
        self.findings.clear()
        findings = detail.status.findings if detail.status else ()
        for finding in findings:
            label = translated(URGENCY_LABELS[finding.urgency])
            item = QListWidgetItem(f"【{label}】{finding.reason}")
            colour = SHADES.get(finding.urgency)
            if colour is not None:
                item.setBackground(colour)
            self.findings.addItem(item)
        if not findings:
            self.findings.addItem(translated(URGENCY_LABELS[Urgency.OK]))
        self.recent.zone = self.database.zone
        self.recent.set_records(detail.probes)
        record = detail.record
        for name, edit in self.edits.items():
            value = getattr(record, name)
            edit.setText(value.isoformat() if isinstance(value, dt.date) else (value or ""))
        self.level.setCurrentIndex(self.level.findData(record.mlps_level))
        self.result.setCurrentIndex(max(0, self.result.findData(record.assessment_result)))
        self.notes.setPlainText(record.rectification_notes)
        self.attachments.clear()
        for attachment in detail.attachments:
            item = QListWidgetItem(f"{attachment.label} — {attachment.location}")
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, attachment.location)
            self.attachments.addItem(item)
        self.save_button.setEnabled(self.editable)
        has_filing = detail.version > 0
        for button in (self.browse_button, self.attach_button, self.detach_button):
            button.setEnabled(self.editable and has_filing)
        if self.editable and not has_filing:
            self.attach_button.setToolTip(self.tr("先保存备案信息，再添加附件"))
        self.message.clear()

    def record(self) -> FilingRecord | None:
        """The form as a record; None (and a message) when a date cannot be read."""
        dates: dict[str, dt.date | None] = {}
        for name in DATE_FIELDS:
            text = self.edits[name].text().strip()
            try:
                dates[name] = dt.date.fromisoformat(text) if text else None
            except ValueError:
                self.message.setText(self.tr("日期“{text}”应写成 YYYY-MM-DD。").format(text=text))
                self.edits[name].setFocus()
                return None
        texts = {name: self.edits[name].text().strip() or None for name in TEXT_FIELDS}
        return FilingRecord(
            icp_number=texts["icp_number"],
            icp_date=dates["icp_date"],
            psb_number=texts["psb_number"],
            psb_date=dates["psb_date"],
            mlps_level=self.level.currentData(),
            graded_on=dates["graded_on"],
            mlps_form_number=texts["mlps_form_number"],
            mlps_filed_on=dates["mlps_filed_on"],
            assessed_on=dates["assessed_on"],
            assessment_result=self.result.currentData(),
            rectification_notes=self.notes.toPlainText(),
        )

    async def save(self) -> None:
        """Save the form; a refusal or conflict is shown with its reason."""
        if self.detail is None:
            return
        record = self.record()
        if record is None:
            return
        site_id, version = self.detail.site_id, self.detail.version
        save = self.database.call(filings.save_filing, self.actor, site_id, version, record)
        if await attempt(self.message.setText, save) is REFUSED:
            return
        await self.show_site(site_id)
        self.message.setText(self.tr("已保存。"))
        self.saved.emit(site_id)

    async def attach(self) -> None:
        """Add the typed document reference."""
        if self.detail is None:
            return
        site_id, version = self.detail.site_id, self.detail.version
        label, location = self.attachment_label.text(), self.attachment_location.text()
        add = self.database.call(
            filings.add_attachment, self.actor, site_id, version, label, location
        )
        if await attempt(self.message.setText, add) is REFUSED:
            return
        self.attachment_label.clear()
        self.attachment_location.clear()
        await self.show_site(site_id)

    async def detach(self) -> None:
        """Remove the selected document reference."""
        item = self.attachments.currentItem()
        if self.detail is None or item is None:
            return
        attachment_id = item.data(Qt.ItemDataRole.UserRole)
        remove = self.database.call(
            filings.remove_attachment, self.actor, attachment_id, self.detail.version
        )
        if await attempt(self.message.setText, remove) is REFUSED:
            return
        await self.show_site(self.detail.site_id)

    async def browse(self) -> None:
        """Choose a document file; its path becomes the reference (and, if empty, the name)."""
        path = await chosen_file(self, self.tr("选择附件"), [self.tr("所有文件 (*)")])
        if path is not None:
            self.use_file(path)

    def use_file(self, path: Path) -> None:
        """Take ``path`` as the attachment's location (and its name, if none is typed)."""
        self.attachment_location.setText(str(path))
        if not self.attachment_label.text().strip():
            self.attachment_label.setText(path.stem)

    def _open_attachment(self, item: QListWidgetItem) -> None:
        location = str(item.data(Qt.ItemDataRole.UserRole + 1))
        url = QUrl(location) if "://" in location else QUrl.fromLocalFile(location)
        if not QDesktopServices.openUrl(url):
            self.message.setText(self.tr("无法打开“{location}”。").format(location=location))
