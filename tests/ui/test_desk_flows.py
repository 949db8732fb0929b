"""The desk's other flows: search then Enter, fast typing in the search box, walk-in, undo,
entry/exit, the check-in list selector, guest details and badge printing."""
from __future__ import annotations

from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.store.desk_choice import remembered
from checkin.store.models import CheckIn, Registration
from tests.fakes import RecordingBadgePrinter
from tests.ui.conftest import answers


def ok_rows(database) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count(CheckIn.id)).where(CheckIn.outcome == "ok", CheckIn.reverted_by_id.is_(None)))


def guest(database, code: str) -> Registration:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(Registration).where(Registration.code == code))


def remembered_choice(database, window) -> tuple[str, int] | None:  # noqa: ANN001
    with database.reader() as session:
        return remembered(session, window.controller.desk_id)


def type_into_search(qtbot, window, keyboard, text: str, step_ms: int = 150) -> None:  # noqa: ANN001
    window.toolbar.focus_search.trigger()
    qtbot.waitUntil(lambda: window.search.box.hasFocus())
    with qtbot.waitSignal(window.search.results_shown, timeout=5000,
                          check_params_cb=lambda _at, shown: shown == text.strip()):
        keyboard.person(text, window.search.box, step_ms)


def test_search_then_enter_checks_the_selected_guest_in(qtbot, window, keyboard, codes, database):
    target = guest(database, codes["valid"][0])
    results = answers(window)
    type_into_search(qtbot, window, keyboard, target.email)
    assert window.search.proxy.rowCount() == 1
    keyboard.enter(window.search.box)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].registration_id == target.id and results[0].decision.outcome is Outcome.OK
    qtbot.waitUntil(lambda: window.search.model.rows and window.search.model.rows[0].checked_in)
    assert window.search.model.index(0, 0).data().startswith("✔")


def test_arrow_keys_move_the_selection_before_enter(qtbot, window, keyboard, database):
    type_into_search(qtbot, window, keyboard, "s")
    assert window.search.proxy.rowCount() == 50
    assert window.search.status.text() == "The first 50 guests are shown: type more to narrow the search."
    keyboard.key(window.search.box, "", Qt.Key.Key_Down)
    second = window.search.selected_id()
    assert window.search.table.currentIndex().row() == 1
    results = answers(window)
    keyboard.enter(window.search.table)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].registration_id == second


def test_fast_typing_in_the_search_box_is_not_taken_for_a_scanner(qtbot, window, keyboard, database):
    # A quick typist: a rollover of three keys 20 ms apart, then 60 ms per key, with umlauts.
    window.toolbar.focus_search.trigger()
    qtbot.waitUntil(lambda: window.search.box.hasFocus())
    results = answers(window)
    keyboard.person("Mül", window.search.box, 20)
    keyboard.person("ler Schä", window.search.box, 60)
    keyboard.enter(window.search.box)
    qtbot.waitUntil(lambda: window.search.box.text() == "Müller Schä", timeout=2000)
    qtbot.wait(300)  # longer than any scanner pause: a late burst would have come by now
    assert not results and ok_rows(database) == 0
    assert window.scan_field.text() == ""


def test_walk_in_registers_and_checks_in_at_once(qtbot, window, database):
    results = answers(window)
    window.toolbar.walk_in.trigger()
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    dialog.given_name.setText("Zoë")
    dialog.family_name.setText("Ångström")
    dialog.company.setText("Walk-in GmbH")
    dialog.ticket_type.setCurrentIndex(dialog.ticket_type.findText("Press"))
    dialog.accept()
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.outcome is Outcome.OK
    assert window.card.name.text() == "Zoë Ångström"
    registration = guest(database, results[0].code)
    assert registration.walk_in and registration.company == "Walk-in GmbH"
    assert registration.ticket_type_id == dict(map(reversed, window.controller.setup.ticket_types))["Press"]


def test_walk_in_defaults_to_the_most_common_type_or_the_setting(qtbot, window, database):
    window.toolbar.walk_in.trigger()
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.ticket_type.currentText() == "Participant"  # most guests hold it; not "Press", first by name
    dialog.reject()
    window.settings.set("walk_in_ticket_type", "staff")  # as typed into settings: any case
    window.toolbar.walk_in.trigger()
    qtbot.waitUntil(lambda: window.dialogs.current is not dialog and window.dialogs.current.isVisible())
    assert window.dialogs.current.ticket_type.currentText() == "Staff"
    window.dialogs.current.reject()


def test_walk_in_without_a_name_is_refused_in_the_dialog_and_nothing_is_written(qtbot, window, database):
    window.toolbar.walk_in.trigger()
    dialog = window.dialogs.current
    qtbot.waitUntil(dialog.isVisible)
    dialog.email.setText("no-name@example.org")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text() == "A walk-in needs a name."
    dialog.family_name.setText("Nobody")
    dialog.email.setText("not-an-address")
    dialog.accept()
    assert dialog.isVisible() and "@" in dialog.error.text()
    dialog.reject()
    with database.reader() as session:
        assert session.scalar(select(func.count(Registration.id)).where(Registration.walk_in)) == 0


def undo_question(qtbot, window) -> QMessageBox:  # noqa: ANN001
    """The undo question, once the desk has read which check-in it would undo."""
    def shown() -> bool:
        box = window.dialogs.current
        return isinstance(box, QMessageBox) and shiboken6.isValid(box) and box.isVisible()
    qtbot.waitUntil(shown)
    return window.dialogs.current


def test_undo_names_guest_time_and_desk_and_undoes_that_check_in_though_a_scan_arrives(
        qtbot, window, keyboard, codes, database):
    results = answers(window)
    keyboard.scanner(codes["valid"][0], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)
    first = results[0]
    window.activateWindow()
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    box = undo_question(qtbot, window)
    with database.reader() as session:
        row = session.get(CheckIn, first.check_in_id)
        when = row.happened_at.astimezone(ZoneInfo(window.controller.setup.timezone)).strftime("%H:%M")
    assert box.text() == f"Undo the check-in of {first.decision.guest.name} at {when} at desk Desk A?"
    keyboard.scanner(codes["valid"][1])  # the next guest arrives while the question is open
    qtbot.waitUntil(lambda: len(results) == 2)
    with qtbot.waitSignal(window.controller.undone, timeout=5000) as undone:
        box.button(QMessageBox.StandardButton.Yes).click()
    assert undone.args[0].undone_check_in_id == first.check_in_id
    with database.reader() as session:
        assert session.get(CheckIn, first.check_in_id).reverted_by_id is not None
        assert session.get(CheckIn, results[1].check_in_id).reverted_by_id is None, "the later scan stays"
    assert window.card.advice.text() == f"{first.decision.guest.name} is no longer checked in."


def test_undo_with_nothing_to_undo_says_so_without_asking(qtbot, window):
    window.toolbar.undo.trigger()
    qtbot.waitUntil(lambda: window.card.headline.text() == "Nothing to undo")
    assert window.dialogs.current is None


def test_ctrl_z_asks_first_and_undoes_only_when_confirmed(qtbot, window, keyboard, codes, database):
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)
    window.activateWindow()
    qtbot.keyClick(window.scan_field, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    box = undo_question(qtbot, window)
    box.button(QMessageBox.StandardButton.No).click()
    qtbot.wait(100)
    assert ok_rows(database) == 1
    window.toolbar.undo.trigger()
    box = undo_question(qtbot, window)
    with qtbot.waitSignal(window.controller.undone, timeout=5000):
        box.button(QMessageBox.StandardButton.Yes).click()
    assert ok_rows(database) == 0
    assert window.card.headline.text() == "Check-in undone"
    keyboard.scanner(codes["valid"][0], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[1].decision.outcome is Outcome.OK, "after the undo the guest may come in again"


def test_exit_mode_records_guests_leaving(qtbot, window, keyboard, codes, database):
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    window.toolbar.exit.trigger()
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 2)
    assert results[1].decision.outcome is Outcome.OK
    assert window.card.headline.text() == "Goodbye!"
    with database.reader() as session:
        assert session.scalar(select(CheckIn.direction).where(CheckIn.id == results[1].check_in_id)) == "exit"
    window.toolbar.entry.trigger()
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 3)
    assert results[2].decision.outcome is Outcome.OK, "back in after leaving"


def valid_code_of_type(database, type_name: str) -> str:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(Registration.code).where(
            Registration.status == "valid", Registration.ticket_type.has(name=type_name)).order_by(Registration.id))


def test_list_selector_switches_the_check_in_list(qtbot, window, keyboard, database):
    participant, press = valid_code_of_type(database, "Participant"), valid_code_of_type(database, "Press")
    results = answers(window)
    keyboard.scanner(participant)
    qtbot.waitUntil(lambda: len(results) == 1)
    day_two = window.toolbar.lists.findText("Day 2")
    with qtbot.waitSignal(window.controller.setup_changed):
        window.toolbar.lists.setCurrentIndex(day_two)
        window.toolbar.lists.activated.emit(day_two)
    assert window.controller.setup.list_name == "Day 2" and "Day 2" in window.windowTitle()
    setup = window.controller.setup
    qtbot.waitUntil(lambda: remembered_choice(database, window) == (setup.event_slug, setup.list_id))
    keyboard.scanner(participant)
    keyboard.scanner(press)
    qtbot.waitUntil(lambda: len(results) == 3)
    assert results[1].decision.outcome is Outcome.OK, "Day 2 keeps its own log"
    assert results[2].decision.outcome is Outcome.NOT_VALID_FOR_LIST
    assert window.card.severity == "refused"


def test_guest_details_check_in_notes_and_print(qtbot, make_window, demo, keyboard, codes, database):
    printer = RecordingBadgePrinter()
    window = make_window(badge_printer=printer)
    target = guest(database, codes["valid"][0])
    type_into_search(qtbot, window, keyboard, target.email)
    window.activateWindow()
    qtbot.keyClick(window.search.box, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)  # no mouse needed
    qtbot.waitUntil(lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    dialog = window.dialogs.guest
    assert target.email in [label.text() for label in dialog.findChildren(type(window.scan_label))]
    with qtbot.waitSignal(window.controller.answered):
        dialog.check_in_button.click()
    qtbot.waitUntil(lambda: dialog.undo_button.isEnabled())
    dialog.notes.setPlainText("Collected the invoice")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: guest(database, target.code).notes == "Collected the invoice")
    dialog.print_button.click()
    assert printer.jobs == [(target.id, True)]
    with qtbot.waitSignal(window.controller.undone):
        dialog.undo_button.click()
    assert ok_rows(database) == 0


def test_print_on_check_in_prints_each_accepted_guest_once(qtbot, make_window, demo, window_settings, keyboard, codes):
    window_settings.set("print_on_check_in", True)
    printer = RecordingBadgePrinter()
    window = make_window(badge_printer=printer)
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    keyboard.scanner(codes["valid"][0])
    keyboard.scanner(codes["cancelled"][0])
    qtbot.waitUntil(lambda: len(results) == 3)
    assert printer.jobs == [(results[0].registration_id, False)]


def test_without_a_printer_the_print_button_says_why(qtbot, window, keyboard, codes, database):
    type_into_search(qtbot, window, keyboard, guest(database, codes["valid"][0]).email)
    window.search.details_requested.emit(window.search.selected_id())
    qtbot.waitUntil(lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    assert not window.dialogs.guest.print_button.isEnabled()
    assert window.dialogs.guest.print_button.toolTip()


def test_guest_details_show_the_badge_as_it_will_print(qtbot, window, keyboard, codes, database):
    from checkin.ui.guest_badge import GuestBadgePreview

    type_into_search(qtbot, window, keyboard, guest(database, codes["valid"][0]).email)
    window.search.details_requested.emit(window.search.selected_id())
    qtbot.waitUntil(lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    preview = window.dialogs.guest.findChild(GuestBadgePreview)
    qtbot.waitUntil(lambda: preview.image is not None, timeout=20000)
    image = preview.image.convertToFormat(preview.image.Format.Format_Grayscale8)
    assert image.width() > image.height() > 100  # the desk's default stock is a landscape label
    assert min(image.pixelColor(x, y).value() for x in range(0, image.width(), 4)
               for y in range(0, image.height(), 4)) < 64, "the badge has ink"
    assert not preview.pixmap().isNull()
    assert preview.isVisible() and preview.width() >= 300, "beside the guest's fields"


def test_a_failed_badge_is_a_dialog_that_leaves_the_scanner_alone(qtbot, make_window, demo,
                                                                          window_settings, keyboard, codes):
    from tests.fakes import failing_badge_printer

    window_settings.set("print_on_check_in", True)
    window = make_window(badge_printer=failing_badge_printer())
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)
    assert window.card.severity == "ok"
    assert window.status.currentMessage() == "Badge not printed: printer is out of paper"
    qtbot.waitUntil(lambda: window.badge_alert.box is not None and window.badge_alert.box.isVisible())
    assert "printer is out of paper" in window.badge_alert.box.informativeText()
    assert window.dialogs.current is None and QApplication.focusWidget() is window.scan_field  # keeps the keyboard
    keyboard.scanner(codes["valid"][1])  # the desk goes on; a second failure is counted in the same dialog
    qtbot.waitUntil(lambda: len(results) == 2)
    qtbot.waitUntil(lambda: window.badge_alert.failures == 2)
    assert window.badge_alert.box.text() == "2 badges were not printed."


def test_a_closed_guest_dialog_never_breaks_the_views_refreshing(qtbot, window, keyboard, codes, database):
    target = guest(database, codes["valid"][0])
    window.dialogs.show_guest(target.id)
    qtbot.waitUntil(lambda: window.dialogs.guest is not None and window.dialogs.guest.isVisible())
    dialog = window.dialogs.guest
    subscribers = window.tasks.notifier.subscribers
    dialog.reject()  # closed: deleted, and forgotten by the notifier
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
    assert window.tasks.notifier.subscribers == subscribers - 1
    window.toolbar.show_dashboard.trigger()
    registered = 200 - len(codes["cancelled"])
    with qtbot.waitSignal(window.controller.answered, timeout=5000):
        keyboard.scanner(codes["valid"][1], widget=window.scan_field)  # focus may still name the dialog
    qtbot.waitUntil(lambda: window.dashboard.headline.text() == f"1 of {registered} guests are in", timeout=5000)
    window.search.box.setText(guest(database, codes["valid"][1]).email)
    qtbot.waitUntil(lambda: window.search.model.rowCount() == 1, timeout=5000)


def test_the_answer_card_shows_the_badge_and_prints_it(qtbot, make_window, database, demo, window_settings,
                                                       keyboard, codes, tmp_path):
    from checkin.ui.badge_printing import BadgePrintService

    window_settings.set("badge_printer", f"file:{tmp_path / 'desk.pdf'}")  # "Print to File (PDF)"
    service = BadgePrintService(database, window_settings, "00000000-0000-4000-8000-000000000002", "Desk B")
    window = make_window(badge_printer=service)
    results = answers(window)
    keyboard.scanner(codes["valid"][0])
    qtbot.waitUntil(lambda: len(results) == 1)
    badge = window.card_badge
    qtbot.waitUntil(lambda: badge.isVisible() and badge.preview is not None and badge.preview.image is not None,
                    timeout=20000)
    assert badge.registration_id == results[0].registration_id
    with qtbot.waitSignal(service.printed, timeout=30000):
        badge.print_button.click()
    assert (tmp_path / "desk-0001.pdf").exists()
    assert QApplication.focusWidget() is window.scan_field
    keyboard.scanner(codes["cancelled"][0])  # a refusal: no badge on the card
    qtbot.waitUntil(lambda: len(results) == 2)
    qtbot.waitUntil(lambda: not badge.isVisible())


def test_a_queue_scanned_back_to_back_renders_no_badge_for_guests_already_gone(qtbot, make_window, database, demo,
                                                                             window_settings, keyboard, codes,
                                                                             tmp_path):
    from checkin.ui.badge_printing import BadgePrintService

    window_settings.set("badge_printer", f"file:{tmp_path / 'desk.pdf'}")
    service = BadgePrintService(database, window_settings, "00000000-0000-4000-8000-000000000002", "Desk B")
    window = make_window(badge_printer=service)
    results = answers(window)
    rendered = []
    window.card_badge.request_for = lambda rid, build=window.card_badge.request_for: rendered.append(rid) or build(rid)
    for count, code in enumerate(codes["valid"][:3], start=1):
        keyboard.scanner(code)
        qtbot.waitUntil(lambda: len(results) == count)
    qtbot.waitUntil(lambda: window.card_badge.preview is not None and window.card_badge.preview.image is not None,
                    timeout=20000)
    assert rendered == [results[-1].registration_id], "only the guest still on the card gets a badge rendered"
