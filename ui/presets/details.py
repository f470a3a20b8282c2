"""The name, site kind and description of a preset, asked for when a tree becomes a new preset."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLineEdit, QWidget

from console.base.labels import SITE_KINDS
from console.presets.files import DESCRIPTION_LIMIT, NAME_LIMIT, PresetFile
from console.schema import SiteKind
from ui.forms import finish_form
from ui.i18n import translated


class PresetDetailsDialog(QDialog):
    """Name, kind of site and description for a new preset made from an edited tree."""

    def __init__(self, base: PresetFile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presetDetails")
        self.setWindowTitle(self.tr("另存为新预设"))
        self.name = QLineEdit(self.tr("{name}（副本）").format(name=base.name), self)
        self.name.setObjectName("presetName")
        self.name.setMaxLength(NAME_LIMIT)
        self.kind = QComboBox(self)
        self.kind.setObjectName("presetKind")
        for value, label in SITE_KINDS.items():
            self.kind.addItem(translated(label), value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(base.site_kind.value)))
        self.description = QLineEdit(base.description, self)
        self.description.setObjectName("presetDescription")
        self.description.setMaxLength(DESCRIPTION_LIMIT)
        form = QFormLayout()
        form.addRow(self.tr("预设名称："), self.name)
        form.addRow(self.tr("适用网站："), self.kind)
        form.addRow(self.tr("说明："), self.description)
        self.problem = finish_form(self, form, "detailsProblem")
        self.resize(520, self.sizeHint().height())

    def preset(self, base: PresetFile) -> PresetFile:
        """``base``'s columns under the name, kind and description entered."""
        return PresetFile(
            self.name.text().strip(),
            SiteKind(self.kind.currentData()),
            self.description.text().strip(),
            base.columns,
        )
