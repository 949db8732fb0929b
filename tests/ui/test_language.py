"""German and English through Qt Linguist: the committed .ts files, the compiled .qm files,
the system language with an override, and switching while the desk runs."""
from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from checkin.resources import resource_path
from checkin.ui import translation_files
from checkin.ui.i18n import pick_language
from tests.ui.conftest import answers

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{\w*\}|%n")


@pytest.mark.parametrize(("override", "system", "expected"), [
    ("", "de_DE", "de"), ("", "de-AT", "de"), ("", "en_GB", "en"), ("", "fr_FR", "en"), ("", "", "en"),
    ("en", "de_DE", "en"), ("de", "fr_FR", "de"), ("xx", "de_CH", "de"),
])
def test_language_follows_the_system_unless_overridden(override, system, expected):
    assert pick_language(override, system) == expected


def test_every_german_text_is_translated_and_keeps_its_placeholders():
    tree = ET.parse(resource_path("translations", "checkin_de.ts"))
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 100
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None, f"unfinished: {source!r}"
        texts = [form.text for form in translation.findall("numerusform")] or [translation.text]
        for text in texts:
            assert text and sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), source


def test_lupdate_over_the_code_leaves_no_unfinished_german_entry(tmp_path):
    """Every text marked in the code (tr(), translate(), QT_TRANSLATE_NOOP where it is declared)
    has its German in the committed checkin_de.ts: lupdate on a copy adds nothing to translate."""
    shutil.copy(resource_path("translations", "checkin_de.ts"), tmp_path / "checkin_de.ts")
    [updated] = translation_files.update_sources(ROOT, ("de",), tmp_path)
    tree = ET.parse(updated)
    unfinished = [message.find("source").text for message in tree.getroot().iter("message")
                  if message.find("translation").get("type") == "unfinished"]
    assert unfinished == []


def test_stale_translations_are_compiled_and_fresh_ones_left_alone(tmp_path):
    for name in ("checkin_de.ts", "checkin_en.ts"):
        shutil.copy(resource_path("translations", name), tmp_path / name)
    built = translation_files.compile_all(tmp_path)
    assert sorted(p.name for p in built) == ["checkin_de.qm", "checkin_en.qm"]
    first = (tmp_path / "checkin_de.qm").stat().st_mtime_ns
    assert not translation_files.stale(tmp_path / "checkin_de.ts", tmp_path / "checkin_de.qm")
    translation_files.compile_all(tmp_path)
    assert (tmp_path / "checkin_de.qm").stat().st_mtime_ns == first


def test_switching_to_german_and_back_while_the_desk_runs(qtbot, window, keyboard, codes):
    assert window.card.headline.text() == "Ready to scan"
    window.toolbar.language_actions["de"].trigger()
    qtbot.waitUntil(lambda: window.card.headline.text() == "Bereit zum Scannen")
    assert window.tabs.tabText(0) == "&Suche" and window.toolbar.walk_in.text() == "&Spontangast…"
    assert window.settings.get("language") == "de"
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)
    assert window.card.headline.text() == "Willkommen!"
    window.toolbar.language_actions["en"].trigger()
    qtbot.waitUntil(lambda: window.card.headline.text() == "Welcome!")
    assert window.card.advice.text() == "Entry recorded."


def test_system_language_is_used_without_an_override(qtbot, make_window, demo, window_settings, monkeypatch):
    from PySide6.QtCore import QLocale

    window_settings.set("language", "")
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    window = make_window()
    assert window.card.headline.text() == "Bereit zum Scannen"
    assert window.toolbar.language_actions[""].isChecked()


def test_english_plural_forms(qtbot, window, keyboard, database):
    window.toolbar.focus_search.trigger()
    with qtbot.waitSignal(window.search.results_shown, timeout=5000,
                          check_params_cb=lambda _at, text: text == "zz-nobody"):
        window.search.box.setText("zz-nobody")
    assert window.search.status.text() == "0 guests found."
