"""What a scanner typing with one keyboard layout produces on a computer set to another.

A USB keyboard-wedge scanner does not send characters: it sends the *key positions* its own
layout setting gives for each character (with Shift for the upper level). The computer turns
those positions into characters with *its* layout. A scanner set to US on a German computer
therefore swaps y and z, sends ``ß`` for ``-`` and ``-`` for ``/``.

Layouts are tables of physical key positions (XKB names: ``AD06`` is the key right of T) to
their unshifted and shifted characters, taken from Debian's xkb-data (``symbols/us``, ``de``,
``fr``, ``ch``). A combining mark (U+0300…) in a table is a *dead key*: it types nothing by
itself and changes the next character (``´`` then ``e`` gives ``é``). AltGr levels are left
out on purpose: scanners type codes with plain and shifted keys.

Pure Python, no Qt; used by the layout recovery at the desk and by the scanner check.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

ACUTE, GRAVE, CIRCUMFLEX, DIAERESIS = "\u0301", "\u0300", "\u0302", "\u0308"
_SPACING = {ACUTE: "´", GRAVE: "`", CIRCUMFLEX: "^", DIAERESIS: "¨"}

def _row(prefix: str, unshifted: list[str], shifted: list[str]) -> dict[str, tuple[str, str]]:
    return {f"{prefix}{n:02d}": pair for n, pair in enumerate(zip(unshifted, shifted), start=1)}


def _table(tilde: tuple[str, str], digits: str, digits_shifted: list[str], top: str, top_shifted: str,
           home: str, home_shifted: str, bottom: str, bottom_shifted: str,
           extra: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    """A layout from its rows written out as strings (one character a key; dead keys as marks)."""
    keys = {"TLDE": tilde, **extra}
    keys |= _row("AE", list(digits), digits_shifted)
    keys |= _row("AD", list(top), list(top_shifted))
    keys |= _row("AC", list(home), list(home_shifted))
    keys |= _row("AB", list(bottom), list(bottom_shifted))
    return keys


@dataclass(frozen=True)
class Layout:
    code: str
    name: str  # English; the desk translates it where it is shown
    keys: dict[str, tuple[str, str]]
    #: character → (position, shifted) for every character this layout types with one key.
    positions: dict[str, tuple[str, bool]] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        for position, pair in self.keys.items():
            for shifted, character in enumerate(pair):
                self.positions.setdefault(character, (position, bool(shifted)))

    def char_at(self, position: str, shifted: bool) -> str | None:
        pair = self.keys.get(position)
        return pair[shifted] if pair else None

    def is_dead(self, character: str) -> bool:
        return unicodedata.combining(character) > 0


US = Layout("us", "US", _table(
    ("`", "~"), "1234567890-=", list("!@#$%^&*()_+"), "qwertyuiop[]", "QWERTYUIOP{}",
    "asdfghjkl;'", 'ASDFGHJKL:"', "zxcvbnm,./", "ZXCVBNM<>?", {"BKSL": ("\\", "|")}))
DE = Layout("de", "German", _table(
    (CIRCUMFLEX, "°"), "1234567890ß" + ACUTE, list('!"§$%&/()=?') + [GRAVE], "qwertzuiopü+", "QWERTZUIOPÜ*",
    "asdfghjklöä", "ASDFGHJKLÖÄ", "yxcvbnm,.-", "YXCVBNM;:_", {"BKSL": ("#", "'"), "LSGT": ("<", ">")}))
FR = Layout("fr", "French", _table(
    ("²", "~"), "&é\"'(-è_çà)=", list("1234567890°+"), "azertyuiop" + CIRCUMFLEX + "$",
    "AZERTYUIOP" + DIAERESIS + "£", "qsdfghjklmù", "QSDFGHJKLM%", "wxcvbn,;:!", "WXCVBN?./§",
    {"BKSL": ("*", "µ"), "LSGT": ("<", ">")}))
CH = Layout("ch", "Swiss German", _table(
    ("§", "°"), "1234567890'" + CIRCUMFLEX, list('+"*ç%&/()=?') + [GRAVE], "qwertzuiopü" + DIAERESIS,
    "QWERTZUIOPè!", "asdfghjklöä", "ASDFGHJKLéà", "yxcvbnm,.-", "YXCVBNM;:_",
    {"BKSL": ("$", "£"), "LSGT": ("<", ">")}))

#: Beyond this many readings of one code (a long code full of two-way characters), none is tried.
MAX_READINGS = 16
LAYOUTS: dict[str, Layout] = {layout.code: layout for layout in (US, DE, FR, CH)}
#: (scanner's layout, computer's layout) pairs met at desks, most common first.
MISMATCHES: tuple[tuple[str, str], ...] = (
    ("us", "de"), ("de", "us"), ("us", "fr"), ("fr", "us"), ("us", "ch"), ("ch", "us"),
)


#: How dead keys of the computer's layout are taken: composed with the next letter or the code
#: is unknowable ("exact"); composed where Unicode has the letter, else dropped ("compose");
#: always dropped, the next key typed as it is ("drop": Qt under X without a compose table).
DEAD_KEY_MODES = ("exact", "compose", "drop")


def typed_as(code: str, scanner: str, computer: str, dead_keys: str = "exact") -> str | None:
    """What a scanner set to ``scanner`` typing ``code`` shows on a computer set to ``computer``.

    None when the result cannot be known: a character the scanner's layout has no plain or
    shifted key for, or (``dead_keys="exact"``) a dead key on the computer that nothing
    composes with. The other :data:`DEAD_KEY_MODES` model what input methods do instead: the
    result is known, but characters are lost.
    """
    keys = _keys_shown(code, LAYOUTS[scanner], LAYOUTS[computer])
    if keys is None:
        return None
    out: list[str] = []
    pending_mark = ""
    for produced in keys:
        if LAYOUTS[computer].is_dead(produced):
            if pending_mark and dead_keys == "exact":
                return None  # two dead keys in a row: what shows depends on the input method
            pending_mark = produced
            continue
        if pending_mark:
            composed = _compose(produced, pending_mark) if dead_keys != "drop" else None
            if composed is None and dead_keys == "exact":
                return None
            produced, pending_mark = composed or produced, ""
        out.append(produced)
    return None if pending_mark and dead_keys == "exact" else "".join(out)


def _keys_shown(code: str, source: Layout, target: Layout) -> list[str] | None:
    """What each key the scanner presses for ``code`` is on the target (dead keys as marks)."""
    shown = []
    for character in code:
        place = source.positions.get(character)
        produced = target.char_at(*place) if place and not source.is_dead(character) else None
        if produced is None:
            return None
        shown.append(produced)
    return shown


def readings(typed: str, scanner: str, computer: str) -> set[str]:
    """Every code a scanner set to ``scanner`` may have meant when ``typed`` arrived on a
    ``computer`` layout: the inverse of :func:`typed_as`.

    Usually one; more where a character has two ways in (Swiss ``è`` is a key of its own and
    also dead grave then ``e``); none when a character cannot come from the scanner's keys
    (no US key makes a French computer show ``ß``), or past :data:`MAX_READINGS`.
    """
    source, target = LAYOUTS[scanner], LAYOUTS[computer]
    found = {""}
    for character in typed:
        ways = {way for way in (_meant_keys(keys, source, target) for keys in _keystrokes(character, target)) if way}
        found = {start + way for start in found for way in ways}
        if not found or len(found) > MAX_READINGS:
            return set()
    return found


def meant(typed: str, scanner: str, computer: str) -> str | None:
    """The one code :func:`readings` finds, or None (no reading, or several)."""
    found = readings(typed, scanner, computer)
    return found.pop() if len(found) == 1 else None


def _keystrokes(character: str, layout: Layout) -> list[list[str]]:
    """The key sequences that show ``character`` on ``layout``: its own key, or a dead key then
    the base character."""
    ways = [[character]] if character in layout.positions else []
    decomposed = unicodedata.normalize("NFD", character)
    if len(decomposed) == 2 and decomposed[1] in layout.positions and decomposed[0] in layout.positions:
        ways.append([decomposed[1], decomposed[0]])
    return ways


def _meant_keys(keys: list[str], source: Layout, target: Layout) -> str:
    """What the scanner meant with the keys that showed ``keys`` on the target ("" if nothing)."""
    out = ""
    for key_character in keys:
        intended = source.char_at(*target.positions[key_character])
        if intended is None or source.is_dead(intended):
            return ""
        out += intended
    return out


def _compose(base: str, mark: str) -> str | None:
    if base == " ":
        return _SPACING.get(mark)
    composed = unicodedata.normalize("NFC", base + mark)
    return composed if len(composed) == 1 else None


def untypeable(code: str, layout: str) -> set[str]:
    """Characters of ``code`` a scanner set to ``layout`` has no plain or shifted key for."""
    positions = LAYOUTS[layout].positions
    return {character for character in code if character not in positions}
