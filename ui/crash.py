"""The crash handler: bugs are logged with their traceback and shown in a readable dialog."""

from __future__ import annotations

import faulthandler
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_dir
from PySide6.QtWidgets import QApplication, QMessageBox

from console.base.errors import ConsoleError, classify
from console.base.i18n import QT_TR_NOOP
from ui.i18n import translated

REFUSED_TITLE = QT_TR_NOOP("无法完成")
FAULT_TITLE = QT_TR_NOOP("环境故障")
BUG_TITLE = QT_TR_NOOP("程序错误")
BUG_TEXT = QT_TR_NOOP(
    "发生了一个程序错误，已记录到日志文件 {path}。您的数据未被改动；"
    "可以继续工作，若反复出现请把日志文件交给运维开发人员。"
)

log = logging.getLogger("cluster-console")
_fault_file = None
_open_boxes: set[QMessageBox] = set()


def log_file() -> Path:
    """Where the console writes its log (no passwords are ever logged)."""
    folder = Path(user_log_dir("cluster-console", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "console.log"


def install() -> None:
    """Log to the user's log folder, dump native crashes there, and catch what escapes."""
    global _fault_file
    logging.basicConfig(
        filename=log_file(),
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    _fault_file = open(log_file().with_suffix(".fault"), "a", encoding="utf-8")  # noqa: SIM115
    faulthandler.enable(_fault_file)
    sys.excepthook = report


def report(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    """Tell the operator about an error that escaped: plainly if it is theirs or the world's."""
    if isinstance(error, KeyboardInterrupt):
        return
    fault = classify(error)
    if isinstance(error, ConsoleError):
        title, text, detail = translated(REFUSED_TITLE), str(error), ""
    elif fault is not None:
        title, text, detail = translated(FAULT_TITLE), str(fault), ""
        log.warning("environment fault: %s", fault)
    else:
        detail = "".join(traceback.format_exception(kind, error, trace))
        log.error("unhandled error\n%s", detail)
        title = translated(BUG_TITLE)
        text = translated(BUG_TEXT).format(path=log_file())
    if QApplication.instance() is None:
        print(text, detail, file=sys.stderr)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=QApplication.activeWindow())
    if detail:
        box.setDetailedText(detail)
    box.setObjectName("crashDialog")
    # Keep the box alive until it closes: nothing else holds a reference to it.
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
