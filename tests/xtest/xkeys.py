"""Real X key events (XTest) as a USB scanner or a person sends them: key *positions*.

A scanner set to a layout (US by default) sends, for each character, the physical key its
layout puts the character on, with Shift pressed before and released after when the
character is on the shifted level. The computer's X keymap (``setxkbmap``) decides what
those keys type, exactly as with a real scanner on a real keyboard port.

Timing is left to the X server: each fake event carries its delay (XTest's ``time`` field),
so a burst keeps its 4 ms spacing even when the machine running the test is busy.
"""
from __future__ import annotations

import re
import subprocess

from Xlib import X, display
from Xlib.ext import xtest

from checkin.scanning.keyboard_layouts import LAYOUTS

_KEYCODE_LINE = re.compile(r"^\s*<(\w+)>\s*=\s*(\d+);", re.MULTILINE)


def key_codes(display_name: str) -> dict[str, int]:
    """XKB key name (``AD06``) → X keycode, as the server's keymap says."""
    dump = subprocess.run(["xkbcomp", "-xkb", display_name, "-"], capture_output=True, text=True, check=True).stdout
    return {name: int(code) for name, code in _KEYCODE_LINE.findall(dump)}


class XKeyboard:
    """Sends key presses and releases through XTest to whichever window has the X focus."""

    def __init__(self, display_name: str, layout: str = "us"):
        self.display = display.Display(display_name)
        self.codes = key_codes(display_name)
        self.layout = LAYOUTS[layout]

    def close(self) -> None:
        self.display.close()

    def type(self, text: str, step_ms: int, terminator: str | None = None, delays: list[int] | None = None) -> None:
        """``text`` one key every ``step_ms`` (or after each of ``delays``), then Enter/Tab/nothing."""
        for index, character in enumerate(text):
            self._character(character, delays[index] if delays else step_ms)
        if terminator is not None:
            self._tap(self.codes["RTRN" if terminator == "\r" else "TAB"], step_ms)
        self.display.sync()

    def _character(self, character: str, delay_ms: int) -> None:
        place = self.layout.positions.get(character)
        if place is None:
            raise ValueError(f"a {self.layout.name} keyboard has no key for {character!r}")
        position, shifted = place
        if shifted:
            xtest.fake_input(self.display, X.KeyPress, self.codes["LFSH"], time=delay_ms)
        self._tap(self.codes[position], 0 if shifted else delay_ms)
        if shifted:
            xtest.fake_input(self.display, X.KeyRelease, self.codes["LFSH"])

    def _tap(self, code: int, delay_ms: int) -> None:
        xtest.fake_input(self.display, X.KeyPress, code, time=delay_ms)
        xtest.fake_input(self.display, X.KeyRelease, code)
