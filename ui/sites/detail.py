"""The detail pane of one site: properties (editable), domains, columns, permissions, filings
and its history, each on its own tab."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.base import clock
from console.base.actor import Actor
from console.base.errors import Conflict, ConsoleError, EnvironmentFault
from console.base.i18n import QT_TR_NOOP
from console.base.labels import ROLES, SITE_STATES, label_of
from console.base.listing import plain
from console.schema import Duty, SiteState
from console.sites.changes import changed_fields, kept_both
from console.sites.lifecycle import Step
from console.sites.register import GONE_STATES
from console.sites.rules import SiteDraft
from console.sites.service import change_state, plan_bulk_state, update_site
from console.sites.views import SiteDetail, site_detail, site_id_of
from ui.annual.figures_dialog import AnnualFiguresDialog
from ui.dialogs import finished
from ui.flow import FlowLayout
from ui.forms import REFUSED, attempt
from ui.i18n import translated
from ui.sites.form import SiteForm
from ui.sites.merge_target import MergeTargetField
from ui.sites.patrol_pane import PatrolPane
from ui.sites.tables import fill_table, make_table
from ui.tasks import Database, spawn

_state = label_of(SITE_STATES)
_role = label_of(ROLES)
# Steps that cannot be undone; the pane asks before taking them.
FINAL_STEPS = (SiteState.MERGED, SiteState.RETIRED)

NONE = QT_TR_NOOP("无")
NONE_LISTED = QT_TR_NOOP("（无）")
COLUMNS_SUMMARY = QT_TR_NOOP(
    "共 {total} 个栏目，其中 {stale} 个超过更新期限，{never} 个从未更新。\n一级栏目：{names}"
)
PERMISSIONS_SUMMARY = QT_TR_NOOP(
    "本站编辑账号 {accounts} 个；有效授权：{grants}。\n稿件 {posts} 篇，下级网站 {children} 个。"
)
NO_FILING = QT_TR_NOOP("尚无备案记录。")
FILINGS_SUMMARY = QT_TR_NOOP(
    "ICP备案号：{icp}（{icp_date}）\n公安联网备案号：{psb}（{psb_date}）\n"
    "等保级别：{level}，备案日期：{filed}\n最近测评：{assessed}，结论：{result}"
)
THEIR_CHANGES = QT_TR_NOOP("对方的修改：")
MY_CHANGES = QT_TR_NOOP("您的修改：")
OVERWRITE_KEEPS = QT_TR_NOOP("覆盖时，您改过的字段以您的为准，对方改的其他字段保留。")


class SiteDetailPane(QTabWidget):
    """Shows one site; saves edits and lifecycle steps through the services."""

    changed = Signal(int)

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteDetail")
        self.database = database
        self.actor = actor
        self.detail: SiteDetail | None = None
        self._dirty = False
        properties = self._properties_page()
        self.domains = make_table(self, [self.tr("域名"), self.tr("主域名")])
        self.columns = QLabel(self)
        self.permissions = QLabel(self)
        self.filings = QLabel(self)
        for label in (self.columns, self.permissions, self.filings):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setContentsMargins(8, 8, 8, 8)
        self.history = make_table(
            self, [self.tr("时间"), self.tr("操作员"), self.tr("操作"), self.tr("变化")]
        )
        self.history.setObjectName("history")
        self.addTab(properties, self.tr("属性"))
        self.addTab(self.domains, self.tr("域名"))
        self.addTab(self.columns, self.tr("栏目"))
        self.addTab(self.permissions, self.tr("权限"))
        self.addTab(self.filings, self.tr("备案"))
        self.patrol = PatrolPane(database, actor, self)
        self.addTab(self.patrol, self.tr("巡查"))
        self.addTab(self.history, self.tr("历史"))
        self.form.changed.connect(self._edited)
        self.save_button.clicked.connect(lambda: spawn(self.save(), "save-site"))
        self.revert_button.clicked.connect(self._revert)
        self.step_button.clicked.connect(lambda: spawn(self.step(), "site-step"))
        self.next_state.currentIndexChanged.connect(lambda _i: self._show_merge_fields())
        QShortcut(QKeySequence.StandardKey.Save, self, lambda: spawn(self.save(), "save-site"))
        self.show_site(None)

    def _properties_page(self) -> QWidget:
        """The editable registration, its save buttons and the lifecycle step."""
        may_edit = self.actor.holds(Duty.SYSTEM_ADMIN)
        properties = QWidget(self)
        self.risk = QLabel(properties)
        self.risk.setObjectName("riskBadge")
        self.risk.setWordWrap(True)
        self.risk.setStyleSheet(
            "QLabel { background: #fdecea; color: #a31515; border: 1px solid #e0a0a0;"
            " border-radius: 3px; padding: 4px; }"
        )
        self.form = SiteForm(properties)
        self.form.setEnabled(may_edit)
        self.message = QLabel(properties)
        self.message.setObjectName("detailMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.save_button = QPushButton(self.tr("保存(&S)"), properties)
        self.save_button.setObjectName("save")
        self.save_button.setEnabled(False)
        self.revert_button = QPushButton(self.tr("撤销修改"), properties)
        self.revert_button.setEnabled(False)
        self.state_label = QLabel(properties)
        self.state_label.setObjectName("state")
        self.next_state = QComboBox(properties)
        self.next_state.setObjectName("nextState")
        self.merge_target = MergeTargetField(properties)
        self.migrate = QCheckBox(self.tr("同时迁移稿件"), properties)
        self.migrate.setChecked(True)
        self.step_button = QPushButton(self.tr("转换状态"), properties)
        self.step_button.setObjectName("step")
        for widget in (self.next_state, self.merge_target, self.migrate, self.step_button):
            widget.setEnabled(may_edit)

        self.annual_button = QPushButton(self.tr("年度报表…"), properties)
        self.annual_button.setObjectName("annualReport")
        self.annual_button.clicked.connect(lambda: spawn(self.open_annual(), "annual-report"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        buttons.addWidget(self.annual_button)
        lifecycle = FlowLayout()
        lifecycle.addWidget(QLabel(self.tr("状态："), properties))
        lifecycle.addWidget(self.state_label)
        lifecycle.addWidget(QLabel("→", properties))
        lifecycle.addWidget(self.next_state)
        lifecycle.addWidget(self.merge_target)
        lifecycle.addWidget(self.migrate)
        lifecycle.addWidget(self.step_button)
        layout = QVBoxLayout(properties)
        layout.addWidget(self.risk)
        layout.addWidget(self.form)
        layout.addLayout(buttons)
        layout.addLayout(lifecycle)
        layout.addWidget(self.message)
        layout.addStretch(1)
        return properties

    async def open_annual(self) -> None:
        """Open the site's annual report form (the last full year first)."""
        detail = self.detail
        if detail is None:
            return
        dialog = AnnualFiguresDialog(self.database, self.actor, detail.draft.code, detail.id, self)
        spawn(dialog.load(), "annual-load")
        await finished(dialog)
        dialog.deleteLater()

    # -- showing ---------------------------------------------------------------------------

    async def load(self, site_id: int | None) -> None:
        """Read and show site ``site_id`` (nothing when None)."""
        if site_id is None:
            self.show_site(None)
            await self.patrol.load(None)
            return
        detail = await attempt(
            self.message.setText, self.database.call(site_detail, self.actor, site_id)
        )
        # The tab may have closed while the site was read.
        if detail is not REFUSED and shiboken6.isValid(self):
            self.show_site(detail)
            await self.patrol.load(site_id)

    def show_site(self, detail: SiteDetail | None) -> None:
        """Fill every tab from ``detail``."""
        self.detail = detail
        self.setEnabled(detail is not None)
        self.message.clear()
        risk = detail.risk if detail is not None else ""
        self.risk.setText(
            self.tr("检查风险（单项否决）：{risks}").format(risks=risk) if risk else ""
        )
        self.risk.setVisible(bool(risk))
        if detail is None:
            self.form.set_draft(SiteDraft("", "", "department", "", ""))
            self.state_label.clear()
            self.next_state.clear()
            for label in (self.columns, self.permissions, self.filings):
                label.clear()
            fill_table(self.domains, [])
            fill_table(self.history, [])
            self._show_merge_fields()
            return
        self.form.set_draft(detail.draft)
        self.form.setEnabled(
            self.actor.holds(Duty.SYSTEM_ADMIN) and detail.state not in GONE_STATES
        )
        self._set_dirty(False)
        state = _state(detail.state)
        if detail.merged_into:
            state = self.tr("{state}（并入 {target}）").format(
                state=state, target=detail.merged_into
            )
        self.state_label.setText(state)
        self.next_state.clear()
        for target in detail.next_states:
            self.next_state.addItem(_state(target), target)
        self.step_button.setEnabled(
            bool(detail.next_states) and self.actor.holds(Duty.SYSTEM_ADMIN)
        )
        self._show_merge_fields()
        fill_table(self.domains, [[d, self.tr("是") if main else ""] for d, main in detail.domains])
        self._show_summaries(detail)
        fill_table(
            self.history,
            [
                [clock.shown(h.at, self.database.zone), h.operator, h.action, h.changes]
                for h in detail.history
            ],
        )

    def _show_summaries(self, detail: SiteDetail) -> None:
        self.columns.setText(columns_summary(detail))
        self.permissions.setText(permissions_summary(detail))
        self.filings.setText(filings_summary(detail))

    def _show_merge_fields(self) -> None:
        merging = self.next_state.currentData() == SiteState.MERGED
        self.merge_target.setVisible(merging)
        self.migrate.setVisible(merging)
        if merging and not self.merge_target.loaded:
            spawn(self.merge_target.load(self.database, self.actor), "merge targets")

    def _edited(self) -> None:
        self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self._dirty = dirty
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def holds_unsaved_edits(self) -> bool:
        """Whether the form shows edits of the site not yet saved."""
        return self.detail is not None and self._dirty

    async def may_leave(self) -> bool:
        """True when nothing is unsaved or the operator agrees to drop the unsaved edits."""
        if not self.holds_unsaved_edits() or self.detail is None:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("未保存的修改"),
            self.tr("对“{name}”的修改尚未保存。放弃这些修改吗？").format(
                name=self.detail.draft.name
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("discardEditsBox")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return await finished(box) == QMessageBox.StandardButton.Discard.value

    def _revert(self) -> None:
        if self.detail is not None:
            self.show_site(self.detail)

    # -- changing --------------------------------------------------------------------------

    async def save(self, draft: SiteDraft | None = None, version: int | None = None) -> bool:
        """Save the form (or ``draft`` over ``version``); on a conflict let the operator reload
        or overwrite knowingly."""
        detail = self.detail
        if detail is None or not self.save_button.isEnabled():
            return False
        try:
            draft = draft or self.form.draft()
            await self.database.call(
                update_site, self.actor, detail.id, version or detail.version, draft
            )
        except Conflict as conflict:
            # Not a plain refusal (so not ``attempt``): the operator chooses what happens.
            return await self._resolve(conflict)
        except (ConsoleError, EnvironmentFault) as error:
            self.message.setText(str(error))
            return False
        await self.load(detail.id)
        self.message.setText(self.tr("已保存。"))
        self.changed.emit(detail.id)
        return True

    async def _resolve(self, conflict: Conflict) -> bool:
        """Show who changed what against this operator's edit; reload, overwrite or wait."""
        detail = self.detail
        assert detail is not None

        async def theirs_and_mine() -> tuple[SiteDetail, SiteDraft]:
            current = await self.database.call(site_detail, self.actor, detail.id)
            return current, self.form.draft()

        read = await attempt(
            lambda error: self.message.setText(f"{conflict}\n{error}"), theirs_and_mine()
        )
        if read is REFUSED:
            return False
        current, mine = read
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("他人已修改此网站"), str(conflict), parent=self
        )
        box.setInformativeText(both_changes(detail.draft, current.draft, mine))
        overwrite = box.addButton(self.tr("覆盖为我的修改"), QMessageBox.ButtonRole.DestructiveRole)
        reload = box.addButton(self.tr("放弃我的修改并重新载入"), QMessageBox.ButtonRole.ResetRole)
        box.addButton(self.tr("暂不处理"), QMessageBox.ButtonRole.RejectRole)
        box.setObjectName("conflictBox")
        await finished(box)
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is reload:
            await self.load(detail.id)
            return False
        if clicked is overwrite:
            return await self.save(kept_both(detail.draft, current.draft, mine), current.version)
        self.message.setText(str(conflict))
        return False

    async def _confirm_final(self, detail: SiteDetail, target: str) -> bool:
        """Ask before a step that cannot be undone (整合迁移, 永久下线)."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("确认状态转换"),
            self.tr("将“{name}”转为“{state}”？此操作不可撤销。").format(
                name=detail.draft.name, state=_state(target)
            ),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("finalStepBox")
        ok = box.button(QMessageBox.StandardButton.Ok)
        ok.setText(self.tr("转为“{state}”").format(state=_state(target)))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        await finished(box)
        confirmed = box.clickedButton() is ok
        box.deleteLater()
        return confirmed

    async def step(self) -> bool:
        """Take the chosen lifecycle step (refusals name what is missing)."""
        detail = self.detail
        target = self.next_state.currentData()
        if detail is None or target is None:
            return False
        try:
            # Everything that can be checked is checked before the irreversible question.
            merge_into = None
            if target == SiteState.MERGED and self.merge_target.code():
                merge_into = await self.database.call(
                    site_id_of, self.actor, self.merge_target.code()
                )
            step = Step(str(target), merge_into)
            plan = await self.database.call(plan_bulk_state, self.actor, [detail.id], step)
            if plan.skipped:
                self.message.setText(plan.skipped[0].reason or "")
                return False
            if target in FINAL_STEPS and not await self._confirm_final(detail, str(target)):
                return False
            moved: str = await self.database.call(
                change_state,
                self.actor,
                detail.id,
                detail.version,
                step,
                target == SiteState.MERGED and self.migrate.isChecked(),
            )
        except Conflict as conflict:
            # Not a plain refusal (so not ``attempt``): show the site as it now is, unless
            # that would throw away unsaved edits.
            if not self.save_button.isEnabled():
                await self.load(detail.id)
            self.message.setText(str(conflict))
            return False
        except (ConsoleError, EnvironmentFault) as error:
            self.message.setText(str(error))
            return False
        await self.load(detail.id)
        done = self.tr("已转为“{state}”。").format(state=_state(str(target)))
        self.message.setText(f"{done}{moved}")
        self.changed.emit(detail.id)
        return True


def columns_summary(detail: SiteDetail) -> str:
    """The 栏目 tab: how many columns, how many late or never updated, the first level."""
    columns = detail.columns
    return translated(COLUMNS_SUMMARY).format(
        total=columns.get("total", 0),
        stale=columns.get("stale", 0),
        never=columns.get("never_updated", 0),
        names="、".join(detail.column_names) or translated(NONE_LISTED),
    )


def permissions_summary(detail: SiteDetail) -> str:
    """The 权限 tab: the site's editor accounts and grants in force, its posts and children."""
    grants = "；".join(f"{_role(role)} {n}" for role, n in sorted(detail.grants.items()))
    return translated(PERMISSIONS_SUMMARY).format(
        accounts=detail.accounts,
        grants=grants or translated(NONE),
        posts=detail.posts,
        children=detail.children,
    )


def filings_summary(detail: SiteDetail) -> str:
    """The 备案 tab: the filing numbers with their dates, the protection level, the test."""
    filing = detail.filing
    if not filing:
        return translated(NO_FILING)
    return translated(FILINGS_SUMMARY).format(
        icp=plain(filing.get("icp_number")) or translated(NONE),
        icp_date=plain(filing.get("icp_date")) or "—",
        psb=plain(filing.get("psb_number")) or translated(NONE),
        psb_date=plain(filing.get("psb_date")) or "—",
        level=plain(filing.get("mlps_level")) or "—",
        filed=plain(filing.get("mlps_filed_on")) or "—",
        assessed=plain(filing.get("assessed_on")) or "—",
        result=plain(filing.get("assessment_result")) or "—",
    )


def both_changes(seen: SiteDraft, theirs: SiteDraft, mine: SiteDraft) -> str:
    """What the other operator changed and what this one changed, field by field."""
    lines = [translated(THEIR_CHANGES)]
    lines += [f"  {label}：{old} → {new}" for label, old, new in changed_fields(seen, theirs)]
    lines.append(translated(MY_CHANGES))
    lines += [f"  {label}：{old} → {new}" for label, old, new in changed_fields(seen, mine)]
    lines.append(translated(OVERWRITE_KEEPS))
    return "\n".join(lines)
