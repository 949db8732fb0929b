"""Live counts: in / expected, per ticket type, per desk, and arrivals per 15 minutes."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QProgressBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkin.store.stats import Stats
from checkin.ui.answer_text import local_time


class Dashboard(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stats: Stats | None = None
        self.arrivals: list[tuple[datetime, int]] = []
        self.timezone = "UTC"
        self.headline = QLabel(self)
        font = QFont(self.headline.font())
        font.setPointSizeF(22)
        font.setBold(True)
        self.headline.setFont(font)
        self.headline.setProperty("basePointSize", 22)
        self.progress = QProgressBar(self)
        self.extra = QLabel(self)
        self.per_type = self._table()
        self.per_desk = self._table()
        # QtCharts takes ~70 ms to load: it is imported when the dashboard is first shown,
        # not while the desk starts (start to scan-ready counts).
        self.chart = None
        self.chart_view = QWidget(self)
        self.chart_view.setMinimumHeight(220)
        grid = QGridLayout()
        grid.addWidget(self.per_type, 0, 0)
        grid.addWidget(self.per_desk, 0, 1)
        layout = QVBoxLayout(self)
        for widget in (self.headline, self.progress, self.extra):
            layout.addWidget(widget)
        layout.addLayout(grid)
        layout.addWidget(self.chart_view, 1)
        self._layout = layout
        self.retranslate()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt API
        self._ensure_chart()
        super().showEvent(event)

    def _ensure_chart(self) -> None:
        if self.chart is not None:
            return
        from PySide6.QtCharts import QChart, QChartView

        self.chart = QChart()
        self.chart.legend().hide()
        view = QChartView(self.chart, self)
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(220)
        self._layout.replaceWidget(self.chart_view, view)
        self.chart_view.deleteLater()
        self.chart_view = view
        self.chart.setTitle(self.tr("Arrivals per 15 minutes"))
        view.setAccessibleName(self.tr("Arrivals per 15 minutes"))

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 2, self)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setMaximumHeight(170)
        return table

    def retranslate(self) -> None:
        self.progress.setAccessibleName(self.tr("Share of expected guests checked in"))
        self.per_type.setAccessibleName(self.tr("Check-ins per ticket type"))
        self.per_desk.setAccessibleName(self.tr("Check-ins per desk"))
        self.chart_view.setAccessibleName(self.tr("Arrivals per 15 minutes"))
        if self.chart is not None:
            self.chart.setTitle(self.tr("Arrivals per 15 minutes"))
        self.per_type.setHorizontalHeaderLabels([self.tr("Ticket type"), self.tr("In / expected")])
        self.per_desk.setHorizontalHeaderLabels([self.tr("Desk"), self.tr("Check-ins")])
        self.show_stats(self.stats, self.arrivals)

    def show_stats(self, stats: Stats | None, arrivals: list[tuple[datetime, int]]) -> None:
        self.stats, self.arrivals = stats, arrivals
        if stats is None:
            self.headline.setText(self.tr("No event open"))
            return
        self.headline.setText(self.tr("{0} of {1} guests are in").format(stats.checked_in, stats.registered))
        self.progress.setRange(0, max(1, stats.registered))
        self.progress.setValue(stats.checked_in)
        self.extra.setText(self.tr("Walk-ins: {0} · Cancelled: {1} · Refused scans: {2} · List: {3}").format(
            stats.walk_ins, stats.cancelled, stats.refused_scans, stats.check_in_list))
        self._fill(self.per_type, [(row["name"] or self.tr("(none)"), f"{row['checked_in']} / {row['registered']}")
                                   for row in stats.ticket_types])
        self._fill(self.per_desk, [(row["name"], str(row["check_ins"])) for row in stats.desks])
        self._draw_chart(arrivals)

    @staticmethod
    def _fill(table: QTableWidget, rows: list[tuple[str, str]]) -> None:
        table.setRowCount(len(rows))
        for number, (name, value) in enumerate(rows):
            table.setItem(number, 0, QTableWidgetItem(name))
            item = QTableWidgetItem(value)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(number, 1, item)

    def _draw_chart(self, arrivals: list[tuple[datetime, int]]) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QValueAxis

        self._ensure_chart()
        recent = arrivals[-32:]  # the last eight hours fit the width legibly
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        bars = QBarSet(self.tr("Arrivals"))
        bars.append([float(count) for _slot, count in recent])
        series = QBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([local_time(slot, self.timezone)[-5:] for slot, _count in recent] or ["–"])
        categories.setLabelsAngle(-90)  # up to 32 slot labels stay legible side by side
        values = QValueAxis()
        values.setLabelFormat("%d")
        values.setRange(0, max([count for _slot, count in recent] + [4]))
        values.applyNiceNumbers()
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
