"""The UI's sync worker against a real pretix: runs off the UI thread, reports online state and pending uploads."""
from __future__ import annotations

import threading

import pytest

from checkin.sync.pretix.offline import pretix_desk
from checkin.ui.sync_worker import SyncWorker

pytestmark = pytest.mark.slow


def test_worker_syncs_off_the_ui_thread_and_reports_state(qtbot, pretix_server, database, tokens, connected,
                                                          paid_guests):
    ui_thread = threading.get_ident()
    sync_threads = []
    worker = SyncWorker.for_database(database, tokens)
    original = worker._sync
    worker._sync = lambda: (sync_threads.append(threading.get_ident()), original())[1]
    states, pending = [], []
    worker.connection_state_changed.connect(lambda online, text: states.append((online, text)))
    worker.pending_uploads_changed.connect(pending.append)

    with qtbot.waitSignal(worker.pending_uploads_changed, timeout=60_000):
        worker.sync_now()
        assert not worker.sync_now(), "one sync at a time"
    assert sync_threads and sync_threads[0] != ui_thread
    assert states[0] == (None, "Syncing…") and states[-1] == (True, "Online")
    assert pending == [0]

    desk = pretix_desk(database, "00000000-0000-4000-8000-0000000000bb", "Desk W")
    for guest in paid_guests.take(2):
        assert desk.scan(connected.event_id, connected.list_id, guest["secret"]).decision.accepted
    with database.session() as session:  # the server goes away: a wrong URL for this connection
        from checkin.sync.pretix.connection import load_connection, save_connection

        connection = load_connection(session, connected.event_id)
        save_connection(session, connected.event_id, connection.__class__(
            **{**connection.__dict__, "url": "http://127.0.0.1:9"}))
    tokens.save(f"http://127.0.0.1:9#ckd", pretix_server.token)
    with qtbot.waitSignal(worker.pending_uploads_changed, timeout=60_000):
        worker.sync_now()
    assert states[-1][0] is False and states[-1][1].startswith("pretix at http://127.0.0.1:9")
    assert pending[-1] == 2
    worker.stop()
