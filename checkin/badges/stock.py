"""Badge stock as data: page size, label size, how many labels per page and where they sit.

All lengths are millimetres measured from the top-left corner of the page, as on the stock's
data sheet. A sheet's labels are filled row by row. Fold stock prints a front and a back panel
of one badge on one page.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checkin.core.translatable import QT_TRANSLATE_NOOP

A4 = (210.0, 297.0)


#: The translation context of the stock titles and descriptions (the UI translates them).
CONTEXT = "BadgeStock"


def _as_declared(text: str) -> str:
    return text


@dataclass(frozen=True)
class Stock:
    name: str
    title: str
    page_width: float
    page_height: float
    label_width: float
    label_height: float
    columns: int = 1
    rows: int = 1
    margin_left: float = 0.0
    margin_top: float = 0.0
    pitch_x: float = 0.0
    pitch_y: float = 0.0
    #: Top-left corner of the back panel on fold stock (the front sits at the first label).
    back_panel: tuple[float, float] | None = None
    continuous: bool = False
    corner_radius: float = 0.0

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    @property
    def is_sheet(self) -> bool:
        return self.per_page > 1

    def label_origin(self, index: int) -> tuple[float, float]:
        """Top-left corner (mm from the page's top-left) of label ``index`` on a page."""
        row, column = divmod(index, self.columns)
        return (self.margin_left + column * (self.pitch_x or self.label_width),
                self.margin_top + row * (self.pitch_y or self.label_height))

    @property
    def media(self) -> str:
        """The CUPS media option: ``A4`` for sheets, the exact size for labels and cards."""
        if (self.page_width, self.page_height) == A4:
            return "A4"
        return f"Custom.{self.page_width:g}x{self.page_height:g}mm"

    def describe(self, translate: Callable[[str], str] = _as_declared) -> str:
        """One line for a list of stocks; ``translate`` says its words (marked under CONTEXT) in
        the desk's language, the CLI keeps them English."""
        size = f"{self.label_width:g} × {self.label_height:g} mm"
        words = {"title": translate(self.title), "size": size}
        if self.back_panel:
            fold = QT_TRANSLATE_NOOP("BadgeStock", "{title}: {size}, front and back on one A4 page")
            return translate(fold).format(**words)
        if self.is_sheet:
            sheet = QT_TRANSLATE_NOOP("BadgeStock", "{title}: {size}, {count} per {width} × {height} mm sheet")
            return translate(sheet).format(**words, count=self.per_page, width=f"{self.page_width:g}",
                                           height=f"{self.page_height:g}")
        if self.continuous:
            return translate(QT_TRANSLATE_NOOP("BadgeStock", "{title}: {size} (continuous roll)")).format(**words)
        return f"{words['title']}: {size}"


def _sheet(name: str, title: str, width: float, height: float, columns: int, rows: int, *,
           pitch_x: float | None = None, pitch_y: float | None = None, radius: float = 0.0) -> Stock:
    """Sheet stock on A4 portrait with the grid centred, as the label makers print it."""
    pitch_x = pitch_x or width
    pitch_y = pitch_y or height
    used_width = (columns - 1) * pitch_x + width
    used_height = (rows - 1) * pitch_y + height
    return Stock(name, title, *A4, width, height, columns, rows, round((A4[0] - used_width) / 2, 2),
                 round((A4[1] - used_height) / 2, 2), pitch_x, pitch_y, corner_radius=radius)


def _single(name: str, title: str, width: float, height: float, *, continuous: bool = False,
            radius: float = 0.0) -> Stock:
    return Stock(name, title, width, height, width, height, continuous=continuous, corner_radius=radius)


STOCKS: dict[str, Stock] = {stock.name: stock for stock in (
    _single("a6", QT_TRANSLATE_NOOP("BadgeStock", "A6 portrait"), 105, 148),
    _sheet("a4-4xa6", QT_TRANSLATE_NOOP("BadgeStock", "A4 with 4 × A6"), 105, 148.5, 2, 2),
    Stock("a6-fold", QT_TRANSLATE_NOOP("BadgeStock", "A6 fold (A4 folded in four)"), *A4, 105, 148.5,
          margin_left=105, margin_top=148.5, back_panel=(0, 148.5)),
    _single("cr80", QT_TRANSLATE_NOOP("BadgeStock", "CR80 / ID-1 card"), 85.6, 54, radius=3.18),
    _sheet("herma-4412", QT_TRANSLATE_NOOP("BadgeStock", "HERMA 4412 name badge labels"),
           80, 50, 2, 5, pitch_x=95, radius=3),
    _sheet("durable-1445", QT_TRANSLATE_NOOP("BadgeStock", "DURABLE 1445 badge inserts"), 90, 54, 2, 5),
    _sheet("durable-1456", QT_TRANSLATE_NOOP("BadgeStock", "DURABLE 1456 badge inserts"), 90, 60, 2, 4),
    _sheet("avery-l4785", QT_TRANSLATE_NOOP("BadgeStock", "Avery L4785 name badge labels"),
           80, 50, 2, 5, pitch_x=95, radius=3),
    _single("brother-ql-62", QT_TRANSLATE_NOOP("BadgeStock", "Brother QL 62 mm continuous, cut at 100 mm"),
            62, 100, continuous=True),
    _single("brother-dk-11234", QT_TRANSLATE_NOOP("BadgeStock", "Brother DK-11234 name badge labels"),
            86, 60, radius=3),
    _single("dymo-11356", QT_TRANSLATE_NOOP("BadgeStock", "DYMO 11356 name badge labels"), 89, 41, radius=3),
    _single("zebra-4x3", QT_TRANSLATE_NOOP("BadgeStock", "Zebra 4 × 3 in label"), 101.6, 76.2),
    _single("zebra-4x6", QT_TRANSLATE_NOOP("BadgeStock", "Zebra 4 × 6 in label"), 101.6, 152.4),
)}


class UnknownStockError(KeyError):
    def __str__(self) -> str:
        return f"unknown badge stock {self.args[0]!r}; known: {', '.join(STOCKS)}"


def get_stock(name: str) -> Stock:
    try:
        return STOCKS[name]
    except KeyError:
        raise UnknownStockError(name) from None
