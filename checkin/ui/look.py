"""Font scale and high contrast for the desk window (read from the settings)."""
from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QWidget

from checkin.settings import Settings

HIGH_CONTRAST_STYLE = (
    "QMainWindow, QDialog, QTabWidget, QTableView, QLineEdit, QStatusBar { background: #ffffff; color: #000000; }"
    "QLineEdit, QTableView { border: 2px solid #000000; }"
    "QTableView::item:selected { background: #000000; color: #ffffff; }"
)


def apply_look(window: QWidget, settings: Settings) -> None:
    scale = min(3.0, max(0.5, settings.get("font_scale")))
    base = QApplication.font()
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * scale)
    window.setFont(font)
    for widget in window.findChildren(QWidget):
        points = widget.property("basePointSize")
        if points:
            scaled = QFont(widget.font())
            scaled.setPointSizeF(float(points) * scale)
            widget.setFont(scaled)
    high_contrast = settings.get("high_contrast")
    window.setStyleSheet(HIGH_CONTRAST_STYLE if high_contrast else "")
    card = getattr(window, "card", None)
    if card is not None:
        card.set_high_contrast(high_contrast)
