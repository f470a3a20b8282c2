"""Structured filters of the site list (kind, state, level, subtree) and named saved filters."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QComboBox, QInputDialog, QPushButton, QWidget

from console.base.labels import SITE_KINDS, SITE_STATES
from console.sites.service import LEVELS
from ui.dialogs import finished
from ui.flow import FlowLayout
from ui.i18n import translated

SETTINGS_KEY = "sites/savedFilters"


@dataclass(frozen=True)
class SiteFilter:
    """Everything that narrows the site list; saved filters store this."""

    text: str = ""
    kind: str = ""
    state: str = ""
    level: str = ""
    subtree: int | None = None

    def equals(self) -> tuple[tuple[str, Any], ...]:
        """The structured part as ``Query.equals``."""
        pairs: list[tuple[str, Any]] = [
            (key, value)
            for key, value in (("kind", self.kind), ("state", self.state), ("level", self.level))
            if value
        ]
        if self.subtree is not None:
            pairs.append(("subtree", self.subtree))
        return tuple(pairs)


def saved_filters() -> dict[str, SiteFilter]:
    """The operator's saved filters by name."""
    raw = QSettings().value(SETTINGS_KEY, "{}")
    try:
        stored = json.loads(str(raw))
    except ValueError:
        return {}
    return {name: SiteFilter(**value) for name, value in stored.items() if isinstance(value, dict)}


def store_filters(filters: dict[str, SiteFilter]) -> None:
    """Keep the operator's saved filters."""
    QSettings().setValue(
        SETTINGS_KEY,
        json.dumps({n: asdict(f) for n, f in filters.items()}, ensure_ascii=False),
    )


class FilterBar(QWidget):
    """Combos for kind, state and level, and the saved-filter picker; ``changed`` on any edit."""

    changed = Signal()
    applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = self._combo("kindFilter", self.tr("全部类型"), SITE_KINDS)
        self.state = self._combo("stateFilter", self.tr("全部状态"), SITE_STATES)
        self.level = self._combo("levelFilter", self.tr("全部层级"), LEVELS)
        self.saved = QComboBox(self)
        self.saved.setObjectName("savedFilters")
        self.saved.setMinimumContentsLength(8)
        self.save_button = QPushButton(self.tr("保存筛选…"), self)
        self.delete_button = QPushButton(self.tr("删除"), self)
        # Wrapping rows: the filters never make the window wider (any language).
        layout = FlowLayout(self)
        for widget in (self.kind, self.state, self.level):
            layout.addWidget(widget)
            widget.currentIndexChanged.connect(lambda _i: self.changed.emit())
        layout.addWidget(self.saved)
        layout.addWidget(self.save_button)
        layout.addWidget(self.delete_button)
        self.saved.activated.connect(self._apply_saved)
        self.delete_button.clicked.connect(self._delete_saved)
        self._list_saved()

    def _combo(self, name: str, everything: str, labels: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, "")
        for code, label in labels.items():
            combo.addItem(translated(label), str(code))
        return combo

    def choices(self) -> tuple[str, str, str]:
        """The chosen kind, state and level codes ('' for all)."""
        return (
            str(self.kind.currentData()),
            str(self.state.currentData()),
            str(self.level.currentData()),
        )

    def show_filter(self, chosen: SiteFilter) -> None:
        """Set the combos to ``chosen`` (one ``changed`` afterwards)."""
        for combo, value in (
            (self.kind, chosen.kind),
            (self.state, chosen.state),
            (self.level, chosen.level),
        ):
            blocked = combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(blocked)
        self.changed.emit()

    def _list_saved(self) -> None:
        self.saved.clear()
        self.saved.addItem(self.tr("已保存的筛选"), "")
        for name in sorted(saved_filters()):
            self.saved.addItem(name, name)
        self.delete_button.setEnabled(self.saved.count() > 1)

    def _apply_saved(self, index: int) -> None:
        name = self.saved.itemData(index)
        chosen = saved_filters().get(str(name)) if name else None
        if chosen is not None:
            self.applied.emit(chosen)

    def _delete_saved(self) -> None:
        name = self.saved.currentData()
        if not name:
            return
        filters = saved_filters()
        filters.pop(str(name), None)
        store_filters(filters)
        self._list_saved()

    async def save_as(self, current: SiteFilter, name: str | None = None) -> str | None:
        """Save ``current`` under a name the operator types (or ``name``)."""
        if name is None:
            dialog = QInputDialog(self)
            dialog.setWindowTitle(self.tr("保存筛选"))
            dialog.setLabelText(self.tr("筛选名称："))
            accepted = await finished(dialog)
            name = dialog.textValue().strip() if accepted else ""
            dialog.deleteLater()
        if not name:
            return None
        filters = saved_filters()
        filters[name] = current
        store_filters(filters)
        self._list_saved()
        self.saved.setCurrentIndex(self.saved.findData(name))
        return name
