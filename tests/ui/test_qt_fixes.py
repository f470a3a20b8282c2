"""Emitting signals from Python must not wear away the interpreter's ``True``."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal

import ui  # noqa: F401 - installs the binding fixes


class _Emitter(QObject):
    ping = Signal()


def test_emit_keeps_the_reference_count_of_true(qapp) -> None:  # type: ignore[no-untyped-def]
    emitter = _Emitter()
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(1_000):
        emitter.ping.emit()
    gc.collect()
    assert sys.getrefcount(True) >= before
