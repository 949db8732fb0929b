"""Where layouts come from: the built-in ones shipped in resources/layouts, and the organiser's
own, saved as JSON in the user's config folder."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from checkin.badges.layout import Layout, LayoutError, load_layout, save_layout
from checkin.badges.stock import Stock
from checkin.resources import resource_path
from checkin.settings import config_dir

DEFAULT_LANDSCAPE, DEFAULT_PORTRAIT = "classic", "conference-a6"


@dataclass(frozen=True)
class LayoutEntry:
    key: str
    path: Path
    builtin: bool


def user_layout_dir() -> Path:
    return config_dir() / "layouts"


def layout_entries() -> list[LayoutEntry]:
    """Built-in layouts first, then the organiser's own, each sorted by file name."""
    builtin = sorted(resource_path("layouts").glob("*.json"))
    own = sorted(user_layout_dir().glob("*.json")) if user_layout_dir().is_dir() else []
    return ([LayoutEntry(path.stem, path, True) for path in builtin]
            + [LayoutEntry("user:" + path.stem, path, False) for path in own])


def find_layout(name_or_path: str) -> Layout:
    """A layout by key (``classic``, ``user:my-badge``) or by the path of a JSON file."""
    for entry in layout_entries():
        if name_or_path in (entry.key, entry.path.stem):
            return load_layout(entry.path)
    path = Path(name_or_path)
    if path.suffix.lower() == ".json" or path.exists():
        return load_layout(path)
    known = ", ".join(entry.key for entry in layout_entries())
    raise LayoutError(f"no layout named {name_or_path!r}; known: {known}, or give the path of a .json file")


def default_layout_key(stock: Stock) -> str:
    """The built-in layout that suits the stock's orientation."""
    return DEFAULT_PORTRAIT if stock.label_height > stock.label_width else DEFAULT_LANDSCAPE


def default_layout(stock: Stock) -> Layout:
    return find_layout(default_layout_key(stock))


def layout_for(stock: Stock, name_or_path: str = "") -> Layout:
    """The chosen layout, or with no choice the built-in one that suits the stock."""
    return find_layout(name_or_path) if name_or_path else default_layout(stock)


def save_user_layout(layout: Layout) -> Path:
    """Save the organiser's layout under a file name made from its name; returns the path."""
    slug = re.sub(r"[^a-z0-9]+", "-", layout.name.lower()).strip("-") or "layout"
    return save_layout(layout, user_layout_dir() / f"{slug}.json")
