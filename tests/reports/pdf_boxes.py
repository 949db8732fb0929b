"""Where each word of a PDF landed, read back with poppler's ``pdftotext -bbox`` (Debian
poppler-utils), so a test can say "no two words overlap" about the real rendered page."""
from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from tests.conftest import skip_or_fail

#: Touching boxes are fine; an overlap smaller than this (points) is not a collision.
TOLERANCE = 0.5
#: pdftotext's box spans the font's whole ascent and descent (Noto Sans: 1.36 em), more than the
#: 1.2 em leading of two lines of a cell; the ink of letters starts ~20 % lower and ends ~4 % higher.
INK_TOP, INK_BOTTOM = 0.20, 0.04


@dataclass(frozen=True)
class Word:
    text: str
    page: int
    x_min: float
    y_min: float
    x_max: float
    y_max: float

    @property
    def ink(self) -> tuple[float, float]:
        """Top and bottom of the letters (y grows downwards)."""
        height = self.y_max - self.y_min
        return self.y_min + INK_TOP * height, self.y_max - INK_BOTTOM * height

    def overlaps(self, other: Word) -> bool:
        (top, bottom), (other_top, other_bottom) = self.ink, other.ink
        return (self.page == other.page
                and min(self.x_max, other.x_max) - max(self.x_min, other.x_min) > TOLERANCE
                and min(bottom, other_bottom) - max(top, other_top) > TOLERANCE)


def words(pdf: Path) -> list[Word]:
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext is not installed (Debian package poppler-utils)")
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(html.replace('xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [Word(word.text or "", number, *(float(word.get(edge)) for edge in ("xMin", "yMin", "xMax", "yMax")))
            for number, page in enumerate(root.iter("page"), start=1) for word in page.iter("word")]


def collisions(pdf: Path) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap (text running into its neighbour)."""
    return [(a.text, b.text) for a, b in combinations(words(pdf), 2) if a.overlaps(b)]
