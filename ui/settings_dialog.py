"""The cluster settings dialog: every setting with its value, default and help.

Each setting is editable by the duty that owns it and read-only for everyone else. Saving
sends only what changed, with the versions read, so a refusal (a bad value, a change made
meanwhile by another console) is shown in place and nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.base.actor import DUTY_LABELS, Actor
from console.base.cluster_service import SettingState, change_settings, listed
from console.base.errors import EnvironmentFault
from console.base.i18n import QT_TR_NOOP, joined
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.tasks import Database

SECTIONS = {
    "cluster": QT_TR_NOOP("站群"),
    "inspection": QT_TR_NOOP("检查指标（单项否决）"),
    "filings": QT_TR_NOOP("安全备案与探测"),
}
HELP_STYLE = "color: palette(mid);"
EDITOR_TIP = QT_TR_NOOP("{key}，默认 {default}")


def _editor(state: SettingState, parent: QWidget) -> QWidget:
    """The control that fits the setting's kind, showing its current value."""
    setting = state.setting
    editor: QWidget
    if setting.kind == "integer" and setting.low is not None and setting.high is not None:
        spin = QSpinBox(parent)
        spin.setRange(int(setting.low), int(setting.high))
        spin.setValue(int(state.text))
        editor = spin
    elif setting.kind == "choice" and setting.choices is not None:
        combo = QComboBox(parent)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.addItems(list(setting.choices()))
        completer = QCompleter(combo.model(), combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        combo.setCompleter(completer)
        combo.setCurrentText(state.text)
        editor = combo
    else:
        editor = QLineEdit(state.text, parent)
    editor.setObjectName(setting.key)
    editor.setEnabled(state.editable)
    editor.setToolTip(translated(EDITOR_TIP).format(key=setting.key, default=state.default_text))
    return editor


def _typed(editor: QWidget) -> str:
    if isinstance(editor, QSpinBox):
        return str(editor.value())
    if isinstance(editor, QComboBox):
        return editor.currentText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


class ClusterSettingsDialog(QDialog):
    """Shows ``states`` (every setting, or those under one prefix); saves what changed."""

    def __init__(
        self,
        database: Database,
        actor: Actor,
        states: Sequence[SettingState],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("clusterSettings")
        self.setWindowTitle(self.tr("站群设置"))
        self.database, self.actor = database, actor
        self.states = {state.setting.key: state for state in states}
        self.editors: dict[str, QWidget] = {}
        body = QWidget(self)
        form = QFormLayout(body)
        section = ""
        for state in states:
            prefix = state.setting.key.split(".", 1)[0]
            if prefix != section:
                section = prefix
                heading = QLabel(f"<b>{translated(SECTIONS.get(prefix, prefix))}</b>", body)
                form.addRow(heading)
            self.editors[state.setting.key] = editor = _editor(state, body)
            label = QLabel(state.setting.title, body)
            label.setBuddy(editor)
            form.addRow(label, editor)
            help_text = translated(state.setting.help)
            if help_text:
                note = QLabel(help_text, body)
                note.setWordWrap(True)
                note.setStyleSheet(HELP_STYLE)
                form.addRow("", note)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.note = message_label(self, "settingsNote")
        self.problem = message_label(self, "settingsProblem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setEnabled(any(s.editable for s in states))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        read_only = sorted({s.setting.owner for s in states if not s.editable})
        if read_only:
            duties = joined(translated(DUTY_LABELS[d]) for d in read_only)
            text = self.tr("灰色的设置只能查看：修改它们需要{duties}职责。")
            say(self.note, text.format(duties=duties))
        self.resize(640, 560)

    def changes(self) -> dict[str, str]:
        """The settings whose typed value differs from what was read, by key."""
        return {
            key: _typed(editor).strip()
            for key, editor in self.editors.items()
            if self.states[key].editable and _typed(editor).strip() != self.states[key].text
        }

    async def save(self) -> bool:
        """Show the dialog until what changed is saved (True) or it is cancelled (False)."""
        while await finished(self):
            changes = self.changes()
            if not changes:
                return False
            seen = {key: self.states[key].version for key in changes}
            saved = await attempt(
                self.problem, self.database.call(change_settings, self.actor, changes, seen)
            )
            if saved is not REFUSED:
                return True
        return False


async def edit_settings(
    database: Database, actor: Actor, parent: QWidget, prefix: str = ""
) -> bool:
    """Show the settings (those under ``prefix``); True when the operator changed some."""
    try:
        states = await database.call(listed, actor)
    except EnvironmentFault:  # the window's status bar has said the database is gone
        return False
    dialog = ClusterSettingsDialog(
        database, actor, [s for s in states if s.setting.key.startswith(prefix)], parent
    )
    try:
        saved = await dialog.save()
    finally:
        dialog.deleteLater()
    if saved:
        await database.read_zone()
    return saved
