"""The right side of the review tab: the post with its findings highlighted, and the list."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.labels import QUEUE_STATES
from console.review.detail import FindingView
from console.review.service import ItemDetail, severity_text
from ui.i18n import translated

SEVERITY_COLOURS = {1: "#fff3b0", 2: "#ffd08a", 3: "#ff9d9d"}


def utf16(text: str, index: int) -> int:
    """A Python string index as the UTF-16 position Qt's text cursor counts in."""
    return len(text[:index].encode("utf-16-le")) // 2


class DetailPane(QWidget):
    """Shows one queue item: title, where and when, the body with findings marked in place."""

    findingChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("auditDetail")
        self.detail: ItemDetail | None = None
        self.heading = QLabel(self)
        self.heading.setObjectName("detailHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.meta = QLabel(self)
        self.meta.setObjectName("detailMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QTextBrowser(self)
        self.text.setObjectName("postText")
        self.text.setOpenLinks(False)
        self.text.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.findings = QTableWidget(0, 4, self)
        self.findings.setObjectName("findings")
        self.findings.setHorizontalHeaderLabels(
            [self.tr("类别"), self.tr("词条"), self.tr("内容"), self.tr("严重度")]
        )
        self.findings.verticalHeader().hide()
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.findings.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.findings.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        header = self.findings.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        digit = self.fontMetrics().horizontalAdvance("0")
        for column, width in enumerate((10, 12, 22)):
            header.resizeSection(column, width * digit)
        self.findings.currentCellChanged.connect(lambda row, *_: self._show_finding(row))

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.text)
        split.addWidget(self.findings)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.meta)
        layout.addWidget(split, 1)
        self.show_nothing()

    def show_nothing(self, message: str = "") -> None:
        """Clear the pane (no item selected), optionally saying why."""
        self.detail = None
        self.heading.setText(message or self.tr("选择左侧条目查看稿件和问题"))
        self.meta.clear()
        self.text.clear()
        self.findings.setRowCount(0)

    def present(self, detail: ItemDetail, zone: ZoneInfo) -> None:
        """Show ``detail``: its text with every finding highlighted and listed, times in the
        cluster's ``zone``."""
        self.detail = detail
        state = translated(QUEUE_STATES.get(detail.state, detail.state))
        self.heading.setText(detail.title)
        parts = [
            detail.site,
            self.tr("发布 {when}").format(when=clock.shown(detail.published_at, zone)),
            self.tr("入队 {when}").format(when=clock.shown(detail.queued_at, zone)),
            state,
        ]
        if detail.handler:
            parts.append(self.tr("处理人 {name}").format(name=detail.handler))
        if detail.note:
            parts.append(self.tr("意见：{note}").format(note=detail.note))
        self.meta.setText(" · ".join(parts))
        self.text.setPlainText(detail.title + "\n\n" + detail.body)
        self._body_offset = len(detail.title) + 2
        for finding in detail.findings:
            self._mark(finding)
        self.findings.setRowCount(len(detail.findings))
        for row, finding in enumerate(detail.findings):
            category = translated(finding.category)
            values = (category, finding.term, finding.text, severity_text(finding.severity))
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.findings.setItem(row, column, cell)
        self.text.moveCursor(QTextCursor.MoveOperation.Start)

    def _span(self, finding: FindingView) -> tuple[int, int]:
        assert self.detail is not None
        whole = self.detail.title + "\n\n" + self.detail.body
        base = 0 if finding.in_title else self._body_offset
        return utf16(whole, base + finding.start), utf16(whole, base + finding.end)

    def _mark(self, finding: FindingView) -> None:
        start, end = self._span(finding)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        shade = QTextCharFormat()
        shade.setBackground(QColor(SEVERITY_COLOURS.get(finding.severity, "#ff9d9d")))
        shade.setFontUnderline(True)
        shade.setToolTip(f"{translated(finding.category)}：{finding.term}")
        cursor.mergeCharFormat(shade)

    def _show_finding(self, row: int) -> None:
        if self.detail is None or not 0 <= row < len(self.detail.findings):
            return
        start, end = self._span(self.detail.findings[row])
        cursor = self.text.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.ensureCursorVisible()
        self.findingChosen.emit(row)

    def highlighted(self) -> list[str]:
        """The texts shown highlighted, in order (what the operator sees marked)."""
        if self.detail is None:
            return []
        whole = self.detail.title + "\n\n" + self.detail.body
        base = self._body_offset
        return [
            whole[(0 if f.in_title else base) + f.start : (0 if f.in_title else base) + f.end]
            for f in self.detail.findings
        ]
