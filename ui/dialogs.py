"""Dialogs under asyncio: open them with ``open()`` and await the result, never ``exec()``."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from console.base.export import dated_name
from console.base.i18n import QT_TR_NOOP
from ui.i18n import translated

EXCEL_FILES = QT_TR_NOOP("Excel 工作簿 (*.xlsx)")
CSV_FILES = QT_TR_NOOP("CSV 文件 (*.csv)")


async def finished(dialog: QDialog) -> int:
    """Open ``dialog`` window-modally and wait (without blocking the loop) until it closes."""
    done: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def on_finished(result: int) -> None:
        if not done.done():
            done.set_result(result)

    dialog.finished.connect(on_finished)
    # Destroyed with its parent before it finished: it was not accepted.
    dialog.destroyed.connect(lambda: on_finished(0))
    dialog.open()
    try:
        return await done
    finally:
        # The parent may have taken the dialog with it (its window closed while it was open).
        if shiboken6.isValid(dialog):
            dialog.finished.disconnect(on_finished)
            if dialog.isVisible():
                dialog.reject()


async def chosen_file(parent: QWidget, title: str, filters: list[str]) -> Path | None:
    """Ask for an existing file matching ``filters``; None when the operator cancels."""
    dialog = QFileDialog(parent, title, str(Path.home()))
    dialog.setObjectName("openFile")
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setNameFilters(filters)
    try:
        if not await finished(dialog) or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])
    finally:
        dialog.deleteLater()


async def export_path(parent: QWidget, title: str, name: str, today: dt.date) -> Path | None:
    """Ask where to export, suggesting ``name`` dated ``today`` (in the cluster's zone), .xlsx;
    the suffix follows the type chosen."""
    dialog = QFileDialog(parent, title, str(Path.home() / dated_name(name, "xlsx", today)))
    dialog.setObjectName("exportFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters([translated(EXCEL_FILES), translated(CSV_FILES)])
    try:
        if not await finished(dialog) or not dialog.selectedFiles():
            return None
        path = Path(dialog.selectedFiles()[0])
        if path.suffix.lower() not in (".csv", ".xlsx"):
            path = path.with_suffix(".csv" if "csv" in dialog.selectedNameFilter() else ".xlsx")
        return path
    finally:
        dialog.deleteLater()
