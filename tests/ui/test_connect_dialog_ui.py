"""The connect dialog in the desk window, without a server: scans go to it while it is open, a
bad setup code is said at once, German texts, Cancel hands the scanner back to the desk."""
from __future__ import annotations

import socket

import pytest
from PySide6.QtWidgets import QApplication

from checkin.sync.pretix.credentials import TokenStore
from checkin.ui.connect_dialog import ConnectDialog
from checkin.ui.organiser_tools import OrganiserTools
from checkin.ui.pretix_sync import PretixSync
from tests.ui.conftest import answers


@pytest.fixture
def app_wiring(make_window, database, window_settings, tmp_path):
    """make() → the window with the organiser tools and pretix sync, as checkin.app wires them."""
    app = QApplication.instance()
    sync = PretixSync(database, app, tokens=TokenStore(tmp_path / "tokens.json"), settings=window_settings)
    tools = OrganiserTools(database, window_settings, None, app, pretix=sync)

    def make():  # noqa: ANN202
        window = make_window(extra_menu_actions=tools.actions(), first_run_handlers=tools.first_run_handlers(),
                             desk_service_factory=sync.desk_service)
        tools.attach(window)
        return window, tools

    yield make
    sync.stop()


@pytest.fixture
def tools_window(app_wiring, demo):
    return app_wiring()


def _open(qtbot, tools) -> ConnectDialog:
    tools.server.action.trigger()
    dialog = tools.shown_widgets[-1]
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_while_connecting_a_scanned_ticket_goes_to_the_dialog_and_after_cancel_to_the_desk(qtbot, tools_window,
                                                                                          keyboard, codes):
    window, tools = tools_window
    assert tools.server.action in window.menus["tools"].actions()
    dialog = _open(qtbot, tools)
    results = answers(window)
    keyboard.scanner(codes["valid"][0], dialog.pages.handshake)
    qtbot.waitUntil(lambda: "not a pretix setup code" in dialog.message.text())
    assert results == [] and dialog.pages.handshake.toPlainText() == ""

    dialog.cancel.click()
    assert not dialog.isVisible() and window.scan_taker is None
    keyboard.scanner(codes["valid"][1], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results[0].decision.accepted


def test_a_damaged_setup_code_is_refused_at_once_and_kept_for_correcting(qtbot, tools_window):
    _window, tools = tools_window
    dialog = _open(qtbot, tools)
    dialog.pages.handshake.setPlainText('{"handshake_version": 1, "url": "https://pretix.eu"')
    dialog.next.click()
    assert "not valid JSON" in dialog.message.text() and dialog.message.property("error")
    assert dialog.pages.handshake.toPlainText().endswith('"https://pretix.eu"')
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText("not a web address")
    dialog.next.click()
    assert "is not a web address" in dialog.message.text() and dialog.pages.url.text() == "not a web address"


def test_the_dialog_speaks_german(qtbot, tools_window):
    window, tools = tools_window
    window.set_language("de")
    dialog = _open(qtbot, tools)
    assert dialog.windowTitle() == "Mit einem pretix-Server verbinden"
    assert dialog.next.text() == "&Weiter" and dialog.pages.method.tabText(1) == "Adresse und API-&Token"


@pytest.fixture
def silent_server():
    """Accepts connections and never answers (a server that hangs)."""
    listener = socket.create_server(("127.0.0.1", 0))
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    listener.close()


def test_a_server_that_does_not_answer_times_out_with_a_sentence_and_keeps_the_input(qtbot, database, tmp_path,
                                                                                       silent_server):
    dialog = ConnectDialog(database, TokenStore(tmp_path / "tokens.json"), client_options={"timeout": 0.3})
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText(silent_server)
    dialog.pages.token.setText("secret")
    dialog.next.click()
    assert not dialog.next.isEnabled() and dialog.message.text() == "Contacting the server…"
    qtbot.waitUntil(lambda: "did not answer in time" in dialog.message.text(), timeout=10_000)
    assert dialog.next.isEnabled() and (dialog.pages.url.text(), dialog.pages.token.text()) == (silent_server, "secret")


def test_cancel_while_the_server_is_asked_closes_at_once_and_the_late_answer_is_dropped(qtbot, tools_window,
                                                                                         silent_server):
    window, tools = tools_window
    dialog = _open(qtbot, tools)
    dialog.client_options = {"retries": 0, "timeout": 0.5}
    dialog.pages.method.setCurrentIndex(1)
    dialog.pages.url.setText(silent_server)
    dialog.pages.token.setText("secret")
    dialog.next.click()
    dialog.cancel.click()
    assert not dialog.isVisible() and window.scan_taker is None
    qtbot.wait(1000)  # the request times out meanwhile; its answer must not reopen or change anything
    assert not dialog.isVisible() and dialog.message.text() == "Contacting the server…"
    assert window.controller.setup is not None and window.controller.setup.event_slug == "demo"


def test_cancel_on_a_desk_without_an_event_offers_the_first_choices_again(qtbot, app_wiring):
    window, tools = app_wiring()
    first_run = window.dialogs.current
    qtbot.waitUntil(first_run.isVisible)
    first_run.buttons["server"].click()
    dialog = tools.shown_widgets[-1]
    qtbot.waitUntil(dialog.isVisible)
    dialog.cancel.click()
    again = window.dialogs.current
    assert again is not first_run and again.isVisible() and again.buttons["server"].isEnabled()
