"""Pieces every form and dialog shares: a message line, showing an outcome, Save/Cancel,
running a service whose refusal is shown where the operator looks, and exporting."""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Final, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.base.errors import ConsoleError, EnvironmentFault
from console.base.i18n import QT_TR_NOOP
from ui.dialogs import finished
from ui.i18n import translated

T = TypeVar("T")


class Refused(enum.Enum):
    """What ``attempt`` gives when the work was refused or the environment failed."""

    REFUSED = "refused"


REFUSED: Final = Refused.REFUSED
# Writing an export file is blocking I/O on the bounded pool: it gets this long.
EXPORT_TIMEOUT_S = 120.0
EXPORT_FAILED = QT_TR_NOOP("导出失败：{error}")
EXPORTED = QT_TR_NOOP("已导出 {n} 行到 {path}")

# Where a refusal is told: a message line (shown in red), or anything taking the text (a
# status line's ``setText``, a pane's ``tell``, a signal's ``emit``).
Teller = QLabel | Callable[[str], object]


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


async def attempt(tell: Teller, work: Awaitable[T] | Callable[[], Awaitable[T]]) -> T | Refused:
    """Await ``work`` (usually ``database.call(...)``); its result, or ``REFUSED`` once a
    refusal (``ConsoleError``) or an environment fault has been told through ``tell``.

    ``work`` may also be a function making the awaitable: it is called here, so a refusal
    raised while the call is put together (a form's ``draft()``) is told the same way.
    Nothing is told when the label, or the widget owning ``tell``, is gone: its window closed
    while the work ran. Bugs propagate to the crash handler.
    """
    try:
        return await (work() if callable(work) else work)
    except (ConsoleError, EnvironmentFault) as error:
        _tell(tell, str(error))
        return REFUSED


def _tell(tell: Teller, text: str) -> None:
    owner = tell if isinstance(tell, QLabel) else getattr(tell, "__self__", None)
    if isinstance(owner, QObject) and not shiboken6.isValid(owner):
        return
    if isinstance(tell, QLabel):
        say(tell, text, "bad")
    else:
        tell(text)


async def exported(tell: Callable[[str], object], work: Awaitable[int]) -> int | None:
    """Await an export: the rows it wrote, or None once ``tell`` was told why it could not
    (refused, the database lost, the file not writable, too slow)."""
    try:
        return await work
    except (ConsoleError, EnvironmentFault, OSError, TimeoutError) as error:
        tell(translated(EXPORT_FAILED).format(error=error))
        return None


def exported_text(written: int, path: Path) -> str:
    """What an export did, as the operator reads it."""
    return translated(EXPORTED).format(n=written, path=path)


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


async def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[tuple[T, str]],
    default: T,
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> T:
    """Ask ``text`` with one button per choice (value, label); the default's button has the
    focus, and Esc or closing the question gives ``default`` (always the choice that changes
    nothing)."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("question")
    buttons: list[tuple[QPushButton, T]] = []
    for value, label in choices:
        role = (
            QMessageBox.ButtonRole.RejectRole
            if value == default
            else QMessageBox.ButtonRole.AcceptRole
        )
        buttons.append((box.addButton(label, role), value))
    safe = next(button for button, value in buttons if value == default)
    box.setDefaultButton(safe)
    box.setEscapeButton(safe)
    try:
        await finished(box)
        clicked = box.clickedButton()
        return next((value for button, value in buttons if button is clicked), default)
    finally:
        box.deleteLater()
        back_to(parent)


def back_to(window: QWidget | None) -> None:
    """Give the keyboard back to ``window`` once a question over it has closed (where no window
    manager does), so the operator's next keys go where they went before."""
    if window is not None and shiboken6.isValid(window) and window.isVisible():
        window.activateWindow()
