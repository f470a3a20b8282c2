"""The area's settings: probe timeout, concurrency, schedule, the level-2 测评 period."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from console.filings.settings import NAMES, RANGES, FilingSettings
from ui.i18n import translated


class FilingSettingsDialog(QDialog):
    """Edits a ``FilingSettings``; the caller stores ``settings()`` when accepted."""

    def __init__(
        self, current: FilingSettings, editable: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filingSettings")
        self.setWindowTitle(self.tr("安全备案设置"))
        self.spins: dict[str, QSpinBox] = {}
        form = QFormLayout(self)
        for name, (low, high) in RANGES.items():
            spin = QSpinBox(self)
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setValue(getattr(current, name))
            spin.setEnabled(editable)
            self.spins[name] = spin
            form.addRow(translated(NAMES[name]), spin)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(editable)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def settings(self) -> FilingSettings:
        """The values as entered."""
        return FilingSettings(**{name: spin.value() for name, spin in self.spins.items()})
