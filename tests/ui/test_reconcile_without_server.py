"""Tools → Reconcile with pretix on an event that has no server: the window explains what
reconciling needs and offers the connect dialog, instead of a CLI hint and an empty table."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from checkin.sync.pretix.credentials import TokenStore
from checkin.ui.connect_dialog import ConnectDialog
from checkin.ui.organiser_tools import OrganiserTools
from checkin.ui.pretix_sync import PretixSync
from checkin.ui.reconcile_dialog import ReconcileDialog


def _reconcile(qtbot, make_window, database, settings, tmp_path: Path, with_server: bool):  # noqa: ANN001, ANN202
    tokens = TokenStore(tmp_path / "tokens.json")
    sync = PretixSync(database, QApplication.instance(), tokens=tokens) if with_server else None
    tools = OrganiserTools(database, settings, None, QApplication.instance(), pretix=sync)
    window = make_window(extra_menu_actions=tools.actions())
    tools.attach(window)
    tools.reconciling.reconcile_with_pretix(tokens)
    dialog = tools.shown_widgets[-1]
    assert isinstance(dialog, ReconcileDialog)
    with qtbot.waitSignal(dialog.finished_reconciling, timeout=10_000):
        pass
    return tools, dialog, window


def test_without_a_server_the_window_explains_and_offers_to_connect(qtbot, make_window, database,
                                                                     window_settings, demo, tmp_path):
    tools, dialog, window = _reconcile(qtbot, make_window, database, window_settings, tmp_path, with_server=True)
    text = dialog.status.text()
    assert "not connected to pretix" in text and "Connect a device" in text
    assert "checkin pretix connect" not in text
    assert dialog.tree.isHidden() and dialog.save.isHidden()
    assert dialog.connect_button.isVisibleTo(dialog) and dialog.connect_button.isDefault()
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: any(isinstance(w, ConnectDialog) and w.isVisible() for w in tools.shown_widgets))
    assert not dialog.isVisible()
    connect = next(w for w in tools.shown_widgets if isinstance(w, ConnectDialog))
    connect.reject()
    window.close()


def test_a_desk_that_cannot_connect_still_explains_without_the_button(qtbot, make_window, database,
                                                                      window_settings, demo, tmp_path):
    _tools, dialog, window = _reconcile(qtbot, make_window, database, window_settings, tmp_path, with_server=False)
    assert "not connected to pretix" in dialog.status.text() and "Devices" in dialog.status.text()
    assert not dialog.connect_button.isVisibleTo(dialog) and dialog.tree.isHidden()
    window.close()


def test_the_explanation_speaks_german(qtbot, make_window, database, window_settings, demo, tmp_path):
    window_settings.set("language", "de")
    _tools, dialog, window = _reconcile(qtbot, make_window, database, window_settings, tmp_path, with_server=True)
    assert "nicht mit pretix verbunden" in dialog.status.text()
    assert dialog.connect_button.text() == "Mit pretix &verbinden…"
    window.close()
