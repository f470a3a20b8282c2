"""The small questions a decision may need: a note, the phrase to whitelist, a confirmation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from console.base.i18n import QT_TR_NOOP
from console.review import Decision
from ui.dialogs import finished
from ui.i18n import translated

SHOWN_TITLES = 10
DECISION_NAMES = {
    Decision.APPROVE: QT_TR_NOOP("通过（误报）"),
    Decision.WHITELIST: QT_TR_NOOP("加白并通过"),
    Decision.RETURN: QT_TR_NOOP("退回编辑"),
    Decision.TAKE_DOWN: QT_TR_NOOP("撤稿下线"),
}
RETURN_NOTE = QT_TR_NOOP("退回意见（编辑会看到）：")
TAKE_DOWN_NOTE = QT_TR_NOOP("撤稿原因：")
TAKE_DOWN_REASON = QT_TR_NOOP("含个人敏感信息或严重表述错误，已撤稿处理。")
BULK_TITLE = QT_TR_NOOP("批量审核")
BULK_QUESTION = QT_TR_NOOP("将对以下 {n} 条作出“{decision}”决定，每条单独记入操作日志：")
MORE_TITLES = QT_TR_NOOP("…另有 {n} 条")


def decision_name(decision: Decision) -> str:
    """The decision as the operator reads it."""
    return translated(DECISION_NAMES[decision])


async def ask_text(parent: QWidget, title: str, label: str, value: str = "") -> str | None:
    """One line of text from the operator (Enter accepts); None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("reviewPrompt")
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(value)
    dialog.resize(520, dialog.sizeHint().height())
    try:
        if not await finished(dialog):
            return None
        return dialog.textValue().strip()
    finally:
        dialog.deleteLater()


async def ask_note(parent: QWidget, decision: Decision) -> str | None:
    """The reviewer's note for a return (required) or a take-down (a default reason)."""
    if decision is Decision.RETURN:
        return await ask_text(parent, decision_name(decision), translated(RETURN_NOTE))
    return await ask_text(
        parent,
        decision_name(decision),
        translated(TAKE_DOWN_NOTE),
        translated(TAKE_DOWN_REASON),
    )


async def confirm(parent: QWidget, title: str, text: str, details: str = "") -> bool:
    """Ask a yes/no question (Cancel is the default); whether the operator said yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("reviewConfirm")
    if details:
        box.setInformativeText(details)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    try:
        return await finished(box) == QMessageBox.StandardButton.Yes.value
    finally:
        box.deleteLater()


async def confirm_bulk(parent: QWidget, decision: Decision, titles: Sequence[str]) -> bool:
    """Ask before deciding several items at once, listing (some of) them."""
    shown = "\n".join(f"· {title}" for title in titles[:SHOWN_TITLES])
    if len(titles) > SHOWN_TITLES:
        shown += "\n" + translated(MORE_TITLES).format(n=len(titles) - SHOWN_TITLES)
    return await confirm(
        parent,
        translated(BULK_TITLE),
        translated(BULK_QUESTION).format(n=len(titles), decision=decision_name(decision)),
        shown,
    )
