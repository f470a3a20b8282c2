"""Column addresses proposed from a site's home page menu, each confirmed by a tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.base.i18n import QT_TR_NOOP
from console.patrol.navigation import EXACT, NORMALISED
from console.patrol.proposals import Proposals
from ui.i18n import translated
from ui.table_views import read_only_rows

HOW = {EXACT: QT_TR_NOOP("名称相同"), NORMALISED: QT_TR_NOOP("规范化后相同")}
NOT_FOUND = QT_TR_NOOP("导航中未找到")


class ProposalsDialog(QDialog):
    """Every column with the address its name has in the menu; the ticked ones are written."""

    def __init__(self, proposals: Proposals, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("proposalsDialog")
        self.setWindowTitle(self.tr("从首页导航查找栏目地址"))
        self.proposals = proposals
        found = [p for p in proposals.columns if p.found]
        intro = QLabel(
            self.tr("首页 {home}：{found} 个栏目在导航中找到。勾选要写入登记的地址。").format(
                home=proposals.home_url or "", found=len(found)
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(proposals.columns), 5, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("栏目"), self.tr("导航中的地址"), self.tr("匹配"), self.tr("登记的地址"), ""]
        )
        read_only_rows(self.table, "proposals")
        for row, proposal in enumerate(proposals.columns):
            name = QTableWidgetItem(f"{proposal.code} {proposal.name}")
            if proposal.changes:
                name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                name.setCheckState(Qt.CheckState.Checked)
            how = translated(HOW[proposal.how]) if proposal.how else translated(NOT_FOUND)
            cells = [name, QTableWidgetItem(proposal.found or ""), QTableWidgetItem(how),
                     QTableWidgetItem(proposal.registered or ""), QTableWidgetItem("")]  # fmt: skip
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 500)

    def chosen(self) -> dict[str, str | None]:
        """The ticked proposals: column code → address."""
        chosen: dict[str, str | None] = {}
        for row, proposal in enumerate(self.proposals.columns):
            item = self.table.item(row, 0)
            checked = item is not None and item.checkState() == Qt.CheckState.Checked
            if proposal.changes and checked:
                chosen[proposal.code] = proposal.found
        return chosen
