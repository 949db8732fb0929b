"""Drives the window's import dialog to its last step, for tests and benchmarks of a window import."""
from __future__ import annotations

from pathlib import Path

from checkin.ui.import_dialog import ImportDialog
from tests.files.helpers import write_guests


def guest_file(path: Path, rows: int) -> Path:
    """``rows`` guests of ticket type "Teilnehmer" (the demo event has no such type: a types step)."""
    return write_guests(path, [[f"G{n}", f"Family{n}", "Firma", f"g{n}@x.org", "Teilnehmer"] for n in range(rows)])


def dialog_at_last_step(qtbot, database, path: Path, event_name: str, window) -> ImportDialog:  # noqa: ANN001
    """The dialog read, checked and on its warnings page: the next click imports."""
    dialog = ImportDialog(database, path, event_name, window)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30_000):
        pass
    with qtbot.waitSignal(dialog.checked, timeout=30_000):
        dialog.next_button.click()
    while dialog.pages.currentWidget() is not dialog.warnings:
        dialog.next_button.click()  # types → warnings
    return dialog
