"""The desk window's dialogs. All are window-modal and opened with ``open()``, never ``exec()``:
the event loop keeps running, so scans that arrive meanwhile are answered at once."""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QMessageBox

from checkin.core.decision import Direction
from checkin.store.desk_setup import DeskSetup
from checkin.store.guests import GuestDetails
from checkin.store.undo_target import UndoTarget
from checkin.sync.demo import create_demo_event
from checkin.ui.answer_text import local_time
from checkin.ui.changes import Changes
from checkin.ui.first_run import FirstRunDialog
from checkin.ui.guest_badge import BadgeRequest, GuestBadgePreview
from checkin.ui.guest_dialog import GuestDialog
from checkin.ui.setting_choices import gather_choices
from checkin.ui.settings_dialog import SettingsDialog
from checkin.ui.walk_in_dialog import WalkInDialog, default_index

GUEST_CONCERNS = Changes(check_ins=True, registrations=True)


def undo_question(target: UndoTarget, setup: DeskSetup | None) -> str:
    when = local_time(target.happened_at, setup.timezone if setup else "UTC")
    if target.direction is Direction.EXIT:
        text = translate("DeskDialogs", "Undo the exit of {name} at {time} at desk {desk}?")
    else:
        text = translate("DeskDialogs", "Undo the check-in of {name} at {time} at desk {desk}?")
    return text.format(name=target.name, time=when, desk=target.desk_name)

translate = QCoreApplication.translate  # lupdate finds translate("Context", "text") calls


class DeskDialogs:
    def __init__(self, window, first_run_handlers: dict[str, Callable[[], None] | None] | None):  # noqa: ANN001
        self.window = window
        self.first_run_handlers = first_run_handlers
        self.guest: GuestDialog | None = None
        self.current: QDialog | None = None

    def first_run(self) -> None:
        if not self.window.isVisible():
            return  # an event read that finished after the desk's window closed
        if isinstance(self.current, FirstRunDialog) and shiboken6.isValid(self.current) and self.current.isVisible():
            return  # the event was read again (another desk, the sync owner): the welcome is already there
        handlers = dict(self.first_run_handlers or {})
        handlers.setdefault("demo", self._open_demo)
        self._open(FirstRunDialog(handlers, self.window))

    def _open_demo(self) -> None:
        def create() -> None:
            with self.window.database.session() as session:
                create_demo_event(session)

        self.window.controller.run(create, lambda _result: self.window.controller.load(),
                                   Changes(registrations=True, event_setup=True))

    def walk_in(self) -> None:
        setup = self.window.controller.setup
        if setup is None:
            return
        named = self.window.settings.get("walk_in_ticket_type")
        default = named if default_index(setup.ticket_types, named) >= 0 else setup.common_ticket_type_id
        dialog = WalkInDialog(setup.ticket_types, self.window, default)
        dialog.accepted.connect(lambda: self.window.controller.walk_in(dialog.fields()))
        self._open(dialog)

    def confirm_undo(self, target: UndoTarget, undo: Callable[[int], None]) -> None:
        """Names the guest, time and desk; Yes undoes that check-in (by id), whatever was scanned meanwhile."""
        box = QMessageBox(QMessageBox.Icon.Question, translate("DeskDialogs", "Undo last check-in"),
                          undo_question(target, self.window.controller.setup),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.window)
        box.setInformativeText(translate("DeskDialogs", "Only this check-in is undone, even if more guests "
                                                        "are scanned while this question is open."))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        yes = QMessageBox.StandardButton.Yes
        box.finished.connect(lambda _result: undo(target.check_in_id)
                             if box.standardButton(box.clickedButton()) == yes else None)
        self._open(box)

    def edit_settings(self) -> None:
        database, setup = self.window.database, self.window.controller.setup
        event_id = setup.event_id if setup is not None else None  # its pretix layouts are offered too
        dialog = SettingsDialog(self.window.settings, self.window, lambda: gather_choices(database, event_id))
        dialog.accepted.connect(self.window.apply_settings)
        self._open(dialog)

    def show_guest(self, registration_id: int) -> None:
        self.window.controller.guest(registration_id, self._show_details)

    def refresh_guest(self, dialog: GuestDialog | None = None) -> None:
        """Reload ``dialog`` (the last guest dialog opened) while it is open; a deleted one is left alone."""
        dialog = dialog or self.guest
        if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
            self.window.controller.guest(dialog.details.registration_id, dialog.set_details, owner=dialog)

    def _show_details(self, details: GuestDetails) -> None:
        controller = self.window.controller
        dialog = GuestDialog(details, controller.setup.timezone, self.window.badge_printer is not None, self.window)
        dialog.check_in_requested.connect(lambda registration_id: controller.check_in(registration_id, "details"))
        dialog.undo_requested.connect(controller.undo)
        dialog.notes_saved.connect(lambda rid, notes: controller.save_notes(rid, notes))
        dialog.add_badge_preview(GuestBadgePreview(BadgeRequest(self.window.database, self.window.settings,
                                                                details.registration_id), dialog))
        if self.window.badge_printer is not None:
            dialog.print_requested.connect(lambda rid: self.window.badge_printer.print_badge(rid, reprint=True))
        # Refreshed on what concerns it; once closed (deleted), the notifier forgets it.
        self.window.tasks.notifier.subscribe(dialog, GUEST_CONCERNS, lambda _changes: self.refresh_guest(dialog))
        self.guest = dialog
        self._open(dialog)

    def close_welcome(self) -> None:
        """The desk's window closes: its welcome goes with it (left open, it kept the application
        running with no desk). Other dialogs ask about unsaved work themselves."""
        if isinstance(self.current, FirstRunDialog) and shiboken6.isValid(self.current) and self.current.isVisible():
            self.current.reject()

    def _open(self, dialog: QDialog) -> None:
        self.current = dialog
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
