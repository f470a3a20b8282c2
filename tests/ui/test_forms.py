"""Running a service from a form: a refusal is told where the operator looks, bugs are not."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtWidgets import QLabel, QWidget

from console.base.errors import DB_UNREACHABLE, EnvironmentFault, InvalidInput
from ui.forms import REFUSED, attempt, exported, exported_text, message_label


async def _value() -> int:
    return 3


async def _refused() -> int:
    raise InvalidInput("网站标识码应为 10 位。")


async def _lost() -> int:
    raise EnvironmentFault(DB_UNREACHABLE, detail="connection refused")


async def _bug() -> int:
    raise ValueError("a bug")


def test_the_result_comes_back_and_nothing_is_said(run) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    label = message_label(parent, "outcome")
    assert run(attempt(label, _value())) == 3
    assert label.isHidden() and label.text() == ""


def test_a_refusal_is_shown_in_red_in_the_message_line(run) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    label = message_label(parent, "outcome")
    assert run(attempt(label, _refused())) is REFUSED
    assert label.text() == "网站标识码应为 10 位。" and not label.isHidden()
    assert "#b3261e" in label.styleSheet()


def test_an_environment_fault_goes_to_any_teller(run) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    assert run(attempt(told.append, _lost())) is REFUSED
    assert told == ["数据库连接中断：connection refused"]


def test_a_refusal_while_the_call_is_put_together_is_told_too(run) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []

    def call() -> object:
        raise InvalidInput("开通日期格式不对。")

    assert run(attempt(told.append, call)) is REFUSED  # type: ignore[arg-type]
    assert told == ["开通日期格式不对。"]


def test_nothing_is_told_to_a_window_that_closed_meanwhile(run) -> None:  # type: ignore[no-untyped-def]
    label = QLabel()
    shiboken6.delete(label)
    assert run(attempt(label, _refused())) is REFUSED
    other = QLabel()
    setter = other.setText
    shiboken6.delete(other)
    assert run(attempt(setter, _refused())) is REFUSED


def test_a_bug_is_not_mistaken_for_a_refusal(run) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []
    with pytest.raises(ValueError, match="a bug"):
        run(attempt(told.append, _bug()))
    assert told == []


def test_an_export_says_why_it_wrote_nothing(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    told: list[str] = []

    async def unwritable() -> int:
        raise PermissionError(13, "Permission denied", str(tmp_path / "风险.xlsx"))

    async def written() -> int:
        return 12

    assert run(exported(told.append, unwritable())) is None
    assert told[0].startswith("导出失败：") and "Permission denied" in told[0]
    assert run(exported(told.append, written())) == 12 and len(told) == 1
    assert exported_text(12, tmp_path / "a.csv") == f"已导出 12 行到 {tmp_path / 'a.csv'}"
