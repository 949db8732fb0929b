"""Settings in groups, built from the declarations in checkin.settings: every visible setting on
its group's tab with its unit and a line of help, values outside the bounds impossible to enter,
badge stock, layout, printer and CUPS queue chosen from lists gathered off the UI thread."""
from __future__ import annotations

import dataclasses
import threading

import pytest
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox

import checkin.settings as declared
from checkin.badges.library import find_layout, save_user_layout
from checkin.badges.stock import STOCKS
from checkin.settings import GROUPS, INTERNAL, SETTINGS, Setting, Settings, settings_in
from checkin.store.models import PretixBadgeLayout
from checkin.ui.setting_choices import gather_choices
from checkin.ui.settings_dialog import SCREEN_SHARE, SettingsDialog


def _loaded(qtbot, settings: Settings, **kwargs: object) -> SettingsDialog:  # noqa: ANN001
    """The dialog once its lists arrived (results come back by queued signal, never inside the constructor)."""
    dialog = SettingsDialog(settings, **kwargs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    return dialog


def _tab_titles(dialog: SettingsDialog) -> list[str]:
    return [dialog.tabs.tabText(index).replace("&&", "&") for index in range(dialog.tabs.count())]


def _page_texts(dialog: SettingsDialog, index: int) -> list[str]:
    return [label.text() for label in dialog.tabs.widget(index).widget().findChildren(QLabel)]


def test_each_group_is_a_tab_with_its_settings_their_units_and_help(qtbot, settings):
    dialog = _loaded(qtbot, settings)
    assert _tab_titles(dialog) == ["Desk", "Scanner", "Badges & printing", "pretix", "Look"]
    for index, group in enumerate(g for g in GROUPS if settings_in(g.key)):
        texts = _page_texts(dialog, index)
        for setting in settings_in(group.key):
            assert setting.label + ":" in texts and setting.description in texts, setting.key
            assert dialog.editors[setting.key].window() is dialog
    assert not {s.key for s in SETTINGS if s.group == INTERNAL} & set(dialog.editors)
    assert dialog.editors["scanner_max_key_interval_ms"].suffix() == " ms"
    assert dialog.editors["backup_interval_min"].suffix() == " min"
    assert dialog.editors["online_timeout_s"].suffix() == " s"
    assert dialog.check_scanner.window() is dialog and dialog.check_scanner.isVisibleTo(dialog.tabs.widget(1))


def test_a_setting_declared_with_a_group_shows_up_by_itself(qtbot, settings, monkeypatch):
    """Another branch adds an exit-mode idle time: no dialog code changes, it appears under Desk;
    one declared without a group is not lost but shown under Other."""
    idle = Setting("exit_idle_min", int, 5, "Back to entry after", "Exit mode ends after this long without a scan.",
                   1, 120, "min", "desk")
    loose = Setting("walk_in_ticket_type", str, "", "Walk-in ticket type", "Preselected for walk-ins.")
    added = (*SETTINGS, idle, loose)
    monkeypatch.setattr(declared, "SETTINGS", added)
    monkeypatch.setattr(declared, "_BY_KEY", {setting.key: setting for setting in added})
    dialog = _loaded(qtbot, Settings(settings.path))
    spin = dialog.editors["exit_idle_min"]
    assert isinstance(spin, QSpinBox) and (spin.minimum(), spin.maximum(), spin.value()) == (1, 120, 5)
    assert "Back to entry after:" in _page_texts(dialog, 0)
    assert _tab_titles(dialog)[-1] == "Other" and "Walk-in ticket type:" in _page_texts(dialog, 5)


def test_every_number_keeps_to_its_bounds_and_text_to_its_pattern(qtbot, settings):
    dialog = _loaded(qtbot, settings)
    for setting in SETTINGS:
        editor = dialog.editors.get(setting.key)
        if isinstance(editor, (QSpinBox, QDoubleSpinBox)):
            assert (setting.minimum, setting.maximum) != (None, None), f"{setting.key} needs bounds"
            editor.setValue(10_000_000)
            assert editor.value() == setting.maximum
            editor.setValue(-5)
            assert editor.value() == setting.minimum
    prefix = dialog.editors["scanner_prefix"]
    assert isinstance(prefix, QLineEdit)
    assert prefix.validator().validate("]Q1", 0)[0] == QValidator.State.Acceptable
    assert prefix.validator().validate("a\x01", 0)[0] == QValidator.State.Invalid
    assert prefix.validator().validate("x" * 17, 0)[0] == QValidator.State.Invalid


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_dialog_fits_a_1366_by_768_screen_in_both_languages(qtbot, make_window, window_settings, demo,
                                                                language):
    window_settings.set("language", language)
    window = make_window()
    window.dialogs.edit_settings()
    dialog = window.dialogs.current
    with qtbot.waitSignal(dialog.choices_loaded, timeout=10_000):
        pass
    wanted = dialog.preferred_size()
    assert wanted.width() <= 1366 * SCREEN_SHARE and wanted.height() <= 768 * SCREEN_SHARE, wanted
    if language == "de":
        assert _tab_titles(dialog) == ["Schalter", "Scanner", "Namensschilder & Druck", "pretix", "Darstellung"]
        assert dialog.editors["backups_kept"].suffix() == " Sicherungen"
        assert "Kürzester Code:" in _page_texts(dialog, 1)
    dialog.reject()


def test_stock_is_chosen_from_the_list_with_a_preview(qtbot, settings):
    settings.set("badge_stock", "a6-fold")
    dialog = _loaded(qtbot, settings)
    stock = dialog.editors["badge_stock"]
    assert isinstance(stock, QComboBox) and [stock.itemData(i) for i in range(stock.count())] == list(STOCKS)
    assert stock.currentText() == STOCKS["a6-fold"].title
    assert "front and back" in dialog.stock_preview.text.text()
    stock.setCurrentIndex(stock.findData("herma-4412"))
    assert dialog.stock_preview.drawing.stock is STOCKS["herma-4412"]
    assert dialog.stock_preview.text.text() == "80 × 50 mm, 10 badges per 210 × 297 mm sheet"
    assert dialog.editors["badge_layout"].itemText(0).endswith("(classic)")
    dialog.accept()
    assert Settings(settings.path).get("badge_stock") == "herma-4412"


def test_layouts_list_the_built_in_ones_the_organisers_and_the_events_pretix_layouts(qtbot, settings, database,
                                                                                   demo):
    save_user_layout(dataclasses.replace(find_layout("classic"), name="Sponsor night"))
    with database.session() as session:
        session.add(PretixBadgeLayout(event_id=demo.event_id, external_id="7", name="Speaker", elements=[]))
    dialog = _loaded(qtbot, settings, choices=lambda: gather_choices(database, demo.event_id))
    layout = dialog.editors["badge_layout"]
    items = {layout.itemData(i): layout.itemText(i) for i in range(layout.count())}
    assert items["classic"] == "classic (built-in)"
    assert items["user:sponsor-night"] == "sponsor-night (yours)"
    assert items["pretix:Speaker"] == "Speaker (pretix)"
    assert layout.currentData() == ""
    layout.setCurrentIndex(layout.findData("pretix:Speaker"))
    dialog.accept()
    assert Settings(settings.path).get("badge_layout") == "pretix:Speaker"


def test_a_remembered_printer_that_is_gone_stays_chosen_and_marked(qtbot, settings):
    settings.set("badge_printer", "Zebra at the door")
    dialog = _loaded(qtbot, settings)
    printer = dialog.editors["badge_printer"]
    assert printer.itemText(0) == "None chosen yet"
    assert printer.currentData() == "Zebra at the door" and printer.currentText().endswith("(not found)")
    assert dialog.values()["badge_printer"] == "Zebra at the door"


def test_the_lists_are_gathered_off_the_ui_thread(qtbot, settings):
    threads = []

    def gather():  # noqa: ANN202
        threads.append(threading.current_thread())
        return gather_choices()

    _loaded(qtbot, settings, choices=gather)
    assert threads and threads[0] is not threading.main_thread()


def test_save_applies_at_once(qtbot, make_window, window_settings, demo):
    window = make_window()
    window.dialogs.edit_settings()
    dialog = window.dialogs.current
    dialog.editors["font_scale"].setValue(1.5)
    dialog.editors["high_contrast"].setChecked(True)
    with qtbot.waitSignal(window.settings_applied, timeout=5_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert Settings(window_settings.path).get("font_scale") == 1.5 and window.settings.get("high_contrast")


@pytest.mark.slow
def test_the_cups_queues_of_a_real_cups_server_are_offered(qtbot, settings, monkeypatch):
    from tests.conftest import skip_or_fail
    from tests.cups_server import CupsUnavailable, start_server

    try:
        server = start_server()
    except CupsUnavailable as error:
        skip_or_fail(f"no CUPS with cups-pdf here: {error}")
    try:
        monkeypatch.setenv("CUPS_SERVER", server.env["CUPS_SERVER"])
        dialog = _loaded(qtbot, settings)
        queues = dialog.editors["badge_cups_queue"]
        assert queues.findData(server.queue) > 0 and queues.currentData() == ""
        queues.setCurrentIndex(queues.findData(server.queue))
        dialog.accept()
        assert Settings(settings.path).get("badge_cups_queue") == server.queue
    finally:
        server.stop()
