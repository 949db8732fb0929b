"""One sync owner for the venue, in the desk window (venue PostgreSQL, fake pretix over HTTP): of
two desks one syncs and the other shows it; the owner closes → the other takes over; a headless
``checkin sync --watch`` owns the sync and the desk shows its state, and takes over when it is killed."""
from __future__ import annotations

import signal

import pytest
from PySide6.QtWidgets import QApplication

from checkin.app import build_desk_window
from checkin.settings import Settings
from checkin.store.database import open_database
from checkin.sync.pretix.credentials import TOKEN_ENVIRONMENT, TokenStore
from checkin.ui.pretix_sync import PretixSync
from tests.fakes import FakePretix, ServedPretix
from tests.sync.pretix.test_sync_owner import Lines, connect, stop, watch

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

POLL_MS = 300
SETTLE_MS = 15_000


@pytest.fixture
def served():
    pretix = FakePretix()
    for number in range(1, 4):
        pretix.add(f"secret-{number:02d}-abcdefghijkl", name=f"Guest {number}")
    server = ServedPretix(pretix)
    yield server
    server.stop()


@pytest.fixture
def venue(pg_database, served, monkeypatch):
    monkeypatch.setenv(TOKEN_ENVIRONMENT, "fake-token")
    connect(pg_database, served.url)
    return pg_database


@pytest.fixture
def open_desk(qtbot, venue, tmp_path):
    opened = []

    def open_(name: str):
        database = open_database(venue.url, migrate=False)
        settings = Settings(tmp_path / name / "settings.json")
        settings.set("sounds", False)
        settings.set("language", "en")
        settings.set("desk_name", name)
        sync = PretixSync(database, QApplication.instance(), tokens=TokenStore(), settings=settings,
                          owner_poll_ms=POLL_MS)
        window = build_desk_window(database, settings, QApplication.instance(), desk_service_factory=sync.desk_service)
        qtbot.addWidget(window)
        with qtbot.waitSignal(window.ready, timeout=SETTLE_MS):
            window.show()
        sync.attach(window)
        opened.append((sync, window, database))
        return sync, window

    yield open_
    for sync, window, database in opened:
        sync.stop()
        window.close()
        database.dispose()


def owner_label(window) -> str:  # noqa: ANN001
    return window.status.sync_owner.text()


def test_two_desks_one_syncs_the_other_shows_it_and_takes_over_when_it_closes(qtbot, open_desk):
    sync_a, window_a = open_desk("Desk A")
    qtbot.waitUntil(lambda: sync_a.ownership.mine and owner_label(window_a) == "Sync: this desk", timeout=SETTLE_MS)
    sync_b, window_b = open_desk("Desk B")
    qtbot.waitUntil(lambda: owner_label(window_b).startswith("Sync: Desk A (") and " · " in owner_label(window_b),
                    timeout=SETTLE_MS)
    assert not sync_b.ownership.mine and not sync_b.worker.running
    assert sync_a.worker.running
    assert "Last successful sync" in window_b.status.sync_owner.toolTip()
    qtbot.waitUntil(lambda: window_b.status.connection.text() == "● Online", timeout=SETTLE_MS)

    sync_a.stop()  # the owner closes: its lock goes with it
    window_a.close()
    qtbot.waitUntil(lambda: sync_b.ownership.mine, timeout=5_000)
    assert sync_b.worker.running and owner_label(window_b) == "Sync: this desk"


def test_a_headless_watch_owns_the_sync_the_desk_shows_it_and_takes_over_when_it_is_killed(qtbot, open_desk, venue):
    owner = watch(venue.url, "--interval", "1", "--json")
    lines = Lines(owner)
    try:
        lines.wait_for(lambda line: '"owner":true' in line, 60)
        sync, window = open_desk("Desk A")
        qtbot.waitUntil(lambda: owner_label(window).startswith("Sync: checkin sync --watch ("), timeout=SETTLE_MS)
        assert not sync.ownership.mine and not sync.worker.running
        owner.send_signal(signal.SIGKILL)  # no goodbye: PostgreSQL ends its session, and the lock with it
        owner.wait(15)
        qtbot.waitUntil(lambda: sync.ownership.mine and owner_label(window) == "Sync: this desk", timeout=5_000)
    finally:
        stop(owner)
