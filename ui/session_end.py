"""Ending an operator's session, however it ends (quit, 注销, 切换操作员, 切换数据库): unsaved
edits are saved or dropped only when the operator says so, claimed review items are offered
back to the queue, and the end is journalled."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QMessageBox, QTabWidget, QWidget

from console.base.actor import Actor
from console.base.i18n import QT_TR_NOOP, joined
from console.operators import service as operators
from console.review import service as review
from console.schema import Duty
from ui.area_tab import AreaTab
from ui.forms import ask, attempt
from ui.i18n import translated
from ui.tasks import Database

UNSAVED_TITLE = QT_TR_NOOP("未保存的修改")
UNSAVED = QT_TR_NOOP("{tabs}有未保存的修改。{leaving}前保存吗？")
SAVE = QT_TR_NOOP("保存")
DISCARD = QT_TR_NOOP("放弃")
CANCEL = QT_TR_NOOP("取消")
NOT_SAVED = QT_TR_NOOP("未能保存，请查看提示后再试。")
CLAIMS_TITLE = QT_TR_NOOP("已领取的待审内容")
CLAIMS = QT_TR_NOOP(
    "您领取的 {n} 条待审内容尚未处理。交回队列，其他审核员就能立即处理；保留则它们锁定到租约到期。"
)
RELEASE = QT_TR_NOOP("交回队列")
KEEP = QT_TR_NOOP("保留")


class Ending(enum.Enum):
    """How a session ends; the value is what the journal records."""

    QUIT = "quit"
    LOGOUT = "logout"
    SWITCH_OPERATOR = "switch_operator"
    SWITCH_DATABASE = "switch_database"
    # Not an end: the same operator's window reopens in another language (nothing journalled).
    LANGUAGE = "language"


LEAVING = {
    Ending.QUIT: QT_TR_NOOP("退出"),
    Ending.LOGOUT: QT_TR_NOOP("注销"),
    Ending.SWITCH_OPERATOR: QT_TR_NOOP("切换操作员"),
    Ending.SWITCH_DATABASE: QT_TR_NOOP("切换数据库"),
    Ending.LANGUAGE: QT_TR_NOOP("切换界面语言"),
}


async def edits_settled(
    parent: QWidget,
    tabs: QTabWidget,
    areas: Sequence[AreaTab],
    ending: Ending,
    tell: Callable[[str], object],
) -> bool:
    """True once no tab holds unsaved edits the operator wants kept: saved (保存), dropped
    (放弃); False for 取消 (the default, and Esc) or a save that failed (its tab is shown)."""
    holding = [tab for tab in areas if tab.holds_unsaved_edits()]
    if not holding:
        return True
    names = joined(f"“{tabs.tabText(tabs.indexOf(tab)).replace('&', '')}”" for tab in holding)
    choice = await ask(
        parent,
        translated(UNSAVED_TITLE),
        translated(UNSAVED).format(tabs=names, leaving=translated(LEAVING[ending])),
        [
            ("save", translated(SAVE)),
            ("discard", translated(DISCARD)),
            ("cancel", translated(CANCEL)),
        ],
        "cancel",
        QMessageBox.Icon.Warning,
    )
    if choice == "cancel":
        return False
    if choice == "discard":
        return True
    for tab in holding:
        if not await tab.save_edits():
            tabs.setCurrentWidget(tab)
            tell(translated(NOT_SAVED))
            return False
    return True


async def claims_to_release(parent: QWidget, held: int) -> bool | None:
    """Whether to give the reviewer's ``held`` claimed items back (True), keep them (False),
    or not leave at all (None: 取消, the default). Nothing is asked when they hold none."""
    if not held:
        return False
    return await ask(
        parent,
        translated(CLAIMS_TITLE),
        translated(CLAIMS).format(n=held),
        [(True, translated(RELEASE)), (False, translated(KEEP)), (None, translated(CANCEL))],
        None,
    )


async def end_session(database: Database, actor: Actor, ending: Ending, release: bool) -> None:
    """Give the claims back (when asked) and journal the end. A database that is gone by now
    does not keep the operator in: the leases run out by themselves."""
    count = 0
    if release and actor.holds(Duty.REVIEWER):
        done = await attempt(_quietly, database.call(review.release_claims, actor))
        count = done if isinstance(done, int) else 0
    await attempt(_quietly, database.call(operators.logout, actor, ending.value, count))


def _quietly(_text: str) -> None:
    """Where a refusal goes when the window it would be told in is closing."""
