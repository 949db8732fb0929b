"""Numeric editing of one badge element: position and size in mm, text, font sizes, colours."""
from __future__ import annotations

import re

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QFormLayout, QLineEdit, QWidget

from checkin.badges.layout import PLACEHOLDERS, Element

_NUMBERS = ("x", "y", "width", "height", "size", "font_size", "min_font_size")
_ALIGNS = ("left", "center", "right")
_COLOUR = re.compile("#[0-9A-Fa-f]{6}")


class ElementForm(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.element: Element | None = None
        self.fields: dict[str, QWidget] = {}
        self.form = QFormLayout(self)
        labels = {"x": self.tr("Left (mm)"), "y": self.tr("Top (mm)"), "width": self.tr("Width (mm)"),
                  "height": self.tr("Height (mm)"), "size": self.tr("Size (mm)"),
                  "font_size": self.tr("Font size (pt)"), "min_font_size": self.tr("Smallest font size (pt)")}
        for name in _NUMBERS:
            self._add(name, labels[name], self._spin(name))
        hint = self.tr("Placeholders: ") + " ".join("{" + p + "}" for p in PLACEHOLDERS)
        for name, label in (("text", self.tr("Text")), ("value", self.tr("QR content")), ("path", self.tr("Image")),
                            ("color", self.tr("Colour")), ("default_color", self.tr("Band colour")),
                            ("text_color", self.tr("Text colour"))):
            edit = QLineEdit()
            edit.setToolTip(hint if name in ("text", "value") else "")
            if "color" in name:
                edit.setValidator(QRegularExpressionValidator(QRegularExpression("#[0-9A-Fa-f]{6}"), edit))
            edit.textEdited.connect(lambda text, key=name: self._set(key, text))
            self._add(name, label, edit)
        colours = QLineEdit()
        colours.setPlaceholderText("Speaker=#B03A2E; Press=#7D3C98")
        colours.setToolTip(self.tr("Band colour per ticket type"))
        colours.textEdited.connect(self._set_colours)
        self._add("colors", self.tr("Per ticket type"), colours)
        bold = QCheckBox(self.tr("Bold"))
        bold.toggled.connect(lambda checked: self._set("bold", checked))
        self._add("bold", "", bold)
        align = QComboBox()
        align.addItems([self.tr("Left"), self.tr("Centre"), self.tr("Right")])
        align.currentIndexChanged.connect(lambda index: self._set("align", _ALIGNS[index]))
        self._add("align", self.tr("Alignment"), align)
        self.show_element(None, 100.0, 100.0)

    def _add(self, name: str, label: str, widget: QWidget) -> None:
        self.fields[name] = widget
        self.form.addRow(label, widget)

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setDecimals(1)
        spin.setSingleStep(0.5)
        spin.setRange(0.0 if name in ("x", "y") else 1.0, 500.0)
        spin.valueChanged.connect(lambda value, key=name: self._set(key, value))
        return spin

    def show_element(self, element: Element | None, max_width: float, max_height: float) -> None:
        """Show ``element``'s values; positions are limited to the badge of ``max_width`` × ``max_height`` mm."""
        self.element = None  # no writes while the widgets are filled in
        for name, widget in self.fields.items():
            present = element is not None and hasattr(element, name)
            self.form.setRowVisible(widget, present)
            if present:
                self._fill(name, widget, getattr(element, name), max_width, max_height)
        self.element = element

    def _fill(self, name: str, widget: QWidget, value: object, max_width: float, max_height: float) -> None:
        if isinstance(widget, QDoubleSpinBox):
            if name in ("x", "width", "size"):
                widget.setMaximum(max_width)
            elif name in ("y", "height"):
                widget.setMaximum(max_height)
            widget.setValue(float(value))
        elif isinstance(widget, QLineEdit):
            widget.setText(format_colours(value) if isinstance(value, dict) else str(value))
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(_ALIGNS.index(value))

    def _set_colours(self, text: str) -> None:
        colours = parse_colours(text)
        if colours is not None:
            self._set("colors", colours)

    def _set(self, name: str, value: object) -> None:
        element = self.element
        if element is None:
            return
        if name.endswith("color") and not self.fields[name].hasAcceptableInput():
            return  # half-typed colour: keep the old one until it is complete
        if name == "font_size":
            element.min_font_size = min(element.min_font_size, float(value))
        if name == "min_font_size" and value > element.font_size:
            return
        setattr(element, name, value)
        self.changed.emit()



def format_colours(colours: dict[str, str]) -> str:
    return "; ".join(f"{ticket_type}={colour}" for ticket_type, colour in colours.items())


def parse_colours(text: str) -> dict[str, str] | None:
    """``Speaker=#B03A2E; Press=#7D3C98`` as a mapping; None while any part is incomplete."""
    colours = {}
    for part in filter(str.strip, text.split(";")):
        ticket_type, _sign, colour = part.partition("=")
        if not ticket_type.strip() or not _COLOUR.fullmatch(colour.strip()):
            return None
        colours[ticket_type.strip()] = colour.strip().upper()
    return colours
