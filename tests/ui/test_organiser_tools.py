"""The organiser's Tools menu as the app wires it: retention reminder, file import, purge, badge editor."""
from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from checkin.store.models import Event, Registration
from checkin.ui.organiser_tools import OrganiserTools
from tests.fakes import RecordingBadgePrinter


def _tools_window(make_window, database, settings):
    tools = OrganiserTools(database, settings, RecordingBadgePrinter(), QApplication.instance())
    window = make_window(extra_menu_actions=tools.actions(), first_run_handlers=tools.first_run_handlers())
    tools.attach(window)
    return tools, window


def _message_boxes():
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_tools_menu_lists_the_organiser_actions(make_window, database, window_settings, demo):
    tools, window = _tools_window(make_window, database, window_settings)
    texts = [action.text() for action in window.menus["tools"].actions()]
    assert any("Import guests" in text for text in texts)
    assert any("Badge" in text and "layout" in text for text in texts)
    assert any("GDPR" in text for text in texts)



def test_each_tool_speaks_german_under_its_own_name(make_window, database, window_settings, demo):
    """The tools are separate classes now: their texts are translated under each class's context."""
    make_window().set_language("de")
    tools = OrganiserTools(database, window_settings, None, QApplication.instance())
    assert [action.text() for action in tools.actions()] == [
        "Gäste aus einer Datei &importieren…", "Namensschild-&Layout…", "&Namensschilder drucken…",
        "&Drucker für Namensschilder wählen…",
        "Mit pretix &abgleichen…", "Personenbezogene Daten dieser Veranstaltung &löschen (DSGVO)…"]

def test_an_overdue_retention_date_is_reminded_once_the_desk_is_ready(qtbot, make_window, database,
                                                                     window_settings, demo):
    with database.session() as session:
        session.get(Event, demo.event_id).retention_until = date(2020, 1, 31)
    tools = OrganiserTools(database, window_settings, None, QApplication.instance())
    window = make_window(extra_menu_actions=tools.actions())
    tools.attach(window)  # after ready: the reminder comes with the next load
    window.controller.load()
    qtbot.waitUntil(lambda: bool(_message_boxes()), timeout=10_000)
    [box] = _message_boxes()
    assert "2020-01-31" in box.text() and "Demo" in box.text()
    box.accept()


def test_import_from_the_tools_menu_adds_the_guests_and_reloads_the_desk(qtbot, make_window, database,
                                                                        window_settings, demo, tmp_path):
    guests = tmp_path / "nachmeldungen.csv"
    guests.write_text("Vorname;Nachname;Firma;E-Mail\nJürgen;Großmann;Müller & Söhne;jg@example.org\n",
                      encoding="cp1252")
    tools, window = _tools_window(make_window, database, window_settings)
    tools.importing.import_file(str(guests))
    dialog = tools.shown_widgets[-1]
    qtbot.waitUntil(lambda: dialog.next_button.isEnabled(), timeout=10_000)
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.next_button.click()  # columns → warnings (the file has no ticket types)
    with qtbot.waitSignal(window.controller.setup_changed, timeout=10_000):
        dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.summary  # on screen until the organiser closes it
    with database.reader() as session:
        assert session.scalar(select(func.count()).where(Registration.family_name == "Großmann")) == 1


def test_purge_from_the_app_removes_names_and_writes_a_receipt(qtbot, make_window, database, window_settings,
                                                            demo, tmp_path, monkeypatch):
    monkeypatch.setenv("CHECKIN_DATA_DIR", str(tmp_path))
    tools, window = _tools_window(make_window, database, window_settings)
    tools.privacy.confirm_purge()
    [box] = _message_boxes()
    yes = box.button(QMessageBox.StandardButton.Yes)
    yes.click()
    qtbot.waitUntil(lambda: any("receipt" in b.text().lower() for b in _message_boxes()), timeout=20_000)
    with database.reader() as session:
        names = session.scalars(select(Registration.family_name).where(Registration.family_name != "")).all()
    assert names == []
    assert list((tmp_path / "receipts").glob("purge-*.json"))
    for open_box in _message_boxes():
        open_box.accept()


def test_the_badge_editor_opens_on_the_desks_event(qtbot, make_window, database, window_settings, demo):
    tools, window = _tools_window(make_window, database, window_settings)
    tools.badges.layout_action.trigger()
    editor = tools.shown_widgets[-1]
    qtbot.addWidget(editor)
    assert editor.isVisible() and editor.windowTitle() == "Badge layout"


def test_a_purge_that_cannot_compact_says_not_done_loudly(qtbot, make_window, database, window_settings, demo,
                                                          tmp_path, monkeypatch, db_url):
    monkeypatch.setenv("CHECKIN_DATA_DIR", str(tmp_path))
    tools, window = _tools_window(make_window, database, window_settings)
    other_desk = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    other_desk.execute("BEGIN")
    other_desk.execute("SELECT count(*) FROM registration").fetchone()  # another desk reading: holds the log
    tools.privacy.confirm_purge()
    [box] = _message_boxes()
    box.button(QMessageBox.StandardButton.Yes).click()
    # The compaction waits for the reader (the busy timeout, twice) before it gives up.
    qtbot.waitUntil(lambda: any("NOT DONE" in b.text() for b in _message_boxes()), timeout=40_000)
    [warning] = [b for b in _message_boxes() if "NOT DONE" in b.text()]
    other_desk.execute("COMMIT")
    other_desk.close()
    assert warning.icon() == QMessageBox.Icon.Critical and "Close the other desks" in warning.informativeText()
    assert not any(b.text().startswith("The personal data of this event was removed") for b in _message_boxes())
    for open_box in _message_boxes():
        open_box.accept()
