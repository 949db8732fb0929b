"""Entry or exit mode, and how the desk shows exit mode so that nobody misses it.

A desk left in exit mode turns arriving guests into "leaving" rows, so the mode falls back
to entry after an idle time (setting ``exit_mode_idle_min``), and the scan field, the answer
card and the window title all say EXIT in exit mode's own colour.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLineEdit

from checkin.core.decision import Direction
from checkin.ui.answer_card import PALETTES, SeverityIcon

#: (border, background) of the scan field in exit mode.
SCAN_FIELD_EXIT_STYLE = ("QLineEdit#scanField {{ border: 4px solid {colour}; background: #ece8fb; color: #000000; "
                         "font-weight: bold; padding: 4px; }}")


class DeskMode(QObject):
    """The desk's direction; exit mode falls back to entry after ``idle_minutes`` without a scan."""

    #: The new Direction.
    changed = Signal(object)

    def __init__(self, idle_minutes: int, parent: QObject | None = None, minute_ms: int = 60_000):
        super().__init__(parent)
        self.direction = Direction.ENTRY
        self._minute_ms = minute_ms  # tests shorten the minute
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(lambda: self.set(Direction.ENTRY))
        self.set_idle_minutes(idle_minutes)

    def set(self, direction: Direction) -> None:
        changed = direction is not self.direction
        self.direction = direction
        self.touch()
        if changed:
            self.changed.emit(direction)

    def toggle_exit(self) -> None:
        self.set(Direction.ENTRY if self.direction is Direction.EXIT else Direction.EXIT)

    def touch(self) -> None:
        """The desk is in use: the idle time starts again."""
        if self.direction is Direction.EXIT and self._idle.interval() > 0:
            self._idle.start()
        else:
            self._idle.stop()

    def set_idle_minutes(self, minutes: int) -> None:
        self._idle.setInterval(max(0, minutes) * self._minute_ms)
        self.touch()

    @property
    def idle_ms(self) -> int:
        return self._idle.interval()

    @property
    def falls_back_in_ms(self) -> int:
        """Time left until exit mode ends by itself (-1: not counting)."""
        return self._idle.remainingTime() if self._idle.isActive() else -1


def exit_icon(high_contrast: bool = False, size: int = 32) -> QIcon:
    """Exit mode's symbol (an arrow leaving through a door) in its own colour."""
    symbol = SeverityIcon()
    symbol.show_severity("exit", PALETTES[high_contrast]["exit"][0])
    pixmap = QPixmap(120, 120)
    pixmap.fill(QColor(0, 0, 0, 0))
    painter = QPainter(pixmap)
    symbol.draw(painter)
    painter.end()
    symbol.deleteLater()
    return QIcon(pixmap.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio,
                               Qt.TransformationMode.SmoothTransformation))


class ScanFieldLook:
    """The scan field in exit mode: a thick border and an icon in exit colour, EXIT in its placeholder."""

    def __init__(self, field: QLineEdit):
        self.field = field
        self._icon_action = field.addAction(exit_icon(), QLineEdit.ActionPosition.LeadingPosition)
        self._icon_action.setVisible(False)

    def show(self, exit_mode: bool, high_contrast: bool, placeholder: str) -> None:
        self._icon_action.setIcon(exit_icon(high_contrast))
        self._icon_action.setVisible(exit_mode)
        colour = PALETTES[high_contrast]["exit"][0]
        self.field.setStyleSheet(SCAN_FIELD_EXIT_STYLE.format(colour=colour) if exit_mode else "")
        self.field.setPlaceholderText(placeholder)
