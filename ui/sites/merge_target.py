"""The target of 整合迁移: a field that searches the register by code or name as it is typed."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from console.base.actor import Actor
from console.sites.views import merge_targets
from ui.forms import REFUSED, attempt
from ui.tasks import Database


class MergeTargetField(QLineEdit):
    """Type part of a code or a name; the sites that contain it drop down to pick from. The
    site meant is the code at the start of the text (typed, or put there by a pick)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeTarget")
        self.setPlaceholderText(self.tr("整合到：输入标识码或名称搜索"))
        self.setClearButtonEnabled(True)
        # Wide enough for its hint and a code with a name.
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(self.placeholderText()) + 40)
        self.choices = QStringListModel(self)
        completer = QCompleter(self.choices, self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.loaded = False

    async def load(self, database: Database, actor: Actor) -> None:
        """Read the sites that can take a merge (once per site shown)."""
        found = await attempt(self.setToolTip, database.call(merge_targets, actor))
        if found is not REFUSED:
            self.choices.setStringList([f"{code} {name}" for code, name in found])
            self.loaded = True

    def code(self) -> str:
        """The code the text starts with ('' when empty)."""
        text = self.text().strip()
        return text.split()[0] if text else ""
