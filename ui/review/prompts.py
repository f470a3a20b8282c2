"""The small questions a decision may need: a note, the phrase to whitelist, a confirmation."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.base.i18n import QT_TR_NOOP, joined
from console.review import Decision
from console.screening import PERSONAL_CATEGORY
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
TAKE_DOWN_REASON = QT_TR_NOOP("含不宜公开的内容，已撤稿处理。")
TAKE_DOWN_PERSONAL = QT_TR_NOOP("含未脱敏的个人信息，已撤稿处理。")
TAKE_DOWN_BY_CATEGORY = {
    "涉密": QT_TR_NOOP("含涉密标识或涉密内容（{terms}），已撤稿处理。"),
    "严重表述错误": QT_TR_NOOP("存在严重表述错误（{terms}），已撤稿处理。"),
    "过时表述": QT_TR_NOOP("使用了过时表述（{terms}），已撤稿处理。"),
    "政治": QT_TR_NOOP("含政治敏感表述（{terms}），已撤稿处理。"),
}
TAKE_DOWN_OTHER = QT_TR_NOOP("含“{category}”类内容（{terms}），已撤稿处理。")
NOTE_NEEDED = QT_TR_NOOP("请填写，编辑和操作日志都会看到。")
BULK_TITLE = QT_TR_NOOP("批量审核")
BULK_QUESTION = QT_TR_NOOP("将对以下 {n} 条作出“{decision}”决定，每条单独记入操作日志：")
MORE_TITLES = QT_TR_NOOP("…另有 {n} 条")


def decision_name(decision: Decision) -> str:
    """The decision as the operator reads it."""
    return translated(DECISION_NAMES[decision])


class NoteDialog(QInputDialog):
    """One line from the operator; when ``required``, 确定 on an empty line keeps the dialog
    open and says so beside the line, the typing kept."""

    def __init__(self, parent: QWidget, title: str, label: str, value: str, required: bool):
        super().__init__(parent)
        self.setObjectName("reviewPrompt")
        self.setWindowTitle(title)
        self.setLabelText(label)
        self.setInputMode(QInputDialog.InputMode.TextInput)
        self.setTextEchoMode(QLineEdit.EchoMode.Normal)
        self.setTextValue(value)
        self.required = required
        self.problem = QLabel(self)
        self.problem.setObjectName("noteProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.hide()
        layout = self.layout()
        if isinstance(layout, QVBoxLayout):
            layout.insertWidget(layout.count() - 1, self.problem)
        self.resize(520, self.sizeHint().height())

    def done(self, result: int) -> None:
        """Refuse an empty required note in place; anything else closes as usual."""
        accepted = result == int(QDialog.DialogCode.Accepted.value)
        if accepted and self.required and not self.textValue().strip():
            self.problem.setText(translated(NOTE_NEEDED))
            self.problem.show()
            line = self.findChild(QLineEdit)
            if line is not None:
                line.setFocus()
            return
        super().done(result)


async def ask_text(
    parent: QWidget, title: str, label: str, value: str = "", required: bool = False
) -> str | None:
    """One line of text from the operator (Enter accepts); None when cancelled."""
    dialog = NoteDialog(parent, title, label, value, required)
    try:
        if not await finished(dialog):
            return None
        return dialog.textValue().strip()
    finally:
        dialog.deleteLater()


async def ask_note(parent: QWidget, decision: Decision, reason: str = "") -> str | None:
    """The reviewer's note for a return (required: the editor reads it) or a take-down
    (``reason`` prepared from what was found, also required)."""
    if decision is Decision.RETURN:
        label = translated(RETURN_NOTE)
        return await ask_text(parent, decision_name(decision), label, required=True)
    return await ask_text(
        parent,
        decision_name(decision),
        translated(TAKE_DOWN_NOTE),
        reason or translated(TAKE_DOWN_REASON),
        required=True,
    )


def take_down_reason(findings: Sequence[tuple[str, str, int]]) -> str:
    """The prepared reason for taking a post down, from its findings (category, text,
    severity): the most serious category's sentence, naming what was found (personal data
    by kind only, never the data)."""
    if not findings:
        return translated(TAKE_DOWN_REASON)
    category = max(findings, key=lambda f: f[2])[0]
    if category == PERSONAL_CATEGORY:
        return translated(TAKE_DOWN_PERSONAL)
    terms = list(dict.fromkeys(text for c, text, _s in findings if c == category))[:3]
    sentence = TAKE_DOWN_BY_CATEGORY.get(category, TAKE_DOWN_OTHER)
    return translated(sentence).format(
        category=translated(category), terms=joined(f"“{t}”" for t in terms)
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
