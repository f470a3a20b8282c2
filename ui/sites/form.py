"""The form of a site's registration, used by the detail pane and the new-site dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.base.errors import InvalidInput
from console.base.i18n import QT_TR_NOOP
from console.base.labels import SITE_KINDS
from console.sites.rules import ORGANISER_TYPES, SiteDraft
from ui.i18n import translated

BAD_DATE = QT_TR_NOOP("开通日期“{value}”格式不对，应为 YYYY-MM-DD。")


class SiteForm(QWidget):
    """Fields of a ``SiteDraft``; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = QLineEdit(self)
        self.code.setObjectName("code")
        self.code.setPlaceholderText(self.tr("10 位数字，或 bm 加 8 位数字"))
        self.name = QLineEdit(self)
        self.name.setObjectName("name")
        self.kind = QComboBox(self)
        self.kind.setObjectName("kind")
        for code, label in SITE_KINDS.items():
            self.kind.addItem(translated(label), str(code))
        self.parent_code = QLineEdit(self)
        self.parent_code.setObjectName("parentCode")
        self.parent_code.setPlaceholderText(self.tr("上级网站的标识码；省级、市级门户可留空"))
        self.organiser = QLineEdit(self)
        self.organiser.setObjectName("organiser")
        self.uscc = QLineEdit(self)
        self.uscc.setObjectName("uscc")
        self.uscc.setMaxLength(18)
        self.organiser_type = QComboBox(self)
        self.organiser_type.setObjectName("organiserType")
        for code, label in ORGANISER_TYPES.items():
            self.organiser_type.addItem(translated(label), str(code))
        self.domains = QPlainTextEdit(self)
        self.domains.setObjectName("domains")
        self.domains.setPlaceholderText(self.tr("每行一个域名，第一行是主域名"))
        self.domains.setTabChangesFocus(True)
        self.domains.setFixedHeight(self.fontMetrics().height() * 4 + 12)
        self.opened_on = QLineEdit(self)
        self.opened_on.setObjectName("openedOn")
        self.opened_on.setPlaceholderText("YYYY-MM-DD")
        self.contact_name = QLineEdit(self)
        self.contact_name.setObjectName("contactName")
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setObjectName("contactPhone")
        self.contact_email = QLineEdit(self)
        self.contact_email.setObjectName("contactEmail")
        self.contact_email.setPlaceholderText(self.tr("每月通报发往此邮箱"))
        self.filing = QLabel(self)
        self.filing.setObjectName("filingNumbers")
        self.filing.setWordWrap(True)

        form = QFormLayout(self)
        form.addRow(self.tr("网站标识码(&C)"), self.code)
        form.addRow(self.tr("网站名称(&N)"), self.name)
        form.addRow(self.tr("类型(&K)"), self.kind)
        form.addRow(self.tr("上级网站标识码(&P)"), self.parent_code)
        form.addRow(self.tr("主办单位(&O)"), self.organiser)
        form.addRow(self.tr("统一社会信用代码(&U)"), self.uscc)
        form.addRow(self.tr("主办单位性质(&T)"), self.organiser_type)
        form.addRow(self.tr("域名(&D)"), self.domains)
        form.addRow(self.tr("开通日期"), self.opened_on)
        form.addRow(self.tr("联络员"), self.contact_name)
        form.addRow(self.tr("联络员电话"), self.contact_phone)
        form.addRow(self.tr("联络员邮箱"), self.contact_email)
        form.addRow(self.tr("备案号"), self.filing)
        self._icp: str | None = None
        self._psb: str | None = None
        contact = (self.contact_name, self.contact_phone, self.contact_email)
        for line in (self.code, self.name, self.parent_code, self.organiser, self.uscc, *contact):
            line.textEdited.connect(lambda _t: self.changed.emit())
        self.opened_on.textEdited.connect(lambda _t: self.changed.emit())
        self.kind.activated.connect(lambda _i: self.changed.emit())
        self.organiser_type.activated.connect(lambda _i: self.changed.emit())
        self.domains.textChanged.connect(lambda: self.changed.emit())

    def set_draft(self, draft: SiteDraft) -> None:
        """Show ``draft`` in the fields."""
        blocked = self.blockSignals(True)
        self.code.setText(draft.code)
        self.name.setText(draft.name)
        self.kind.setCurrentIndex(max(self.kind.findData(draft.kind), 0))
        self.parent_code.setText(draft.parent_code or "")
        self.organiser.setText(draft.organiser_name)
        self.uscc.setText(draft.organiser_uscc)
        self.organiser_type.setCurrentIndex(
            max(self.organiser_type.findData(draft.organiser_type), 0)
        )
        self.domains.setPlainText("\n".join(draft.domains))
        self.opened_on.setText(draft.opened_on.isoformat() if draft.opened_on else "")
        self._icp, self._psb = draft.icp_number, draft.psb_number
        self.contact_name.setText(draft.contact_name)
        self.contact_phone.setText(draft.contact_phone)
        self.contact_email.setText(draft.contact_email)
        self.filing.setText(
            self.tr("ICP：{icp}；公安：{psb}（在“安全备案”页维护）").format(
                icp=draft.icp_number or self.tr("无"), psb=draft.psb_number or self.tr("无")
            )
        )
        self.blockSignals(blocked)

    def draft(self) -> SiteDraft:
        """The draft the fields describe (the service checks the rules)."""
        opened = self.opened_on.text().strip()
        try:
            opened_on = dt.date.fromisoformat(opened) if opened else None
        except ValueError:
            raise InvalidInput(BAD_DATE, value=opened) from None
        return SiteDraft(
            code=self.code.text().strip(),
            name=self.name.text().strip(),
            kind=str(self.kind.currentData()),
            organiser_name=self.organiser.text().strip(),
            organiser_uscc=self.uscc.text().strip().upper(),
            organiser_type=str(self.organiser_type.currentData()),
            parent_code=self.parent_code.text().strip() or None,
            domains=tuple(d.strip() for d in self.domains.toPlainText().split() if d.strip()),
            opened_on=opened_on,
            icp_number=self._icp,
            psb_number=self._psb,
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            contact_email=self.contact_email.text().strip(),
        )
