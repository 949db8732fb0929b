"""What a scanner did with the test code: terminator, prefix/suffix, speed, layout, capitals.

The scanner check (Settings → Check scanner…) shows :data:`TEST_CODE` as a QR code and
records every key press while the desk scans it. :func:`analyse` compares what arrived with
what the code says, and :func:`suggested_settings` turns the findings into settings.

Pure Python with explicit timestamps, so it is tested without Qt or a scanner.
"""
from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from checkin.scanning.keyboard_layouts import DEAD_KEY_MODES, MISMATCHES, typed_as

#: Capitals, y and z (they swap on German layouts), digits, and the symbols that move or turn
#: into dead keys between layouts. Every character is on a plain or shifted US key.
TEST_CODE = "Zy-Qa/7+Xz=K9"

CHARACTER, ENTER, TAB, SHIFT, CAPS_LOCK, OTHER = "character", "enter", "tab", "shift", "caps_lock", "other"
#: How capitals arrived: right, all swapped (Caps Lock is on), or all lower case (no Shift).
CAPITALS_OK, CAPITALS_CAPS_LOCK, CAPITALS_LOST = "ok", "caps_lock", "lost"


@dataclass(frozen=True)
class KeyPress:
    at_ms: float
    kind: str = CHARACTER
    text: str = ""


@dataclass(frozen=True)
class ScannerReport:
    #: Every character that arrived, in order.
    typed: str
    #: "enter", "tab" or "none".
    terminator: str
    median_interval_ms: float | None
    longest_interval_ms: float | None
    shift_seen: bool
    #: The test code was found in what arrived (directly, or through a layout or case change).
    recognised: bool = False
    prefix: str = ""
    suffix: str = ""
    #: (scanner's layout, computer's layout) when they differ, else None.
    layout: tuple[str, str] | None = None
    capitals: str = CAPITALS_OK
    #: The computer's dead keys swallowed characters of the code (e.g. US '+' on German).
    characters_lost: bool = False


def analyse(presses: Sequence[KeyPress], expected: str = TEST_CODE) -> ScannerReport:
    """Compare the key presses of one scan of ``expected`` with the code itself."""
    characters = [press for press in presses if press.kind == CHARACTER]
    typed = "".join(press.text for press in characters)
    intervals = [later.at_ms - earlier.at_ms for earlier, later in zip(characters, characters[1:])]
    report = ScannerReport(
        typed=typed, terminator=_terminator(presses),
        median_interval_ms=statistics.median(intervals) if intervals else None,
        longest_interval_ms=max(intervals) if intervals else None,
        shift_seen=any(press.kind == SHIFT for press in presses),
    )
    return _locate(report, expected)


def _terminator(presses: Sequence[KeyPress]) -> str:
    after_code = [press.kind for press in presses if press.kind in (CHARACTER, ENTER, TAB)]
    last = after_code[-1] if after_code else CHARACTER
    return {ENTER: "enter", TAB: "tab"}.get(last, "none")


def _locate(report: ScannerReport, expected: str) -> ScannerReport:
    """Find the code in what arrived, as it is or as a layout mix-up and Caps Lock made it."""
    for layout, arrived in _arrivals(expected):
        for capitals, shown in ((CAPITALS_OK, arrived), (CAPITALS_CAPS_LOCK, arrived.swapcase()),
                                (CAPITALS_LOST, arrived.lower())):
            start = report.typed.find(shown)
            if start >= 0:
                return ScannerReport(
                    **{**report.__dict__, "recognised": True, "prefix": report.typed[:start],
                       "suffix": report.typed[start + len(shown):], "layout": layout, "capitals": capitals,
                       "characters_lost": len(arrived) < len(expected)})
    return report


def _arrivals(expected: str) -> list[tuple[tuple[str, str] | None, str]]:
    arrivals: list[tuple[tuple[str, str] | None, str]] = [(None, expected)]
    for scanner, computer in MISMATCHES:
        for dead_keys in DEAD_KEY_MODES:  # whatever the computer's input method makes of dead keys
            arrived = typed_as(expected, scanner, computer, dead_keys)
            if arrived:
                arrivals.append(((scanner, computer), arrived))
    return arrivals


def suggested_settings(report: ScannerReport) -> dict[str, object]:
    """The scanner settings that match what the check saw (only for a recognised test code)."""
    if not report.recognised:
        return {}
    settings: dict[str, object] = {"scanner_prefix": report.prefix, "scanner_suffix": report.suffix}
    if report.median_interval_ms is not None and report.longest_interval_ms is not None:
        # Room above the scanner's pace, never below the defaults that suit 1–10 ms scanners.
        settings["scanner_typical_interval_ms"] = max(15, math.ceil(report.median_interval_ms * 1.5) + 2)
        settings["scanner_max_key_interval_ms"] = max(60, math.ceil(report.longest_interval_ms * 2))
    return settings
