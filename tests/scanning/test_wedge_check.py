"""The scanner check's findings from recorded key presses (no Qt, no scanner)."""
from __future__ import annotations

from checkin.scanning.keyboard_layouts import typed_as
from checkin.scanning.wedge_check import (
    CAPITALS_CAPS_LOCK,
    CAPITALS_LOST,
    CAPITALS_OK,
    CHARACTER,
    ENTER,
    SHIFT,
    TAB,
    TEST_CODE,
    KeyPress,
    analyse,
    suggested_settings,
)


def presses(text: str, step_ms: float = 4, terminator: str | None = ENTER, shift: bool = True) -> list[KeyPress]:
    out, now = [], 1000.0
    for character in text:
        if shift and (character.isupper() or character in "+_:?"):
            out.append(KeyPress(now, SHIFT))
        out.append(KeyPress(now, CHARACTER, character))
        now += step_ms
    if terminator:
        out.append(KeyPress(now, terminator))
    return out


def test_a_well_set_scanner_is_recognised_with_its_terminator_and_pace():
    report = analyse(presses(TEST_CODE, 4, TAB))
    assert report.recognised and report.terminator == "tab" and report.median_interval_ms == 4
    assert report.layout is None and report.capitals == CAPITALS_OK and report.shift_seen
    assert (report.prefix, report.suffix) == ("", "")
    assert suggested_settings(report) == {"scanner_prefix": "", "scanner_suffix": "",
                                          "scanner_typical_interval_ms": 15, "scanner_max_key_interval_ms": 60}


def test_prefix_suffix_and_no_terminator_are_found_around_the_code():
    report = analyse(presses("]Q1" + TEST_CODE + "#", 30, None))
    assert report.terminator == "none" and (report.prefix, report.suffix) == ("]Q1", "#")
    settings = suggested_settings(report)
    assert settings["scanner_prefix"] == "]Q1" and settings["scanner_suffix"] == "#"
    assert settings["scanner_typical_interval_ms"] == 47 and settings["scanner_max_key_interval_ms"] == 60


def test_a_us_scanner_on_a_german_computer_is_named_and_lost_characters_are_said():
    arrived = typed_as(TEST_CODE, "us", "de", dead_keys="drop")
    report = analyse(presses(arrived))
    assert report.recognised and report.layout == ("us", "de") and report.characters_lost


def test_azerty_and_swiss_mix_ups_are_named_too():
    for scanner, computer in (("us", "fr"), ("de", "us"), ("us", "ch")):
        report = analyse(presses(typed_as(TEST_CODE, scanner, computer, dead_keys="drop")))
        assert report.layout == (scanner, computer), (scanner, computer)


def test_caps_lock_and_missing_shift_are_told_apart():
    assert analyse(presses(TEST_CODE.swapcase())).capitals == CAPITALS_CAPS_LOCK
    lost = analyse(presses(TEST_CODE.lower(), shift=False))
    assert lost.capitals == CAPITALS_LOST and not lost.shift_seen


def test_something_else_than_the_test_code_is_not_recognised_and_changes_no_setting():
    report = analyse(presses("hello-world"))
    assert not report.recognised and suggested_settings(report) == {}
    assert analyse([]).terminator == "none" and analyse([]).median_interval_ms is None
