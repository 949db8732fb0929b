"""The desk window with its safety nets (checkin/ui/safety_nets.py): the Help menu, About,
Copy diagnostics, backups on start, and the crash guard on the UI thread and on workers."""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from checkin import __version__
from checkin.logs import LOG_FILE_NAME
from checkin.store.models import CheckIn
from checkin.ui.crash_dialog import CrashDialog
from checkin.ui.safety_nets import SafetyNets
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane
from tests.ui.conftest import codes, compiled_translations, make_window, window, window_settings  # noqa: F401


@pytest.fixture
def nets(qapp, window, database, window_settings, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.setenv("CHECKIN_LOG_DIR", str(tmp_path / "logs"))
    nets = SafetyNets(qapp, database.url, window_settings)
    yield nets
    nets.stop()  # closes the log file too


def dialog_shown(qtbot, guard) -> CrashDialog:  # noqa: ANN001
    qtbot.waitUntil(lambda: guard.dialog is not None and guard.dialog.isVisible())
    return guard.dialog


def checked_in(database) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(CheckIn))


def test_help_menu_shows_about_and_copies_masked_diagnostics(qtbot, nets, window):  # noqa: F811
    with qtbot.waitSignal(nets.backups.taken, timeout=10_000) as backup:
        nets.attach(window)
    assert backup.args[0].is_file()
    assert nets.help_menu.title() == "&Help"
    assert window.menuBar().actions()[-1] is nets.help_menu.menuAction()
    about = nets.help_menu.show_about()
    assert __version__ in about.heading.text()
    assert window.status.store.text().split(": ", 1)[1] in about.database.text()
    assert "SIL OFL 1.1" in about.licences.toPlainText() and "LGPL-3.0-only" in about.licences.toPlainText()
    about.close()
    nets.help_menu.diagnostics_action.trigger()
    copied = QApplication.clipboard().text()
    assert copied.startswith("Check-in Desk ") and "Database: sqlite (" in copied
    assert "backup written" in copied


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_view_shows_the_dialog_and_loses_no_check_in(qtbot, nets, window, codes, database):  # noqa: F811
    nets.attach(window)

    def broken_view(_result: object) -> None:
        raise RuntimeError("the view broke")

    window.controller.answered.connect(broken_view)
    with qtbot.waitSignal(nets.crash_guard.crashed, timeout=10_000):
        window.scan(codes["valid"][0])
    assert "the view broke" in dialog_shown(qtbot, nets.crash_guard).report.toPlainText()
    assert checked_in(database) == 1
    nets.crash_guard.dialog.close()
    window.controller.answered.disconnect(broken_view)
    with qtbot.waitSignal(window.controller.answered, timeout=10_000):  # the desk keeps scanning
        window.scan(codes["valid"][1])
    assert checked_in(database) == 2
    assert "RuntimeError" in (nets.log_file.parent / LOG_FILE_NAME).read_text(encoding="utf-8")


def test_an_error_on_a_worker_thread_reaches_the_dialog(qtbot, nets, window):  # noqa: F811
    nets.attach(window)

    def worker() -> None:
        raise ValueError("worker failed")

    with qtbot.waitSignal(nets.crash_guard.crashed, timeout=10_000) as crash:
        thread = threading.Thread(target=worker, name="import-reader")
        thread.start()
        thread.join()
    assert crash.args == ["ValueError"]
    dialog_shown(qtbot, nets.crash_guard)
    log_text = (nets.log_file.parent / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "unhandled ValueError on thread import-reader" in log_text


def test_help_menu_and_crash_dialog_speak_german(qtbot, nets, window):  # noqa: F811
    nets.attach(window)
    window.translations.apply("de")
    try:
        qtbot.waitUntil(lambda: nets.help_menu.title() == "&Hilfe")
        assert nets.help_menu.diagnostics_action.text() == "&Diagnose kopieren"
        dialog = CrashDialog("report")
        assert dialog.windowTitle() == "Etwas ist schiefgegangen"
        dialog.close()
    finally:
        window.translations.apply("en")


@pytest.mark.qt_log_ignore("^font file not found: Ångström.ttf$")  # the warning this test sends
def test_qt_warnings_reach_the_log_file(nets):
    qWarning("font file not found: Ångström.ttf")
    nets.qt_messages.uninstall()
    log_text = (nets.log_file.parent / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "WARNING qt: font file not found:" in log_text


def test_a_failed_background_task_nobody_handles_reaches_the_dialog(qtbot, nets, window):  # noqa: F811
    nets.attach(window)

    def task(_job: object) -> None:
        raise OSError("disk gone")

    with qtbot.waitSignal(nets.crash_guard.crashed, timeout=10_000) as crash:
        Op(window, task, lane=Lane.POOL).run(window.tasks)
    assert crash.args == ["OSError"]
    assert "disk gone" in dialog_shown(qtbot, nets.crash_guard).report.toPlainText()
