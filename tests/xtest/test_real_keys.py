"""Real X key events (XTest keycodes, Shift pressed and released around capitals, as a
US-layout USB scanner sends them) into the real desk window under Xvfb, with the X keymap
set to ``us`` and to ``de``."""
from __future__ import annotations

import re

import pytest

from checkin.scanning.wedge_check import TEST_CODE

pytestmark = [pytest.mark.slow, pytest.mark.xtest]

CAPITALS_AND_SYMBOLS = "Ab-Yz/09xY"
MORE_Y_AND_Z = "QWERTZ-yz/7-Zy"
PRETIX_LIKE = "pretix-ZYX/abc"
DEAD_KEYS = "Kyz+Q=/8aZ"


@pytest.fixture(scope="module")
def us(run_desk) -> dict:  # noqa: ANN001
    return run_desk("us", [f"scan_field:{CAPITALS_AND_SYMBOLS}", f"search_box:{MORE_Y_AND_Z}",
                           f"dialog:{PRETIX_LIKE}", f"scan_field:{DEAD_KEYS}", "fast_person:Kowalski",
                           "fast_person:Dvorak", f"scanner_check:{TEST_CODE}"])


@pytest.fixture(scope="module")
def de(run_desk) -> dict:  # noqa: ANN001
    return run_desk("de", [f"scan_field:{CAPITALS_AND_SYMBOLS}", f"search_box:{MORE_Y_AND_Z}",
                           f"dialog:{PRETIX_LIKE}", f"scan_field:{DEAD_KEYS}", "fast_person:Schmidt",
                           f"scanner_check:{TEST_CODE}"])


def only_answer(report: dict, scenario: str) -> dict:
    answers = report[scenario]["answers"]
    assert report[scenario]["focused"], f"{scenario}: the focus did not reach the widget"
    assert len(answers) == 1, f"{scenario}: expected one scan, got {answers}; keys {report[scenario].get('keys')}"
    return answers[0]


@pytest.mark.parametrize("code", [CAPITALS_AND_SYMBOLS, DEAD_KEYS])
def test_capitals_and_symbols_arrive_whole_in_the_scan_field_with_enter(us, code):
    answer = only_answer(us, f"scan_field:{code}")
    assert answer["code"] == code and answer["registration_id"] == us["ids"][code]
    assert answer["outcome"] == "ok" and answer["card"] == "ok"
    assert us[f"scan_field:{code}"]["field"] == ""


def test_a_tab_terminated_scan_into_the_search_box_leaves_the_search_text(us):
    answer = only_answer(us, f"search_box:{MORE_Y_AND_Z}")
    assert answer["code"] == MORE_Y_AND_Z and answer["registration_id"] == us["ids"][MORE_Y_AND_Z]
    assert us[f"search_box:{MORE_Y_AND_Z}"]["field"] == "Kow"


def test_a_scan_without_terminator_while_a_dialog_is_open_leaves_its_field_empty(us):
    report = us[f"dialog:{PRETIX_LIKE}"]
    answer = only_answer(us, f"dialog:{PRETIX_LIKE}")
    assert answer["code"] == PRETIX_LIKE and answer["registration_id"] == us["ids"][PRETIX_LIKE]
    assert report["field"] == "" and report["dialog_open"]


@pytest.mark.parametrize(("keymap", "name"), [("us", "Kowalski"), ("us", "Dvorak"), ("de", "Schmidt")])
def test_a_person_typing_fast_into_the_search_keeps_the_text_and_nothing_is_scanned(us, de, keymap, name):
    report = {"us": us, "de": de}[keymap][f"fast_person:{name}"]
    assert report["focused"] and report["answers"] == []
    # The US keys of the name on a German keymap swap y/z; these names have none.
    assert report["field"] == name, report["delays"]


def test_on_a_german_keymap_a_us_scanner_checks_in_the_right_guest_through_layout_recovery(de):
    for scenario, code in ((f"scan_field:{CAPITALS_AND_SYMBOLS}", CAPITALS_AND_SYMBOLS),
                           (f"search_box:{MORE_Y_AND_Z}", MORE_Y_AND_Z), (f"dialog:{PRETIX_LIKE}", PRETIX_LIKE)):
        answer = only_answer(de, scenario)
        assert answer["registration_id"] == de["ids"][code] and answer["outcome"] == "ok", scenario
        assert (answer["extra"]["scanner_layout"], answer["extra"]["computer_layout"]) == ("us", "de")
    first = only_answer(de, f"scan_field:{CAPITALS_AND_SYMBOLS}")
    assert first["code"] == "AbßZy-09xZ"  # what the German keymap made of the US keys
    assert "US keyboard layout" in first["advice"] and "German" in first["advice"]
    assert "keyboard layout" not in only_answer(de, f"search_box:{MORE_Y_AND_Z}")["advice"]  # told once
    assert de[f"search_box:{MORE_Y_AND_Z}"]["field"] == "Kow"


def test_on_a_german_keymap_dead_keys_lose_characters_and_the_code_stays_unknown(de):
    # US '+' and '=' are German dead keys: Qt drops them before a letter they cannot accent,
    # so what arrives cannot be read back; the desk refuses it rather than guess.
    answer = only_answer(de, f"scan_field:{DEAD_KEYS}")
    assert answer["code"] == "KzyQ-8aY" and answer["outcome"] == "unknown" and answer["registration_id"] is None


def test_the_scanner_check_sees_enter_the_pace_and_a_matching_layout_on_us(us):
    report = us[f"scanner_check:{TEST_CODE}"]
    assert report["focused"] and report["answers"] == []
    findings = report["findings"]
    assert "The scanner read the test code." in findings and "Ends each code with: Enter" in findings
    assert re.search(r"Key interval \(median\): [3-6](\.\d)? ms", findings), findings  # 4 ms sent; Xvfb's timer rounds
    assert "the same as this computer's" in findings
    assert "Capitals: correct." in findings


def test_the_scanner_check_names_the_us_scanner_on_the_german_keymap(de):
    report = de[f"scanner_check:{TEST_CODE}"]
    assert report["answers"] == []
    assert "This scanner types with a US keyboard layout but this computer uses German" in report["findings"]
    assert "dead keys" in report["findings"]
