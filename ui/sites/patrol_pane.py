"""The 巡查 tab of a site's detail: the last patrol (columns with their live dates, broken and
hidden links), a patrol of the site on demand in a process of its own (the window goes on
answering), and column addresses."""

from __future__ import annotations

from dataclasses import replace

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP
from console.patrol.addresses import proposals_for, set_addresses
from console.patrol.proposals import Proposals
from console.patrol.store import BROKEN, FOREIGN, HIDDEN
from console.patrol.views import LastPatrol, LinkLine, last_patrol
from console.patrol.wording import problem_text
from console.probes.dialing import Dialer
from console.schema import Duty
from ui.dialogs import finished
from ui.forms import REFUSED, attempt, finish_form, message_label, say
from ui.i18n import translated
from ui.long_work import LongWork
from ui.sites.address_proposals import ProposalsDialog
from ui.sites.patrol_process import patrol_elsewhere
from ui.sites.tables import fill_table, make_table
from ui.tasks import Database, spawn

KIND_LABELS = {
    BROKEN: QT_TR_NOOP("失效链接"),
    HIDDEN: QT_TR_NOOP("暗链"),
    FOREIGN: QT_TR_NOOP("跳转站外"),
}
HOME_PAGE = QT_TR_NOOP("（首页）")
UNDATED = QT_TR_NOOP("无日期")


class PatrolPane(QWidget):
    """Shows a site's last patrol; patrols it on demand without holding the window."""

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patrolPane")
        self.database = database
        self.actor = actor
        self.dialer = Dialer()  # the demo cluster's confinement is applied by the plan
        self.last: LastPatrol | None = None
        self._work: LongWork | None = None
        self.summary = QLabel(self)
        self.summary.setObjectName("patrolSummary")
        self.summary.setWordWrap(True)
        self.columns = make_table(
            self,
            [self.tr("代码"), self.tr("栏目"), self.tr("列表页地址"), self.tr("最新日期"),
             self.tr("条目"), self.tr("说明")],
        )  # fmt: skip
        self.columns.setObjectName("patrolColumns")
        self.links = make_table(
            self, [self.tr("类型"), self.tr("链接"), self.tr("所在页面"), self.tr("状态或证据")]
        )
        self.links.setObjectName("patrolLinks")
        self.patrol_button = QPushButton(self.tr("巡查"), self)
        self.patrol_button.setObjectName("patrolNow")
        self.stop_button = QPushButton(self.tr("停止"), self)
        self.stop_button.setEnabled(False)
        self.address_button = QPushButton(self.tr("设置地址…"), self)
        self.address_button.setObjectName("setAddress")
        self.address_button.setEnabled(actor.holds(Duty.SYSTEM_ADMIN))
        self.discover_button = QPushButton(self.tr("从首页查找地址…"), self)
        self.discover_button.setObjectName("discoverAddresses")
        self.discover_button.setEnabled(actor.holds(Duty.SYSTEM_ADMIN))
        self.message = message_label(self, "patrolMessage")
        self.patrol_button.clicked.connect(lambda: spawn(self.patrol(), "site-patrol"))
        self.stop_button.clicked.connect(self.stop)
        self.address_button.clicked.connect(lambda: spawn(self.edit_address(), "column-address"))
        self.discover_button.clicked.connect(lambda: spawn(self.discover(), "find-addresses"))
        buttons = QHBoxLayout()
        for button in (
            self.patrol_button,
            self.stop_button,
            self.address_button,
            self.discover_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.columns)
        split.addWidget(self.links)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        layout.addWidget(self.message)

    async def load(self, site_id: int | None) -> None:
        """Read and show the last patrol of site ``site_id`` (nothing when None)."""
        if site_id is None:
            self.show_patrol(None)
            return
        found = await attempt(
            self.message,
            self.database.call(last_patrol, self.actor, site_id),
        )
        if found is not REFUSED and shiboken6.isValid(self):
            self.show_patrol(found)

    def show_patrol(self, last: LastPatrol | None) -> None:
        """Fill the summary and both tables from ``last``."""
        self.last = last
        self.patrol_button.setEnabled(last is not None and self._work is None)
        if last is None:
            self.summary.clear()
            fill_table(self.columns, [])
            fill_table(self.links, [])
            return
        self.summary.setText(self._summary(last))
        undated = translated(UNDATED)
        fill_table(
            self.columns,
            [
                [c.code, c.name, c.url or self.tr("（无地址）"),
                 c.last_item_date.isoformat() if c.last_item_date
                 else (undated if c.items and not c.dated else ""),
                 "" if c.items is None else str(c.items), problem_text(c.error)]
                for c in last.columns
            ],
        )  # fmt: skip
        found = last.broken + last.hidden + last.foreign
        fill_table(self.links, [self._link(link) for link in found])

    def _summary(self, last: LastPatrol) -> str:
        if last.run_at is None:
            return self.tr("尚未巡查。")
        text = self.tr(
            "最近巡查：{at}，页面 {pages}，新文章 {posts}，失效链接 {broken}，暗链 {hidden}。"
        ).format(
            at=clock.shown(last.run_at, self.database.zone),
            pages=last.pages,
            posts=last.new_posts,
            broken=len(last.broken),
            hidden=len(last.hidden),
        )
        if last.error:
            text += " " + problem_text(last.error)
        if last.stopped:
            text += " " + self.tr("（巡查被停止，未完成）")
        return text

    def _link(self, link: LinkLine) -> list[str]:
        on = link.on + (translated(HOME_PAGE) if link.home else "")
        evidence = link.detail or problem_text(link.error) or (str(link.status or ""))
        return [translated(KIND_LABELS[link.kind]), link.url, on, evidence]

    # -- patrolling ------------------------------------------------------------------------

    def stop(self) -> None:
        """Stop the patrol under way (the pages being read finish)."""
        if self._work is not None:
            self._work.cancel()

    async def patrol(self) -> LastPatrol | None:
        """Patrol the shown site in the patrol's worker process; a system administrator's
        patrol is stored, anyone else's shown without storing. What was found (None: the
        patrol did not reach the site, or was refused)."""
        last = self.last
        if last is None or self._work is not None:
            return None
        store = self.actor.holds(Duty.SYSTEM_ADMIN)
        self.patrol_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        say(self.message, self.tr("正在巡查 {code}…").format(code=last.site_code))
        views: list[LastPatrol] = []
        with LongWork(self) as work:
            self._work = work
            try:
                done = await attempt(
                    self.message,
                    patrol_elsewhere(
                        work, self.database, self.actor, [last.site_code], self.dialer, store,
                        views.append,
                    ),
                )  # fmt: skip
            finally:
                self._work = None
        if not shiboken6.isValid(self):
            return None
        self.stop_button.setEnabled(False)
        self.patrol_button.setEnabled(True)
        if done is REFUSED:
            return None
        if not views:
            say(self.message, self.tr("巡查已停止。"))
            return None
        found = replace(views[0], site_id=last.site_id)
        if store:
            await self.load(last.site_id)
        else:
            self.show_patrol(found)
        tone = "bad" if found.error else "good"
        say(self.message, self._outcome(found, store), tone)
        return found

    def _outcome(self, found: LastPatrol, stored: bool) -> str:
        if found.error:
            return self.tr("巡查未完成：{error}").format(error=problem_text(found.error))
        if stored:
            return self.tr("巡查完成，结果已保存。")
        return self.tr("巡查完成（只读：结果未保存）。")

    # -- addresses -------------------------------------------------------------------------

    async def edit_address(self) -> bool:
        """Type the list-page address of the selected column (empty clears it)."""
        last = self.last
        row = self.columns.currentRow()
        if last is None or not 0 <= row < len(last.columns):
            say(self.message, self.tr("请先选择一个栏目。"), "bad")
            return False
        column = last.columns[row]
        dialog = QDialog(self)
        dialog.setObjectName("addressDialog")
        dialog.setWindowTitle(self.tr("栏目列表页地址"))
        field = QLineEdit(column.url or "", dialog)
        field.setObjectName("addressField")
        form = QFormLayout()
        form.addRow(f"{column.code} {column.name}", field)
        problem = finish_form(dialog, form, "addressProblem")
        while await finished(dialog) == QDialog.DialogCode.Accepted.value:
            saved = await attempt(
                problem,
                self.database.call(
                    set_addresses, self.actor, last.site_code, {column.code: field.text()}
                ),
            )
            if saved is not REFUSED:
                dialog.deleteLater()
                await self.load(last.site_id)
                saved_text = self.tr("已保存栏目 {code} 的地址。").format(code=column.code)
                say(self.message, saved_text, "good")
                return True
        dialog.deleteLater()
        return False

    async def discover(self) -> int | None:
        """Read the home page in the background, show each column's address in its menu, and
        write the ones the operator keeps ticked; the number written (None: nothing done)."""
        last = self.last
        if last is None or self._work is not None:
            return None
        say(self.message, self.tr("正在读取 {code} 的首页…").format(code=last.site_code))
        with LongWork(self) as work:
            self._work = work
            try:
                found = await attempt(
                    self.message,
                    work.on_database(
                        self.database, proposals_for, self.actor, last.site_code, self.dialer
                    ),
                )
            finally:
                self._work = None
        if found is REFUSED or not isinstance(found, Proposals) or not shiboken6.isValid(self):
            return None
        if found.error is not None:
            failed = self.tr("首页未能打开：{error}").format(error=problem_text(found.error))
            say(self.message, failed, "bad")
            return None
        self.message.hide()
        dialog = ProposalsDialog(found, self)
        accepted = await finished(dialog) == QDialog.DialogCode.Accepted.value
        chosen = dialog.chosen()
        dialog.deleteLater()
        if not accepted or not chosen:
            return None
        written = await attempt(
            self.message,
            self.database.call(set_addresses, self.actor, last.site_code, chosen),
        )
        if written is REFUSED or not isinstance(written, int):
            return None
        await self.load(last.site_id)
        say(self.message, self.tr("已写入 {n} 个栏目的地址。").format(n=written), "good")
        return written
