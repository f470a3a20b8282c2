"""The one table model of computed lists: text, tone, shade and tooltip by column."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QWidget

from ui.records_model import SHADED_TEXT, TONES, Column, RecordsModel, records_view


@dataclass(frozen=True)
class Site:
    code: str
    name: str
    late: bool


COLUMNS = (
    Column("网站标识码", lambda s: s.code, 10),
    Column("网站名称", lambda s: s.name, 22, lambda s: "bad" if s.late else None, lambda s: ""),
)
LATE = QColor("#f8d0cc")


def _model() -> RecordsModel:
    model = RecordsModel(COLUMNS, lambda s: LATE if s.late else None)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return model


def test_records_are_shown_through_their_columns_and_pass_the_model_tester() -> None:
    model = _model()
    model.set_records(
        [Site("3312000001", "云溪市教育局", False), Site("3312000002", "林业局", True)]
    )
    assert model.rowCount() == 2 and model.columnCount() == 2
    assert model.headerData(1, Qt.Orientation.Horizontal) == "网站名称"
    assert model.index(1, 1).data() == "林业局" and model.record(1).code == "3312000002"
    assert model.rows_as_text() == [["3312000001", "云溪市教育局"], ["3312000002", "林业局"]]
    assert model.headings() == ["网站标识码", "网站名称"]
    model.set_records([])
    assert model.rowCount() == 0


def test_tone_shade_and_tooltip_follow_the_record() -> None:
    model = _model()
    model.set_records([Site("3312000001", "教育局", False), Site("3312000002", "林业局", True)])
    on_time, late = model.index(0, 0), model.index(1, 1)
    assert on_time.data(Qt.ItemDataRole.BackgroundRole) is None
    assert on_time.data(Qt.ItemDataRole.ForegroundRole) is None
    assert on_time.data(Qt.ItemDataRole.ToolTipRole) == "3312000001"  # the text, by default
    assert late.data(Qt.ItemDataRole.BackgroundRole).color() == LATE
    assert late.data(Qt.ItemDataRole.ForegroundRole).color() == TONES["bad"]
    assert late.data(Qt.ItemDataRole.ToolTipRole) is None  # the column says: no tooltip
    assert model.index(1, 0).data(Qt.ItemDataRole.ForegroundRole).color() == SHADED_TEXT


def test_the_view_takes_its_widths_from_the_columns(qapp) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    view = records_view(_model(), COLUMNS, "sites", parent)
    digit = view.fontMetrics().horizontalAdvance("0")
    assert view.horizontalHeader().sectionSize(0) == 13 * digit
    assert view.objectName() == "sites" and view.verticalHeader().isHidden()
