"""Colours in the layout editor: a button that shows a colour and opens the colour picker, and
the list of ticket types with the colour of a band for each."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (QColorDialog, QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
                               QWidget)


def swatch(colour: str, size: int = 16) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def pick_colour(current: str, parent: QWidget, title: str) -> str | None:
    """The colour chosen in Qt's colour picker as ``#RRGGBB``; None when cancelled."""
    colour = QColorDialog.getColor(QColor(current), parent, title)
    return colour.name().upper() if colour.isValid() else None


class ColourButton(QPushButton):
    """Shows a colour; a click opens the colour picker. ``chosen`` brings the new ``#RRGGBB``."""
    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colour = "#000000"
        self.clicked.connect(self.pick)

    def set_colour(self, colour: str) -> None:
        self.colour = colour.upper()
        self.setIcon(swatch(self.colour))
        self.setText(self.colour)

    def pick(self) -> None:
        colour = pick_colour(self.colour, self, self.tr("Choose a colour"))
        if colour is not None and colour != self.colour:
            self.set_colour(colour)
            self.chosen.emit(colour)


class TicketTypeColours(QWidget):
    """A band's colour per ticket type: each type with its colour; a type without one gets the
    band's own colour. ``changed`` brings the whole mapping."""
    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.colours: dict[str, str] = {}
        self.default = "#1F4E79"
        self.types: list[str] = []
        self.list = QListWidget()
        self.list.setMinimumHeight(110)
        self.choose_button = QPushButton(self.tr("Colour for this type…"))
        self.clear_button = QPushButton(self.tr("Use the band colour"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        self.choose_button.clicked.connect(self.choose)
        self.clear_button.clicked.connect(self.clear)
        self.list.itemActivated.connect(lambda _item: self.choose())

    def show_colours(self, colours: dict[str, str], default: str, known_types: Iterable[str]) -> None:
        self.colours, self.default = dict(colours), default
        self.types = sorted(set(known_types) | set(colours), key=str.casefold)
        row = max(self.list.currentRow(), 0)
        self.list.clear()
        for ticket_type in self.types:
            own = ticket_type in self.colours
            item = QListWidgetItem(swatch(self.colours.get(ticket_type, default)),
                                   ticket_type if own else self.tr("{0} (band colour)").format(ticket_type))
            self.list.addItem(item)
        self.list.setCurrentRow(min(row, len(self.types) - 1))

    def current_type(self) -> str | None:
        row = self.list.currentRow()
        return self.types[row] if 0 <= row < len(self.types) else None

    def choose(self) -> None:
        ticket_type = self.current_type()
        if ticket_type is None:
            return
        colour = pick_colour(self.colours.get(ticket_type, self.default), self,
                             self.tr("Band colour for {0}").format(ticket_type))
        if colour is not None:
            self._change({**self.colours, ticket_type: colour})

    def clear(self) -> None:
        ticket_type = self.current_type()
        if ticket_type in self.colours:
            self._change({key: value for key, value in self.colours.items() if key != ticket_type})

    def _change(self, colours: dict[str, str]) -> None:
        self.show_colours(colours, self.default, self.types)
        self.changed.emit(dict(colours))
