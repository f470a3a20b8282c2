"""The journal for the audit administrator: filters, export, the selected entry in full
(before → after, its hashes), and verifying the hash chain.

Read-only by construction: the page offers no edit or delete, and no service exists for one.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.base import anchors, clock, journal
from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.base.journal import JOURNAL, Verification
from console.base.journal_search import EntryDetail, entry, journal_listing
from ui.forms import REFUSED, attempt, message_label, say
from ui.i18n import translated
from ui.list_pane import ListPane
from ui.permissions.common import narrow
from ui.tasks import Database, run_io, spawn

ENTRY_HEADING = QT_TR_NOOP("第 {seq} 条　{at}　{operator}　{action}")
ENTRY_TARGET = QT_TR_NOOP("对象：{kind} {id} {label}")
BEFORE = QT_TR_NOOP("变更前：")
AFTER = QT_TR_NOOP("变更后：")
NOTHING = QT_TR_NOOP("（无）")
PREVIOUS_HASH = QT_TR_NOOP("上一条哈希：{hash}")
OWN_HASH = QT_TR_NOOP("本条哈希：{hash}")
ACTIONS = (
    "",
    "grant.",
    "grant.create",
    "grant.revoke",
    "grant.renew",
    "account.",
    "account.reveal_phone",
    "operator.",
    "login.failed",
)


class JournalPage(QWidget):
    """Journal entries filtered by operator, action, target and date; 校验日志链."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.anchors_path = anchors.default_path()
        self.setObjectName("journalPage")
        self.database, self.actor = database, actor
        self.operator = QLineEdit(self)
        self.operator.setObjectName("journalOperator")
        self.operator.setPlaceholderText(self.tr("操作员用户名"))
        self.action = QComboBox(self)
        self.action.setObjectName("journalAction")
        self.action.setEditable(True)
        self.action.addItems(ACTIONS)
        self.action.setToolTip(self.tr("以“.”结尾表示前缀，如 grant. 为全部授权操作"))
        self.target = QLineEdit(self)
        self.target.setObjectName("journalTarget")
        self.target.setPlaceholderText(self.tr("对象包含"))
        self.use_dates = QCheckBox(self.tr("日期"), self)
        self.use_dates.setToolTip(self.tr("按站群时区的日期筛选"))
        day = database.today()
        today = QDate(day.year, day.month, day.day)
        self.since = QDateEdit(today.addDays(-30), self)
        self.until = QDateEdit(today, self)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
            self.use_dates.toggled.connect(edit.setEnabled)
        apply = QPushButton(self.tr("筛选(&L)"), self)
        apply.setObjectName("journalApply")
        apply.clicked.connect(lambda: spawn(self.apply_filters(), "journal-filter"))
        self.operator.returnPressed.connect(apply.click)
        self.target.returnPressed.connect(apply.click)
        self.verify_button = QPushButton(self.tr("校验日志链(&V)"), self)
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(lambda: spawn(self.verify(), "verify"))
        self.anchor_button = QPushButton(self.tr("记录锚点(&A)"), self)
        self.anchor_button.setObjectName("anchorChain")
        self.anchor_button.setToolTip(
            self.tr("把当前链头（序号、哈希、时间）追加到库外的锚点文件：{path}").format(
                path=self.anchors_path
            )
        )
        self.anchor_button.clicked.connect(lambda: spawn(self.anchor(), "anchor"))
        bar = QHBoxLayout()
        for caption, widget in (
            (self.tr("操作员"), self.operator),
            (self.tr("操作"), self.action),
            (self.tr("对象"), self.target),
        ):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            bar.addWidget(label)
            bar.addWidget(widget, 1)
        bar.addWidget(self.use_dates)
        bar.addWidget(self.since)
        bar.addWidget(QLabel("—", self))
        bar.addWidget(self.until)
        bar.addWidget(apply)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.anchor_button)
        self.verdict = message_label(self, "chainVerdict")
        self.pane = ListPane(JOURNAL, database, actor, self)
        self.pane.view.selectionModel().currentRowChanged.connect(
            lambda current, _previous: spawn(self.show_entry(current.row()), "journal-entry")
        )
        self.detail = QPlainTextEdit(self)
        self.detail.setObjectName("journalEntry")
        self.detail.setReadOnly(True)
        self.detail.setPlaceholderText(self.tr("选择一条日志，查看变更前后的内容和哈希。"))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.pane)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(splitter, 1)

    async def apply_filters(self) -> None:
        """Show the entries matching the filters."""
        since: dt.date | None = None
        until: dt.date | None = None
        if self.use_dates.isChecked():
            since = _day(self.since)
            until = _day(self.until)
        listing = journal_listing(
            self.operator.text(),
            self.action.currentText(),
            self.target.text(),
            since,
            until,
            self.database.zone,
        )
        await narrow(self.pane, listing, [])

    async def show_entry(self, row: int) -> None:
        """Show the entry at ``row`` in full below the list."""
        if row < 0 or row >= self.pane.model.rowCount():
            self.detail.clear()
            return
        shown = await attempt(
            self.detail.setPlainText,
            self.database.call(entry, self.actor, self.pane.model.row_id(row)),
        )
        if shown is not REFUSED:
            self.detail.setPlainText(entry_text(shown, self.database.zone))

    async def anchor(self) -> anchors.Anchor | None:
        """Append the chain's head to the anchors file kept outside the database."""
        taken = await attempt(self.verdict, self.database.call(anchors.take, self.actor))
        if taken is REFUSED:
            return None
        written = await attempt(self.verdict, run_io(anchors.append, 30, self.anchors_path, taken))
        if written is REFUSED:
            return None
        text = self.tr("已记录锚点：第 {seq} 条，哈希 {hash} → {path}")
        say(
            self.verdict,
            text.format(seq=taken.seq, hash=taken.hash, path=self.anchors_path),
            "good",
        )
        return taken

    async def _checked_anchors(self) -> list[str] | None:
        """What is wrong with the recorded anchors (none recorded: nothing); None if refused."""
        if not await run_io(self.anchors_path.exists, 30):
            return []
        recorded = await attempt(self.verdict, run_io(anchors.read, 30, self.anchors_path))
        if recorded is REFUSED:
            return None
        checked = await attempt(
            self.verdict, self.database.call(anchors.check, self.actor, recorded)
        )
        return None if checked is REFUSED else checked

    async def verify(self) -> Verification | None:
        """Walk the whole chain and the anchors; show whether it is intact (or where it breaks)."""
        self.verify_button.setEnabled(False)
        say(self.verdict, self.tr("正在校验…"))
        try:
            result = await attempt(self.verdict, self.database.call(journal.verify, self.actor))
            problems = None if result is REFUSED else await self._checked_anchors()
        finally:
            self.verify_button.setEnabled(True)
        if result is REFUSED or problems is None:
            return None
        result.problems.extend(problems)
        if result.intact:
            text = self.tr("日志链完整：共 {n} 条，链头哈希 {hash}（请在库外记下以备核对）。")
            say(self.verdict, text.format(n=result.entries, hash=result.head_hash), "good")
        else:
            text = self.tr("日志链已被破坏：共 {n} 条，发现 {k} 处问题：\n{problems}")
            shown = "\n".join(result.problems[:10])
            say(
                self.verdict,
                text.format(n=result.entries, k=len(result.problems), problems=shown),
                "bad",
            )
        return result


def entry_text(shown: EntryDetail, zone: ZoneInfo) -> str:
    """An entry as the detail box reads it: who did what to which object, before, after, hashes."""
    nothing = translated(NOTHING)
    lines = [
        translated(ENTRY_HEADING).format(
            seq=shown.seq,
            at=clock.shown(shown.at, zone),
            operator=shown.operator_name,
            action=shown.action,
        ),
        translated(ENTRY_TARGET).format(
            kind=shown.target_type, id=shown.target_id, label=shown.target_label
        ),
        translated(BEFORE) + ("\n" + shown.before if shown.before else nothing),
        translated(AFTER) + ("\n" + shown.after if shown.after else nothing),
        translated(PREVIOUS_HASH).format(hash=shown.prev_hash),
        translated(OWN_HASH).format(hash=shown.hash),
    ]
    return "\n".join(lines)


def _day(edit: QDateEdit) -> dt.date:
    value = edit.date().toPython()
    assert isinstance(value, dt.date)
    return value
