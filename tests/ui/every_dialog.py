"""Every dialog of the desk, opened the way a volunteer or organiser opens it (menu action,
toolbar or the tool's own method), for tests that must see them all: live counts after each
one closed, and German throughout."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

from checkin.sync.pretix.credentials import TokenStore
from checkin.ui.connect_dialog import ConnectDialog
from checkin.ui.crash_dialog import CrashDialog
from checkin.ui.help_menu import HelpMenu
from checkin.ui.join_venue import JoinVenueDialog
from checkin.ui.main_window import MainWindow
from checkin.ui.organiser_tools import OrganiserTools
from checkin.ui.scanner_check import ScannerCheckDialog
from tests.fakes import RecordingBadgePrinter

GUESTS_CSV = "Vorname;Nachname;Firma;E-Mail\nJürgen;Großmann;Müller & Söhne;jg@example.org\n"


@dataclass
class Desk:
    """The window as the app composes it: organiser tools in the Tools menu, a Help menu."""

    qtbot: object
    window: MainWindow
    tools: OrganiserTools
    help_menu: HelpMenu
    folder: Path
    registration_id: int


def desk_with_tools(qtbot, make_window, database, settings, folder: Path, registration_id: int) -> Desk:  # noqa: ANN001
    tools = OrganiserTools(database, settings, RecordingBadgePrinter(), QApplication.instance())
    window = make_window(extra_menu_actions=tools.actions(), first_run_handlers=tools.first_run_handlers())
    tools.attach(window)
    return Desk(qtbot, window, tools, HelpMenu(window, str(database.url)), folder, registration_id)


def _guest(desk: Desk) -> QWidget:
    before = desk.window.dialogs.guest
    desk.window.dialogs.show_guest(desk.registration_id)
    desk.qtbot.waitUntil(lambda: desk.window.dialogs.guest not in (None, before), timeout=5000)
    return desk.window.dialogs.guest


def _desk_action(trigger: Callable[[Desk], None]) -> Callable[[Desk], QWidget]:
    def open_(desk: Desk) -> QWidget:
        before = desk.window.dialogs.current
        trigger(desk)
        # Some open after a read on the desk's lanes (undo first reads the check-in it names).
        desk.qtbot.waitUntil(lambda: _new_dialog(desk.window.dialogs.current, before), timeout=5000)
        return desk.window.dialogs.current
    return open_


def _undo_question(desk: Desk) -> QWidget:
    """Undo asks only when there is a check-in to name: the guest is checked in first (and stays in,
    as the question is closed without undoing)."""
    results: list[object] = []
    desk.window.controller.answered.connect(results.append)
    desk.window.controller.check_in(desk.registration_id, "search")
    desk.qtbot.waitUntil(lambda: bool(results), timeout=5000)
    return _desk_action(lambda desk: desk.window.toolbar.undo.trigger())(desk)


def _new_dialog(current: QWidget | None, before: QWidget | None) -> bool:
    return current is not None and current is not before and shiboken6.isValid(current)


def _tool(trigger: Callable[[Desk], None]) -> Callable[[Desk], QWidget]:
    def open_(desk: Desk) -> QWidget:
        trigger(desk)
        return desk.tools.shown_widgets[-1]
    return open_


def _import(desk: Desk) -> None:
    guests = desk.folder / "nachmeldungen.csv"
    guests.write_text(GUESTS_CSV, encoding="utf-8")
    desk.tools.importing.import_file(str(guests))


def _opened(dialog: QWidget) -> QWidget:
    dialog.open()
    return dialog


#: name → how it is opened; each returns the dialog, shown.
OPENERS: dict[str, Callable[[Desk], QWidget]] = {
    "guest details": _guest,
    "walk-in": _desk_action(lambda desk: desk.window.toolbar.walk_in.trigger()),
    "undo question": lambda desk: _undo_question(desk),
    "settings": _desk_action(lambda desk: desk.window.toolbar.settings.trigger()),
    "first run": _desk_action(lambda desk: desk.window.dialogs.first_run()),
    "choose a file to import": _tool(lambda desk: desk.tools.importing.choose_file()),
    "import": _tool(_import),
    "badge editor": _tool(lambda desk: desk.tools.badges.layout_action.trigger()),
    "badge batch": _tool(lambda desk: desk.tools.badges.batch_action.trigger()),
    "reconcile": _tool(lambda desk: desk.tools.reconciling.reconcile_with_pretix(
        TokenStore(desk.folder / "tokens.json"))),
    "purge question": _tool(lambda desk: desk.tools.privacy.action.trigger()),
    "connect": lambda desk: _opened(ConnectDialog(desk.window.database, TokenStore(desk.folder / "tokens.json"),
                                                  desk.window)),
    "scanner check": lambda desk: _opened(ScannerCheckDialog(desk.window)),
    "join a venue database": lambda desk: _opened(JoinVenueDialog(desk.window)),
    "about": lambda desk: desk.help_menu.show_about(),
    "crash report": lambda desk: _opened(CrashDialog("Traceback: ValueError", desk.window)),
}


def open_dialog(desk: Desk, name: str) -> QWidget:
    dialog = OPENERS[name](desk)
    desk.qtbot.waitUntil(dialog.isVisible, timeout=5000)
    return dialog


def close_dialog(desk: Desk, dialog: QWidget) -> None:
    """Closed as a user closes it (the window's close button) and then deleted, as the desk does."""
    gone: list[bool] = []
    dialog.destroyed.connect(lambda: gone.append(True))
    dialog.close()
    dialog.deleteLater()
    desk.qtbot.waitUntil(lambda: bool(gone), timeout=5000)
