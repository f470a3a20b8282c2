"""The 监管 tab's trend charts, drawn with pyqtgraph (it runs on PySide6-Essentials; QtCharts
needs PySide6-Addons and is deprecated since Qt 6.10)."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtWidgets import QApplication, QGridLayout, QWidget

from console.supervision.trends import Trend

LABELS_SHOWN = 8
PENS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd")
Tick = tuple[int, str]


class TrendCharts(QWidget):
    """Four small charts over the same buckets: availability, backlog, updates, risks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendCharts")
        pg.setConfigOptions(antialias=True, background="w", foreground="#333")
        titles = (
            self.tr("可用率（%）"),
            self.tr("待审稿件"),
            self.tr("更新稿件"),
            self.tr("风险网站"),
        )
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.plots: list[pg.PlotWidget] = []
        for index, title in enumerate(titles):
            before = set(QApplication.topLevelWidgets())
            plot = pg.PlotWidget(self, title=title)
            # pyqtgraph makes its context menus without a parent: give them to the plot, so
            # they go with it (a menu deleted first leaves the plot to crash when it goes).
            for orphan in set(QApplication.topLevelWidgets()) - before:
                if orphan is not plot and orphan.parent() is None:
                    orphan.setParent(plot, orphan.windowFlags())
            plot.setObjectName(f"trend{index}")
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.setMinimumHeight(150)
            layout.addWidget(plot, index // 2, index % 2)
            self.plots.append(plot)

    async def show_trend(self, trend: Trend, still_wanted: Callable[[], bool]) -> None:
        """Draw the four series of ``trend`` (a gap where a bucket has no value), one chart
        per turn of the event loop while ``still_wanted()``: drawing and painting all four at
        once held the window for longer than an operator notices."""
        series: tuple[tuple[float | None, ...], ...] = (
            trend.availability,
            tuple(float(v) for v in trend.backlog),
            tuple(float(v) for v in trend.updates),
            tuple(None if v is None else float(v) for v in trend.risks),
        )
        step = max(1, math.ceil(len(trend.labels) / LABELS_SHOWN))
        ticks = [(i, label) for i, label in enumerate(trend.labels) if i % step == 0]
        for index, values in enumerate(series):
            if not still_wanted():
                return
            self._draw(index, values, ticks)
            await asyncio.sleep(0)

    def _draw(self, index: int, values: tuple[float | None, ...], ticks: list[Tick]) -> None:
        plot = self.plots[index]
        plot.clear()
        xs = list(range(len(values)))
        ys = [math.nan if v is None else v for v in values]
        pen = pg.mkPen(PENS[index], width=2)
        if all(v is None for v in values):
            # Nothing measured (no probes, no snapshot yet): say so instead of a line.
            empty = pg.TextItem(self.tr("暂无数据"), color="#7a7a7a", anchor=(0.5, 0.5))
            empty.setPos(max(len(values) - 1, 0) / 2, 0.5)
            plot.addItem(empty)
            plot.setYRange(0, 1)
        elif index == 2:
            plot.addItem(pg.BarGraphItem(x=xs, height=[0 if math.isnan(y) else y for y in ys],
                                         width=0.7, brush=PENS[index]))  # fmt: skip
        else:
            plot.plot(xs, ys, pen=pen, connect="finite", symbol="o", symbolSize=4,
                      symbolBrush=PENS[index])  # fmt: skip
        plot.getAxis("bottom").setTicks([ticks])
        if index == 0 and not all(v is None for v in values):
            plot.setYRange(0, 100)

    def drawn(self) -> list[int]:
        """How many items each chart holds (for tests)."""
        return [len(plot.getPlotItem().items) for plot in self.plots]
