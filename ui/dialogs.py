"""Dialogs under asyncio: open them with ``open()`` and await the result, never ``exec()``."""

from __future__ import annotations

import asyncio

import shiboken6
from PySide6.QtWidgets import QDialog


async def finished(dialog: QDialog) -> int:
    """Open ``dialog`` window-modally and wait (without blocking the loop) until it closes."""
    done: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def on_finished(result: int) -> None:
        if not done.done():
            done.set_result(result)

    dialog.finished.connect(on_finished)
    dialog.open()
    try:
        return await done
    finally:
        # The parent may have taken the dialog with it (its window closed while it was open).
        if shiboken6.isValid(dialog):
            dialog.finished.disconnect(on_finished)
            if dialog.isVisible():
                dialog.reject()
