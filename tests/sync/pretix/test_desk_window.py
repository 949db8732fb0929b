"""The desk window as the app wires it to a real pretix: online-first scans, background sync,
connection state and queued uploads in the status bar."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from checkin.app import build_desk_window
from checkin.store.desk import DeskService
from checkin.store.desk_choice import remember
from checkin.sync.pretix.online import PretixOnline
from checkin.ui.pretix_sync import PretixSync
from tests.sync.conftest import server_check_ins

pytestmark = pytest.mark.slow


def _window(qtbot, database, settings, sync):
    settings.set("sounds", False)
    settings.set("language", "en")
    window = build_desk_window(database, settings, QApplication.instance(), desk_service_factory=sync.desk_service)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=20_000):
        window.show()
    sync.attach(window)
    return window


def choose(database, settings, connected) -> None:  # noqa: ANN001
    """This desk works on the connected event (kept in the database, as the desk does)."""
    with database.session() as session:
        remember(session, settings.desk_identity()[0], connected.event_id, None)


def test_a_connected_desk_scans_online_first_and_shows_the_server(qtbot, pretix_server, database, settings,
                                                                   tokens, connected, paid_guests):
    choose(database, settings, connected)
    sync = PretixSync(database, QApplication.instance(), tokens=tokens)
    window = _window(qtbot, database, settings, sync)
    assert isinstance(window.controller._service.online, PretixOnline)
    qtbot.waitUntil(lambda: window.status.connection.text() == "● Online", timeout=60_000)

    [guest] = paid_guests.take(1)
    with qtbot.waitSignal(window.controller.answered, timeout=20_000) as answer:
        window.scan(guest["secret"])
    decision = answer.args[0].decision
    assert decision.accepted and decision.extra.get("online") is True
    # Online first: the server admitted the guest itself, before any upload ran.
    on_server = [row for row in server_check_ins(pretix_server) if row["position"] == guest["id"]]
    assert [(row["successful"], row["type"]) for row in on_server] == [(True, "entry")]
    sync.stop()
    window.close()


def test_without_a_server_the_desk_is_the_plain_offline_desk_and_never_syncs(qtbot, database, settings, demo,
                                                                              tokens):
    sync = PretixSync(database, QApplication.instance(), tokens=tokens)
    window = _window(qtbot, database, settings, sync)
    assert type(window.controller._service) is DeskService
    qtbot.wait(200)  # the lane answered "no connected event"
    assert not sync.worker._timer.isActive()
    window.close()


def test_reconciliation_in_the_app_syncs_compares_and_saves_a_report(qtbot, pretix_server, database, settings,
                                                                      tokens, connected, paid_guests, tmp_path):
    from checkin.sync.pretix.reconcile import Reconciliation
    from checkin.ui.organiser_tools import OrganiserTools

    choose(database, settings, connected)
    sync = PretixSync(database, QApplication.instance(), tokens=tokens)
    window = _window(qtbot, database, settings, sync)
    tools = OrganiserTools(database, settings, None, QApplication.instance())
    tools.attach(window)
    [guest] = paid_guests.take(1)
    with qtbot.waitSignal(window.controller.answered, timeout=20_000):
        window.scan(guest["secret"])
    tools.reconciling.reconcile_with_pretix(tokens)
    dialog = tools.shown_widgets[-1]
    with qtbot.waitSignal(dialog.finished_reconciling, timeout=120_000) as done:
        pass
    report = done.args[0]
    assert isinstance(report, Reconciliation), report
    assert report.pending_upload == 0 and report.server_check_ins >= 1
    assert dialog.tree.topLevelItemCount() == len(Reconciliation.SECTIONS)
    dialog.write_report(str(tmp_path / "reconcile.csv"))
    assert "No-shows" in (tmp_path / "reconcile.csv").read_text(encoding="utf-8-sig")
    sync.stop()
    window.close()


def test_reconciliation_of_an_event_without_server_says_so(qtbot, database, settings, demo, tokens):
    from checkin.ui.organiser_tools import OrganiserTools

    sync = PretixSync(database, QApplication.instance(), tokens=tokens)
    window = _window(qtbot, database, settings, sync)
    tools = OrganiserTools(database, settings, None, QApplication.instance())
    tools.attach(window)
    tools.reconciling.reconcile_with_pretix(tokens)
    dialog = tools.shown_widgets[-1]
    qtbot.waitUntil(lambda: "not connected to pretix" in dialog.status.text(), timeout=10_000)
    assert not dialog.save.isEnabled() and dialog.tree.isHidden()
    window.close()
