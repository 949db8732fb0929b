"""Finds the shipped resources (fonts, icons, sounds, translations, layouts).

They live in the top-level ``resources/`` folder of a checkout, inside the wheel as the
``checkin._resources`` package, and under ``resources/`` in a PyInstaller bundle.
"""
from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resource_root() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(__file__).resolve().parent / "_resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("Check-in Desk resources not found; looked in: " + ", ".join(map(str, candidates)))


def resource_path(*parts: str) -> Path:
    """The path of a shipped resource, e.g. ``resource_path("fonts", "NotoSans-Regular.ttf")``."""
    return resource_root().joinpath(*parts)
