"""Pictures on badges (a logo, a sponsor strip): which files print, and where a layout finds them.

ReportLab draws PNG and JPEG; the layout editor turns SVG and PDF files into PNG when they are
added (see checkin/ui/badge_pictures.py), so a layout names only pictures the CLI prints alike.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.utils import ImageReader

from checkin.badges.layout import Layout, LayoutError
from checkin.resources import resource_path

PRINTABLE_SUFFIXES = (".png", ".jpg", ".jpeg")


def picture_size(path: Path | str) -> tuple[int, int]:
    """The picture's size in pixels; LayoutError (a sentence to show) if it is not a picture."""
    path = Path(path)
    if not path.is_file():
        raise LayoutError(f"the picture {path.name} is missing ({path})")
    try:
        width, height = ImageReader(str(path)).getSize()
    except Exception as error:  # noqa: BLE001 - any decoder error (also a decompression bomb): not printable
        raise LayoutError(f"{path.name} is not a picture that can be printed (PNG or JPEG): "
                          f"{type(error).__name__}") from None
    if width < 1 or height < 1:
        raise LayoutError(f"{path.name} is an empty picture")
    return width, height


def find_picture(layout: Layout, name: str) -> Path | None:
    """The file of an image element: beside the layout file, as given, or among the built-in layouts."""
    candidates = [Path(name), resource_path("layouts", name)]
    if layout.base_dir is not None:
        candidates.insert(0, layout.base_dir / name)
    return next((candidate for candidate in candidates if candidate.is_file()), None)


def usable_picture(layout: Layout, name: str) -> tuple[str | None, str]:
    """The path to draw, or None and why not (a missing or broken picture must not stop a batch)."""
    path = find_picture(layout, name)
    if path is None:
        return None, f"layout {layout.name!r}: the picture {name!r} is missing; badges print without it"
    try:
        picture_size(path)
    except LayoutError as error:
        return None, f"layout {layout.name!r}: {error}; badges print without it"
    return str(path), ""
