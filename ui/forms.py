"""Pieces every form and dialog shares: a message line, showing an outcome, Save/Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget


def message_label(parent: QWidget, name: str) -> QLabel:
    """A word-wrapped, selectable label for outcomes and refusals (hidden until used)."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def say(label: QLabel, text: str, tone: str = "") -> None:
    """Show ``text`` in ``label`` (red for refusals, green for success)."""
    colours = {"bad": "#b3261e", "good": "#1b7f3b"}
    label.setStyleSheet(f"color: {colours[tone]};" if tone in colours else "")
    label.setText(text)
    label.setVisible(bool(text))


def finish_form(dialog: QDialog, form: QFormLayout, problem_name: str) -> QLabel:
    """Lay out ``form``, a problem line and Save/Cancel in ``dialog``; the problem line."""
    problem = message_label(dialog, problem_name)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addLayout(form)
    layout.addWidget(problem)
    layout.addWidget(buttons)
    return problem
