"""Where badge elements sit and how they move: boxes in millimetres, kept on the badge, snapped
to alignment guides (the badge's edges and centre, the other elements' edges and centres).

Plain Python, so the editor's dragging, resizing and arrow-key rules are tested without a window.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from checkin.badges.layout import Element, QrElement

#: An arrow key moves by this much; with Shift by the larger step.
NUDGE_MM, NUDGE_LARGE_MM = 0.5, 5.0
#: No element gets smaller than this while resized.
MIN_SIZE_MM = 2.0
#: Positions are kept to a hundredth of a millimetre: clean JSON, exact centres.
DIGITS = 2


@dataclass(frozen=True)
class Box:
    x: float
    y: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.x + self.width

    @property
    def bottom(self) -> float:
        return self.y + self.height

    def moved(self, dx: float, dy: float) -> Box:
        return replace(self, x=self.x + dx, y=self.y + dy)


@dataclass(frozen=True)
class Guide:
    """A line the dragged element lines up with: vertical at x = position, or horizontal at y."""
    vertical: bool
    position: float


def element_box(element: Element) -> Box:
    if isinstance(element, QrElement):
        return Box(element.x, element.y, element.size, element.size)
    return Box(element.x, element.y, element.width, element.height)


def with_box(element: Element, box: Box) -> Element:
    """A copy of ``element`` placed in ``box`` (a QR code stays square: the smaller side)."""
    x, y = round(box.x, DIGITS), round(box.y, DIGITS)
    if isinstance(element, QrElement):
        return replace(element, x=x, y=y, size=round(min(box.width, box.height), DIGITS))
    return replace(element, x=x, y=y, width=round(box.width, DIGITS), height=round(box.height, DIGITS))


def kept_on_badge(box: Box, badge_width: float, badge_height: float) -> Box:
    """The box moved (never resized) so that it lies wholly on the badge."""
    x = min(max(box.x, 0.0), max(badge_width - box.width, 0.0))
    y = min(max(box.y, 0.0), max(badge_height - box.height, 0.0))
    return Box(x, y, box.width, box.height)


def resized_on_badge(box: Box, badge_width: float, badge_height: float, square: bool = False) -> Box:
    """The box's size limited to the badge and at least MIN_SIZE_MM; its top-left corner stays."""
    width = min(max(box.width, MIN_SIZE_MM), badge_width - box.x)
    height = min(max(box.height, MIN_SIZE_MM), badge_height - box.y)
    if square:
        width = height = min(width, height)
    return Box(box.x, box.y, width, height)


def nudged(box: Box, dx_steps: int, dy_steps: int, large: bool, badge_width: float, badge_height: float) -> Box:
    step = NUDGE_LARGE_MM if large else NUDGE_MM
    return kept_on_badge(box.moved(dx_steps * step, dy_steps * step), badge_width, badge_height)


def guide_lines(others: list[Box], badge_width: float, badge_height: float) -> tuple[list[float], list[float]]:
    """The x positions and y positions an element can line up with."""
    xs = [0.0, badge_width / 2, badge_width]
    ys = [0.0, badge_height / 2, badge_height]
    for other in others:
        xs += [other.x, other.x + other.width / 2, other.right]
        ys += [other.y, other.y + other.height / 2, other.bottom]
    return xs, ys


def _nearest(edges: list[float], lines: list[float], threshold: float) -> tuple[float, float | None]:
    """The shift that puts the nearest edge on its nearest line, and that line (None: nothing near)."""
    best: tuple[float, float | None] = (0.0, None)
    for edge in edges:
        for line in lines:
            shift = line - edge
            if abs(shift) <= threshold and (best[1] is None or abs(shift) < abs(best[0])):
                best = (shift, line)
    return best


def snapped_move(box: Box, others: list[Box], badge_width: float, badge_height: float,
                 threshold: float) -> tuple[Box, list[Guide]]:
    """The moved box pulled onto the nearest guide within ``threshold`` mm, and the guides it meets."""
    xs, ys = guide_lines(others, badge_width, badge_height)
    dx, x_line = _nearest([box.x, box.x + box.width / 2, box.right], xs, threshold)
    dy, y_line = _nearest([box.y, box.y + box.height / 2, box.bottom], ys, threshold)
    snapped = kept_on_badge(box.moved(dx, dy), badge_width, badge_height)
    return snapped, _guides(x_line, y_line)


def snapped_resize(box: Box, others: list[Box], badge_width: float, badge_height: float, threshold: float,
                   square: bool = False) -> tuple[Box, list[Guide]]:
    """The resized box with its right and bottom edges pulled onto the nearest guides."""
    xs, ys = guide_lines(others, badge_width, badge_height)
    dx, x_line = _nearest([box.right], xs, threshold)
    dy, y_line = _nearest([box.bottom], ys, threshold)
    resized = resized_on_badge(Box(box.x, box.y, box.width + dx, box.height + dy), badge_width, badge_height,
                               square)
    return resized, _guides(x_line if not square else None, y_line if not square else None)


def _guides(x_line: float | None, y_line: float | None) -> list[Guide]:
    guides = []
    if x_line is not None:
        guides.append(Guide(True, x_line))
    if y_line is not None:
        guides.append(Guide(False, y_line))
    return guides
