"""The bundled badge fonts, one per script, and the split of guest text into runs per font.

ReportLab has no font fallback: a character missing from the font prints as an empty box.
So every piece of text is cut into runs of one script, each set in a font that has its
glyphs; characters no bundled font has (most emoji) are left out rather than printed as boxes.
The large CJK fonts are registered only when a name needs them.
"""
from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from checkin.resources import resource_path

LATIN, ARABIC, HEBREW, HAN, HANGUL = "latin", "arabic", "hebrew", "han", "hangul"
RIGHT_TO_LEFT = frozenset({ARABIC, HEBREW})


@dataclass(frozen=True)
class FontFiles:
    regular: str
    bold: str


FONT_FILES = {
    LATIN: FontFiles("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    ARABIC: FontFiles("NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    HEBREW: FontFiles("NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    # One weight only: the CJK fonts are large, and their regular weight reads well on a badge.
    HAN: FontFiles("DroidSansFallbackFull.ttf", "DroidSansFallbackFull.ttf"),
    HANGUL: FontFiles("CheckinDeskHangul-Regular.ttf", "CheckinDeskHangul-Regular.ttf"),
}

_SCRIPT_RANGES = (
    (0x0590, 0x05FF, HEBREW), (0xFB1D, 0xFB4F, HEBREW),
    (0x0600, 0x06FF, ARABIC), (0x0750, 0x077F, ARABIC), (0x08A0, 0x08FF, ARABIC),
    (0xFB50, 0xFDFF, ARABIC), (0xFE70, 0xFEFF, ARABIC),
    (0x1100, 0x11FF, HANGUL), (0x3130, 0x318F, HANGUL), (0xAC00, 0xD7AF, HANGUL),
    (0x2E80, 0x312F, HAN), (0x3190, 0x9FFF, HAN), (0xF900, 0xFAFF, HAN), (0xFF00, 0xFFEF, HAN),
    (0x20000, 0x2FFFF, HAN),
)
_lock = threading.Lock()
_registered: set[str] = set()


def font_name(script: str, bold: bool = False) -> str:
    """The ReportLab name of a script's font, registered on first use (thread-safe)."""
    files = FONT_FILES[script]
    file_name = files.bold if bold else files.regular
    name = "CheckinDesk-" + file_name.removesuffix(".ttf")
    if name not in _registered:
        with _lock:
            if name not in _registered:
                pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
                _registered.add(name)
    return name


def script_of(char: str) -> str | None:
    """The script whose font a character needs; None for neutral ones (spaces, digits, punctuation)."""
    code = ord(char)
    for low, high, script in _SCRIPT_RANGES:
        if low <= code <= high:
            return script
    if unicodedata.category(char)[0] in "LM":
        return LATIN
    return None


def _has_glyph(script: str, char: str) -> bool:
    font = pdfmetrics.getFont(font_name(script))
    return ord(char) in font.face.charToGlyph


@lru_cache(maxsize=8192)
def font_runs(text: str, bold: bool = False) -> tuple[tuple[str, str], ...]:
    """``text`` NFC-normalised and cut into (script, text) runs; characters no font has are dropped.

    Neutral characters (spaces, digits, punctuation) stay in the run around them, so a space
    inside an Arabic name is shaped with it and the name keeps its right-to-left order.
    """
    runs: list[list] = []
    pending = ""
    for char in unicodedata.normalize("NFC", text):
        if unicodedata.category(char) in ("Cc", "Cf", "Co", "Cs", "Zl", "Zp"):
            continue
        script = script_of(char)
        if script is None:
            if runs and _has_glyph(runs[-1][0], char):
                runs[-1][1] += char
            elif _has_glyph(LATIN, char):
                pending += char
            continue
        if not _has_glyph(script, char):
            continue
        if runs and runs[-1][0] == script and not pending:
            runs[-1][1] += char
        else:
            if pending:
                runs.append([LATIN, pending])
            runs.append([script, char])
        pending = ""
    if pending:
        runs.append([LATIN, pending])
    return tuple((script, value) for script, value in _merge(runs))


def _merge(runs: list[list]) -> list[list]:
    merged: list[list] = []
    for script, value in runs:
        if merged and merged[-1][0] == script:
            merged[-1][1] += value
        else:
            merged.append([script, value])
    return merged


def paragraph_markup(text: str, bold: bool = False) -> str:
    """Paragraph markup with every run escaped and set in its script's font."""
    return "".join(
        f'<font name="{font_name(script, bold)}">{escape(value)}</font>' for script, value in font_runs(text, bold)
    )


def single_line_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points of ``text`` on one line (before shaping; shaping never widens much)."""
    return sum(pdfmetrics.stringWidth(value, font_name(script, bold), size) for script, value in font_runs(text, bold))


def starts_right_to_left(text: str) -> bool:
    """Whether the first letters of ``text`` are Arabic or Hebrew (so it reads from the right)."""
    runs = font_runs(" ".join(text.split()))
    letters = [script for script, value in runs if value.strip()]
    return bool(letters) and letters[0] in RIGHT_TO_LEFT
