"""Editing one badge element by its values: position and size in mm, text with the guest's
fields, font sizes, colours (chosen in the colour picker) and a band's colour per ticket type."""
from __future__ import annotations

import string

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLabel, QLineEdit, QSpinBox,
                               QWidget)

from checkin.badges.layout import Element
from checkin.core.badge_guest import FIELD_CONTEXT, GUEST_FIELDS
from checkin.ui.badge_colours import ColourButton, TicketTypeColours

_NUMBERS = ("x", "y", "width", "height", "size", "font_size", "min_font_size")
_COLOURS = ("color", "default_color", "text_color")
_ALIGNS = ("left", "center", "right")


def field_label(key: str) -> str:
    """A placeholder's name for people: "Given name", or the custom field's own name."""
    for guest_field in GUEST_FIELDS:
        if guest_field.key == key:
            return QCoreApplication.translate(FIELD_CONTEXT, guest_field.label)
    return key.removeprefix("custom.")


def readable(template: str) -> str:
    """A template for people: ``{title} {family_name}`` reads "[Title] [Family name]"."""
    try:
        parts = string.Formatter().parse(template)
        return "".join(text + (f"[{field_label(name)}]" if name is not None else "") for text, name, _s, _c in parts)
    except ValueError:  # half-typed braces: shown as typed
        return template


class ElementForm(QWidget):
    changed = Signal(str)  # the name of the value that changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.element: Element | None = None
        self.ticket_types: list[str] = []
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        labels = {"x": self.tr("Left (mm)"), "y": self.tr("Top (mm)"), "width": self.tr("Width (mm)"),
                  "height": self.tr("Height (mm)"), "size": self.tr("Size (mm)"),
                  "font_size": self.tr("Font size (pt)"), "min_font_size": self.tr("Smallest font size (pt)")}
        for name in _NUMBERS:
            self._add(name, labels[name], self._spin(name))
        self._add_texts()
        colour_labels = {"color": self.tr("Colour"), "default_color": self.tr("Band colour"),
                         "text_color": self.tr("Text colour")}
        for name in _COLOURS:
            button = ColourButton()
            button.chosen.connect(lambda colour, key=name: self._set(key, colour))
            self._add(name, colour_labels[name], button)
        colours = TicketTypeColours()
        colours.changed.connect(lambda mapping: self._set("colors", mapping))
        self._add("colors", self.tr("Per ticket type"), colours)
        self._add_style()
        self.show_element(None, 100.0, 100.0)

    def _add_texts(self) -> None:
        text = QLineEdit()
        text.textEdited.connect(lambda value: self._set("text", value))
        self._add("text", self.tr("Text"), text)
        insert = QComboBox()
        insert.addItem(self.tr("Insert a guest field…"), "")
        for guest_field in GUEST_FIELDS:
            insert.addItem(field_label(guest_field.key), guest_field.key)
        insert.activated.connect(self._insert_field)
        self._add("insert", "", insert)
        value = QLineEdit()
        value.textEdited.connect(lambda content: self._set("value", content))
        self._add("value", self.tr("QR content"), value)
        self._add("path", self.tr("Picture"), QLabel())

    def _add_style(self) -> None:
        bold = QCheckBox(self.tr("Bold"))
        bold.toggled.connect(lambda checked: self._set("bold", checked))
        self._add("bold", "", bold)
        align = QComboBox()
        align.addItems([self.tr("Left"), self.tr("Centre"), self.tr("Right")])
        align.currentIndexChanged.connect(lambda index: self._set("align", _ALIGNS[index]))
        self._add("align", self.tr("Alignment"), align)
        lines = QSpinBox()
        lines.setRange(1, 3)
        lines.valueChanged.connect(lambda count: self._set("max_lines", count))
        self._add("max_lines", self.tr("Lines at most"), lines)

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.form.addRow(label, widget)

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(2 if name in ("x", "y", "width", "height", "size") else 1)
        spin.setSingleStep(0.5)
        spin.setRange(0.0 if name in ("x", "y") else 1.0, 500.0)
        spin.valueChanged.connect(lambda value, key=name: self._set(key, value))
        return spin

    def show_element(self, element: Element | None, max_width: float, max_height: float) -> None:
        """Show ``element``'s values; positions are limited to the badge of ``max_width`` × ``max_height`` mm."""
        self.element = None  # no writes while the widgets are filled in
        for name, widget in self.fields.items():
            present = element is not None and hasattr(element, "text" if name == "insert" else name)
            self.form.setRowVisible(widget, present)
            if present and name != "insert":
                widget.blockSignals(True)
                self._fill(name, widget, element, max_width, max_height)
                widget.blockSignals(False)
        self.element = element

    def _fill(self, name: str, widget: QWidget, element: Element, max_width: float, max_height: float) -> None:
        value = getattr(element, name)
        if isinstance(widget, QDoubleSpinBox):
            widget.setMaximum(_limit(name, element, max_width, max_height))
            widget.setValue(float(value))
        elif isinstance(widget, ColourButton):
            widget.set_colour(value)
        elif isinstance(widget, TicketTypeColours):
            widget.show_colours(value, element.default_color, self.ticket_types)
        elif isinstance(widget, QLineEdit):
            widget.setText(str(value))
        elif isinstance(widget, QLabel):
            widget.setText(str(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QSpinBox):
            widget.setValue(int(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(_ALIGNS.index(value))

    def update_limits(self, max_width: float, max_height: float) -> None:
        """Positions and sizes stay on the badge: each maximum follows the element's other values."""
        if self.element is None:
            return
        for name in ("x", "y", "width", "height", "size"):
            if hasattr(self.element, name):
                spin = self.fields[name]
                spin.blockSignals(True)
                spin.setMaximum(_limit(name, self.element, max_width, max_height))
                spin.blockSignals(False)

    def _insert_field(self, index: int) -> None:
        combo, edit = self.fields["insert"], self.fields["text"]
        key = combo.itemData(index)
        combo.setCurrentIndex(0)
        if key and self.element is not None:
            edit.insert("{" + key + "}")
            self._set("text", edit.text())

    def _set(self, name: str, value: object) -> None:
        element = self.element
        if element is None:
            return
        if name == "font_size":
            element.min_font_size = min(element.min_font_size, float(value))
        if name == "min_font_size" and value > element.font_size:
            return
        if name in ("x", "y", "width", "height", "size"):
            value = round(float(value), 2)
        setattr(element, name, value)
        if name == "default_color":
            self.fields["colors"].show_colours(element.colors, element.default_color, self.ticket_types)
        self.changed.emit(name)


def _limit(name: str, element: Element, max_width: float, max_height: float) -> float:
    """The largest value of ``name`` that keeps ``element`` on a badge of max_width × max_height mm."""
    width = getattr(element, "width", getattr(element, "size", 0.0))
    height = getattr(element, "height", getattr(element, "size", 0.0))
    limits = {"x": max_width - width, "y": max_height - height, "width": max_width - element.x,
              "height": max_height - element.y,
              "size": min(max_width - element.x, max_height - element.y)}
    return max(limits.get(name, 500.0), 0.0 if name in ("x", "y") else 1.0)
