"""Badge layouts as data: a versioned JSON format of elements placed in millimetres.

A layout is designed for one size (``width`` × ``height`` mm); on other stock its boxes are
scaled to the label, so every layout prints on every stock. Text comes from templates with
``{placeholders}`` (see :data:`PLACEHOLDERS`); guest values are inserted, never re-parsed.
"""
from __future__ import annotations

import json
import re
import string
from dataclasses import MISSING, asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from checkin.core.badge_guest import GUEST_FIELDS

FORMAT = "checkin-desk-badge-layout"
VERSION = 1
PLACEHOLDERS = (*(guest_field.key for guest_field in GUEST_FIELDS), "custom.<field>")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_ALIGNMENTS = ("left", "center", "right")


class LayoutError(ValueError):
    """A layout file cannot be used; the message says which file and what is wrong."""


@dataclass
class TextElement:
    x: float
    y: float
    width: float
    height: float
    text: str
    font_size: float = 12.0
    min_font_size: float = 6.0
    bold: bool = False
    color: str = "#000000"
    align: str = "center"
    max_lines: int = 2
    type: str = "text"


@dataclass
class BandElement:
    """A coloured band whose colour follows the ticket type, optionally with text on it."""

    x: float
    y: float
    width: float
    height: float
    default_color: str = "#1F4E79"
    colors: dict[str, str] = field(default_factory=dict)
    text: str = ""
    text_color: str = "#FFFFFF"
    font_size: float = 10.0
    min_font_size: float = 5.0
    bold: bool = True
    type: str = "band"

    def color_for(self, ticket_type: str) -> str:
        return self.colors.get(ticket_type, self.default_color)


@dataclass
class QrElement:
    x: float
    y: float
    size: float
    value: str = "{code}"
    type: str = "qr"


@dataclass
class ImageElement:
    x: float
    y: float
    width: float
    height: float
    path: str
    type: str = "image"


Element = TextElement | BandElement | QrElement | ImageElement
_ELEMENT_TYPES = {cls.__dataclass_fields__["type"].default: cls
                  for cls in (TextElement, BandElement, QrElement, ImageElement)}


@dataclass
class Layout:
    name: str
    width: float
    height: float
    elements: list[Element]
    stock: str = "durable-1445"
    background: str = "#FFFFFF"
    #: Where relative image paths are looked up (the layout file's folder); not saved.
    base_dir: Path | None = field(default=None, compare=False)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, "name": self.name, "width": self.width,
                "height": self.height, "stock": self.stock, "background": self.background,
                "elements": [asdict(element) for element in self.elements]}

    def with_elements(self, elements: list[Element]) -> Layout:
        return replace(self, elements=elements)


def template_fields(template: str) -> list[str]:
    """The placeholder names in a template; raises LayoutError for malformed braces."""
    try:
        return [name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None]
    except ValueError as error:
        raise LayoutError(f"bad template {template!r}: {error}") from None


def fill_template(template: str, values: dict[str, str]) -> str:
    """The template with each placeholder replaced by its value ('' for unknown custom fields)."""
    parts = []
    for text, name, _spec, _conv in string.Formatter().parse(template):
        parts.append(text)
        if name is not None:
            parts.append(values.get(name, ""))
    return "".join(parts)


def layout_from_json(data: Any, source: str = "layout", base_dir: Path | None = None) -> Layout:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LayoutError(f"{source}: not a Check-in Desk badge layout (\"format\" must be {FORMAT!r})")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise LayoutError(f"{source}: \"version\" must be a whole number from 1")
    if version > VERSION:
        raise LayoutError(f"{source}: layout version {version} was made by a newer Check-in Desk "
                          f"(this one reads up to {VERSION}); please update")
    try:
        width, height = _positive(data["width"]), _positive(data["height"])
        elements = [_element(raw, index) for index, raw in enumerate(data["elements"])]
        layout = Layout(str(data["name"]), width, height, elements, str(data.get("stock", "durable-1445")),
                        _colour(data.get("background", "#FFFFFF")), base_dir)
    except KeyError as error:
        raise LayoutError(f"{source}: missing {error.args[0]!r}") from None
    except (TypeError, ValueError) as error:
        raise LayoutError(f"{source}: {error}") from None
    _check_inside(layout, source)
    return layout


def _element(raw: Any, index: int) -> Element:
    if not isinstance(raw, dict) or raw.get("type") not in _ELEMENT_TYPES:
        raise ValueError(f"element {index + 1}: \"type\" must be one of {', '.join(_ELEMENT_TYPES)}")
    cls = _ELEMENT_TYPES[raw["type"]]
    known = {f.name for f in fields(cls)}
    unknown = set(raw) - known
    if unknown:
        raise ValueError(f"element {index + 1} ({raw['type']}): unknown keys {', '.join(sorted(unknown))}")
    try:
        element = cls(**raw)
    except TypeError:
        missing = sorted(f.name for f in fields(cls) if f.name not in raw and f.default is MISSING and f.default_factory is MISSING)
        raise ValueError(f"element {index + 1} ({raw['type']}): missing {', '.join(missing)}") from None
    _validate(element, index)
    return element


def _validate(element: Element, index: int) -> None:
    where = f"element {index + 1} ({element.type})"
    for name in ("text", "value", "path"):
        if not isinstance(getattr(element, name, ""), str):
            raise ValueError(f"{where}: {name} must be text")
    for name in ("x", "y"):
        if not isinstance(getattr(element, name), (int, float)) or getattr(element, name) < 0:
            raise ValueError(f"{where}: {name} must be a number of millimetres from 0")
    for name in ("width", "height", "size", "font_size", "min_font_size"):
        if hasattr(element, name):
            _positive(getattr(element, name), f"{where}: {name}")
    for name in ("color", "text_color", "default_color"):
        if hasattr(element, name):
            _colour(getattr(element, name), where)
    if isinstance(element, BandElement):
        for colour in element.colors.values():
            _colour(colour, where)
    if isinstance(element, TextElement):
        if element.align not in _ALIGNMENTS:
            raise ValueError(f"{where}: align must be one of {', '.join(_ALIGNMENTS)}")
        if element.max_lines not in (1, 2, 3):
            raise ValueError(f"{where}: max_lines must be 1, 2 or 3")
        if element.min_font_size > element.font_size:
            raise ValueError(f"{where}: min_font_size is larger than font_size")
    for template in (getattr(element, "text", ""), getattr(element, "value", "")):
        for name in template_fields(template):
            if name not in PLACEHOLDERS and not name.startswith("custom."):
                raise ValueError(f"{where}: unknown placeholder {{{name}}}; use one of "
                                 + ", ".join("{" + p + "}" for p in PLACEHOLDERS))


def _check_inside(layout: Layout, source: str) -> None:
    for index, element in enumerate(layout.elements):
        width = getattr(element, "width", getattr(element, "size", 0))
        height = getattr(element, "height", getattr(element, "size", 0))
        if element.x + width > layout.width + 0.01 or element.y + height > layout.height + 0.01:
            raise LayoutError(f"{source}: element {index + 1} ({element.type}) reaches outside the "
                              f"{layout.width:g} × {layout.height:g} mm badge")


def _positive(value: Any, what: str = "size") -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise ValueError(f"{what} must be a positive number")
    return float(value)


def _colour(value: Any, where: str = "background") -> str:
    if not isinstance(value, str) or not _COLOUR.match(value):
        raise ValueError(f"{where}: colour {value!r} must look like #1F4E79")
    return value


def load_layout(path: Path | str) -> Layout:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LayoutError(f"cannot read the layout {path}: {error.strerror or error}") from None
    except ValueError as error:
        raise LayoutError(f"{path} is not valid JSON: {error}") from None
    return layout_from_json(data, str(path), path.parent)


def save_layout(layout: Layout, path: Path | str) -> Path:
    """Write the layout as JSON (atomically, so a crash never leaves half a file)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps(layout.to_json(), indent=2, ensure_ascii=False), encoding="utf-8")
    temporary.replace(path)
    return path
