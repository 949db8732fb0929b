"""A small picture of a badge stock: the page (or label) with every label drawn where it sits,
and one line that says its size and how many fit a sheet, so the organiser recognises the box
of labels on the table."""
from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from checkin.badges.stock import Stock

# Height of the drawn page in pixels; the width follows the page's proportions.
PAGE_HEIGHT = 96


class StockDrawing(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.stock: Stock | None = None
        self.setFixedSize(QSize(PAGE_HEIGHT, PAGE_HEIGHT))

    def set_stock(self, stock: Stock | None) -> None:
        self.stock = stock
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        if self.stock is None:
            return
        stock = self.stock
        scale = (PAGE_HEIGHT - 2) / max(stock.page_width, stock.page_height)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate((self.width() - stock.page_width * scale) / 2,
                          (self.height() - stock.page_height * scale) / 2)
        painter.setPen(QPen(self.palette().windowText().color(), 1))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(QRectF(0, 0, stock.page_width * scale, stock.page_height * scale))
        painter.setBrush(QColor("#cfe0f5"))
        for left, top in _label_corners(stock):
            radius = stock.corner_radius * scale
            painter.drawRoundedRect(QRectF(left * scale, top * scale, stock.label_width * scale,
                                           stock.label_height * scale), radius, radius)
        painter.end()


def _label_corners(stock: Stock) -> list[tuple[float, float]]:
    corners = [stock.label_origin(index) for index in range(stock.per_page)]
    return corners + ([stock.back_panel] if stock.back_panel else [])


class StockPreview(QWidget):
    """The drawing and its line of text, side by side."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.drawing = StockDrawing(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.drawing)
        layout.addWidget(self.text, 1, Qt.AlignmentFlag.AlignVCenter)
        self.setAccessibleName(self.tr("Badge stock preview"))

    def set_stock(self, stock: Stock | None) -> None:
        self.drawing.set_stock(stock)
        self.text.setText(self.describe(stock) if stock is not None else "")

    def describe(self, stock: Stock) -> str:
        size = self.tr("{0} × {1} mm").replace("{0}", f"{stock.label_width:g}").replace("{1}", f"{stock.label_height:g}")
        if stock.back_panel:
            return self.tr("{0}, front and back on one A4 page, folded").replace("{0}", size)
        if stock.is_sheet:
            return (self.tr("{0}, {1} badges per {2} × {3} mm sheet").replace("{0}", size)
                    .replace("{1}", str(stock.per_page)).replace("{2}", f"{stock.page_width:g}")
                    .replace("{3}", f"{stock.page_height:g}"))
        if stock.continuous:
            return self.tr("{0}, cut from a continuous roll").replace("{0}", size)
        return self.tr("{0}, one badge per label").replace("{0}", size)
