"""Calling the Qt binding from Python must not wear away ``None``, ``True`` or ``False``."""

from __future__ import annotations

import subprocess
import sys

CALLS = """
import os
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import ui
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QTableWidget, QTableWidgetItem

class Emitter(QObject):
    ping = Signal()

app = QApplication([])
label, combo, table, emitter = QLabel(), QComboBox(), QTableWidget(10, 2), Emitter()
for n in range(50_000):
    label.setText("x")
    combo.addItem("x")
    table.setItem(n % 10, 0, QTableWidgetItem("x"))
    emitter.ping.emit()
print("survived")
"""


def test_many_void_calls_and_emits_leave_the_interpreter_alive() -> None:
    result = subprocess.run(
        [sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived" in result.stdout
