"""Connecting from the app to a real pretix, as a new user does it: the first-run dialog, the
scanned setup code, organiser/event/list from the server, the first download, the desk online.
Wrong tokens, unreachable servers and Cancel keep what was typed and the database whole."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import func, select

from checkin.app import build_desk_window
from checkin.store.desk_choice import remembered
from checkin.store.models import Registration, SearchToken, SyncState
from checkin.sync.pretix.online import PretixOnline
from checkin.sync.pretix.sync import sync_event
from checkin.ui.connect_dialog import ConnectDialog
from checkin.ui.connect_pages import CHOOSE, SERVER
from checkin.ui.organiser_tools import OrganiserTools
from checkin.ui.pretix_sync import PretixSync
from tests.sync.conftest import server_positions
from tests.ui.keys import Keyboard

pytestmark = pytest.mark.slow


@pytest.fixture
def app_window(qtbot, database, settings, tokens):
    """The window as checkin.app wires it, on an empty database (the first-run dialog shows);
    the organiser has set the sync interval and the online timeout before."""
    settings.set("sounds", False)
    settings.set("language", "en")
    settings.set("sync_interval_s", 45)
    settings.set("online_timeout_s", 3.5)
    app = QApplication.instance()
    sync = PretixSync(database, app, tokens=tokens, settings=settings)
    tools = OrganiserTools(database, settings, None, app, pretix=sync)
    window = build_desk_window(database, settings, app, extra_menu_actions=tools.actions(),
                               first_run_handlers=tools.first_run_handlers(), desk_service_factory=sync.desk_service)
    qtbot.addWidget(window)
    tools.attach(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    sync.attach(window)
    yield window, tools, sync
    sync.stop()
    window.close()


def _dialog(qtbot, database, tokens, **options) -> ConnectDialog:
    dialog = ConnectDialog(database, tokens, **options)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_new_user_scans_the_setup_code_chooses_the_list_and_the_desk_shows_the_guests_online(
        qtbot, app_window, pretix_server, handshakes, settings, database, tokens):
    window, tools, sync = app_window
    first_run = window.dialogs.current
    qtbot.waitUntil(first_run.isVisible)
    assert first_run.buttons["server"].isEnabled()
    first_run.buttons["server"].click()
    dialog = tools.shown_widgets[-1]
    assert isinstance(dialog, ConnectDialog) and dialog.isVisible()

    handshake, device_id = handshakes.take()
    keyboard = Keyboard()
    keyboard.scanner(handshake, dialog.pages.handshake)  # the wedge scanner reads pretix's QR code
    qtbot.waitUntil(lambda: dialog.pages.check_in_list.count() == 2 and dialog.next.isEnabled(), timeout=30_000)
    # Second thoughts: Cancel, back to the first-run choices, and the same code scanned again
    # still works (pretix itself would say "already used").
    dialog.cancel.click()
    first_run = window.dialogs.current
    qtbot.waitUntil(first_run.isVisible)
    first_run.buttons["server"].click()
    dialog = tools.shown_widgets[-1]
    keyboard.scanner(handshake, dialog.pages.handshake)
    qtbot.waitUntil(lambda: dialog.pages.check_in_list.count() == 2 and dialog.next.isEnabled(), timeout=30_000)
    assert dialog.access.device_id == device_id
    assert dialog.step == CHOOSE and dialog.access.auth_kind == "device"
    assert dialog.pages.handshake.toPlainText() == handshake, "the code went to the dialog, not to the desk"
    assert dialog.pages.organizer.currentData() == "ckd" and dialog.pages.event.currentData() == "conf"
    workshop = pretix_server.seed["events"]["conf"]["lists"]["workshop"]
    dialog.pages.check_in_list.setCurrentIndex(dialog.pages.check_in_list.findData(str(workshop)))

    with qtbot.waitSignal(dialog.connected, timeout=120_000) as connected:
        dialog.next.click()
    result, summary = connected.args
    assert summary.pulled == server_positions(pretix_server) and not summary.error
    qtbot.waitUntil(lambda: window.controller.setup is not None and window.controller.setup.list_name == "Workshop room",
                    timeout=20_000)
    assert isinstance(window.controller._service.online, PretixOnline)
    assert window.card.headline.text() == "Ready to scan"
    qtbot.waitUntil(lambda: window.status.connection.text() == "● Online", timeout=60_000)
    def choice() -> tuple[str, int] | None:
        with window.database.reader() as session:
            return remembered(session, window.controller.desk_id)
    qtbot.waitUntil(lambda: choice() == ("conf", result.list_id))
    assert window.scan_taker is None, "scans go to the desk again"
    assert not any(key.startswith("setup#") for key in tokens._read_file()), "kept only until connected"

    window.search.box.setText("Müller")
    qtbot.waitUntil(lambda: window.search.model.rowCount() > 0, timeout=10_000)

    # The configured timing reached the running sync and the online desk ...
    assert sync.worker.running and sync.worker.interval_ms == 45_000
    timing = window.controller._service.online.timing
    assert timing.timeout == 3.5 and timing.slow == 1.0
    # ... and so does a change in the settings dialog, without a restart.
    window.dialogs.edit_settings()
    editor = window.dialogs.current
    editor.editors["sync_interval_s"].setValue(20)
    editor.editors["online_slow_s"].setValue(0.7)
    editor.editors["online_retry_s"].setValue(12)
    editor.accept()
    assert sync.worker.interval_ms == 20_000
    timing = window.controller._service.online.timing
    assert (timing.timeout, timing.slow, timing.retry_after) == (3.5, 0.7, 12.0)


def test_a_wrong_token_and_an_unreachable_server_say_so_and_keep_what_was_typed(qtbot, pretix_server, database,
                                                                                tokens):
    dialog = _dialog(qtbot, database, tokens)
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText(pretix_server.url)
    dialog.pages.token.setText("not-the-token")
    dialog.next.click()
    qtbot.waitUntil(lambda: "did not accept this API token" in dialog.message.text(), timeout=30_000)
    assert dialog.step == SERVER and dialog.next.isEnabled() and dialog.message.property("error")
    assert (dialog.pages.url.text(), dialog.pages.token.text()) == (pretix_server.url, "not-the-token")

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nobody = f"http://127.0.0.1:{probe.getsockname()[1]}"
    dialog.pages.url.setText(nobody)
    dialog.next.click()
    qtbot.waitUntil(lambda: "nothing answered at this address" in dialog.message.text(), timeout=30_000)
    assert dialog.pages.url.text() == nobody and dialog.step == SERVER

    dialog.pages.method.setCurrentIndex(0)
    newer = '{"handshake_version": 2, "url": "https://pretix.eu", "token": "abc"}'
    dialog.pages.handshake.setPlainText(newer)
    dialog.next.click()
    assert "understands version 1" in dialog.message.text()  # said at once, without asking a server
    assert dialog.pages.handshake.toPlainText() == newer
    with database.reader() as session:
        assert session.scalar(select(func.count(SyncState.id))) == 0, "nothing was stored"


def test_cancel_during_the_download_leaves_whole_batches_and_the_next_sync_finishes(qtbot, pretix_server,
                                                                                    database, tokens):
    total = server_positions(pretix_server)
    dialog = _dialog(qtbot, database, tokens, pull_options={"batch_pages": 1, "concurrency": 1})
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText(pretix_server.url)
    dialog.pages.token.setText(pretix_server.token)
    dialog.next.click()
    qtbot.waitUntil(lambda: dialog.step == CHOOSE and dialog.pages.check_in_list.count() == 2, timeout=30_000)
    # The person presses Cancel as soon as the first page is in.
    dialog.pages.progress.valueChanged.connect(lambda value: dialog.cancel.click() if value >= 1 else None)
    with qtbot.waitSignal(dialog.stopped, timeout=60_000):
        dialog.next.click()
    assert not dialog.isVisible()
    with database.reader() as session:
        state = session.scalar(select(SyncState).where(SyncState.resource == "orders"))
        written = session.scalar(select(func.count(Registration.id)))
        indexed = session.scalar(select(func.count(func.distinct(SearchToken.registration_id))))
    assert state.cursor == "" and written == 50 * len(state.data["done"]) and 0 < written < total
    assert indexed == written

    summary = sync_event(database, tokens, state.event_id)
    assert not summary.error
    with database.reader() as session:
        assert session.scalar(select(func.count(func.distinct(Registration.code)))) == total
        assert session.scalar(select(func.count(Registration.id))) == total
