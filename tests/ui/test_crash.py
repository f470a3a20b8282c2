"""What escapes is told apart: the operator's mistake, the world's failure, or a bug."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import exc as sa_exc

from console.base.errors import InvalidInput
from ui import crash


def _shown() -> QMessageBox:
    boxes = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "crashDialog" and w.isVisible()
    ]
    assert len(boxes) == 1
    return boxes[0]


@pytest.mark.parametrize(
    ("error", "title", "has_detail"),
    [
        (InvalidInput("网站标识码 {code} 格式不对", code="12"), "无法完成", False),
        (
            sa_exc.OperationalError("SELECT 1", {}, OSError("server closed the connection")),
            "环境故障",
            False,
        ),
        (ZeroDivisionError("division by zero"), "程序错误", True),
    ],
)
def test_each_kind_of_error_reads_differently(
    qapp,
    caplog,
    error: BaseException,
    title: str,  # type: ignore[no-untyped-def]
    has_detail: bool,
) -> None:
    caplog.set_level(logging.WARNING)
    crash.report(type(error), error, error.__traceback__)
    box = _shown()
    try:
        assert box.windowTitle() == title
        assert bool(box.detailedText()) == has_detail
        if isinstance(error, InvalidInput):
            assert box.text() == "网站标识码 12 格式不对"
        if has_detail:
            assert "日志" in box.text() and "unhandled error" in caplog.text
    finally:
        box.close()
        box.deleteLater()
