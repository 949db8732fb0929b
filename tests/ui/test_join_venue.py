"""Joining a venue database from the first-run dialog: the details asked, the desk-check's verdict
off the UI thread, Join only after a passing test of exactly these values, the password kept out
of the settings, and the next start opening the joined database."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy.engine import make_url

from checkin.app import desk_database_url
from checkin.settings import Settings
from checkin.store.venue_check import Check, VenueReport
from checkin.store.venue_login import SETTING, VenueLogin, VenuePasswords, remember, remembered_url
from checkin.ui.join_venue import JoinVenueDialog, VenueJoin

ROOT = Path(__file__).resolve().parents[2]
OK = VenueReport("postgresql+psycopg://checkin@venue:5432/checkin", (
    Check("connection", True, "connected to PostgreSQL 15.4"), Check("schema", True, "at the newest revision"),
    Check("latency", True, "median round trip 0.40 ms over 5")))
REFUSED = VenueReport("postgresql+psycopg://checkin@venue:5432/checkin", (
    Check("connection", False, "cannot connect: connection refused"),))


@pytest.fixture(autouse=True)
def no_keyring(monkeypatch):
    """The developer's keyring stays untouched: passwords go to the private file."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


class Checker:
    """The desk-check as the dialog calls it, answering what the test says, on which thread it ran."""

    def __init__(self, report: VenueReport):
        self.report, self.urls, self.threads = report, [], []

    def __call__(self, url: str) -> VenueReport:
        self.urls.append(url)
        self.threads.append(threading.get_ident())
        return self.report


def fill(dialog: JoinVenueDialog, host: str = "venue", password: str = "s3cret") -> None:
    dialog.host.setText(host)
    dialog.password.setText(password)
    dialog._changed()


def run_test(qtbot, dialog: JoinVenueDialog) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.test_button.clicked):
        dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "Testing" not in dialog.verdict.text())


def test_incomplete_details_are_named_and_nothing_is_tried(qtbot):
    checker = Checker(OK)
    dialog = JoinVenueDialog(check=checker)
    qtbot.addWidget(dialog)
    dialog.host.setText("  ")
    dialog.test()
    assert dialog.verdict.text() == "Please fill in: the host."
    dialog.host.setText("venue server")
    dialog.test()
    assert dialog.verdict.text() == "Please fill in: the host (without spaces)."
    assert checker.urls == [] and not dialog.join_button.isEnabled()


def test_a_passing_test_allows_join_of_exactly_those_values(qtbot):
    checker = Checker(OK)
    dialog = JoinVenueDialog(check=checker)
    qtbot.addWidget(dialog)
    fill(dialog)
    assert not dialog.join_button.isEnabled()
    run_test(qtbot, dialog)
    assert checker.threads[0] != threading.get_ident(), "the check runs off the UI thread"
    assert make_url(checker.urls[0]).password == "s3cret"
    assert dialog.verdict.text().startswith("✔ This desk can work on this database.")
    assert "✔ Network speed: median round trip 0.40 ms over 5" in dialog.checks.text()
    assert dialog.join_button.isEnabled()
    dialog.port.setValue(5433)
    assert not dialog.join_button.isEnabled(), "changed after the test: test again"
    dialog.port.setValue(5432)
    joined = []
    dialog.join_requested.connect(lambda login, password: joined.append((login, password)))
    dialog.join_button.click()
    assert joined == [(VenueLogin("venue", 5432, "checkin", "checkin"), "s3cret")]


def test_a_failing_test_says_what_and_keeps_join_off(qtbot):
    dialog = JoinVenueDialog(check=Checker(REFUSED))
    qtbot.addWidget(dialog)
    fill(dialog)
    run_test(qtbot, dialog)
    assert dialog.verdict.text().startswith("✘ This desk cannot work on this database yet (Connection).")
    assert dialog.checks.text() == "✘ Connection: cannot connect: connection refused"
    assert not dialog.join_button.isEnabled()


@pytest.mark.postgres
def test_the_real_desk_check_against_the_venue_server(qtbot, postgres_server):
    url = make_url(postgres_server.create_database())
    dialog = JoinVenueDialog()
    qtbot.addWidget(dialog)
    dialog.host.setText(url.host)
    dialog.port.setValue(url.port)
    dialog.database.setText(url.database)
    dialog.user.setText(url.username)
    dialog.password.setText(url.password or "")
    with qtbot.waitSignal(dialog.test_button.clicked):
        dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "Testing" not in dialog.verdict.text(), timeout=30_000)
    assert dialog.verdict.text().startswith("✔"), dialog.checks.text()
    dialog.port.setValue(1)  # nothing listens there
    with qtbot.waitSignal(dialog.test_button.clicked):
        dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled() and "Testing" not in dialog.verdict.text(), timeout=30_000)
    assert dialog.verdict.text().startswith("✘") and "✘ Connection: cannot connect" in dialog.checks.text()


def test_joining_keeps_the_password_apart_and_reopens_the_desk_on_it(qtbot, make_window, demo, tmp_path,
                                                                     window_settings):
    window = make_window()
    reopened = []
    passwords = VenuePasswords(tmp_path / "config" / "venue-passwords.json")
    join = VenueJoin(window_settings, reopened.append, window, passwords=passwords)
    join.attach(window)
    join.open()
    qtbot.waitUntil(join.dialog.isVisible)
    with qtbot.waitSignal(join.joined, timeout=10_000):
        join.dialog.join_requested.emit(VenueLogin("venue", 5432, "checkin", "desk"), "pa ss:/@")
    [url] = reopened
    assert (make_url(url).host, make_url(url).username, make_url(url).password) == ("venue", "desk", "pa ss:/@")
    assert window_settings.get(SETTING) == "postgresql+psycopg://desk@venue:5432/checkin"
    assert "pa ss" not in (tmp_path / "config" / "settings.json").read_text(encoding="utf-8")
    assert oct(passwords.fallback_file.stat().st_mode & 0o777) == "0o600"
    assert remembered_url(window_settings, passwords) == url


def test_the_first_run_offers_to_join_when_the_app_wires_it(qtbot, make_window):
    opened = []
    window = make_window(first_run_handlers={"venue": lambda: opened.append(True)})
    dialog = window.dialogs.current
    assert dialog.buttons["venue"].text() == "&Join a venue database…"
    dialog.buttons["venue"].click()
    assert opened == [True]


def test_the_desk_opens_what_it_joined_unless_told_otherwise(settings, monkeypatch, tmp_path):
    passwords = VenuePasswords()
    assert desk_database_url(None, settings) is None
    remember(settings, VenueLogin("venue", 5432, "checkin", "desk"), "pw", passwords)
    assert desk_database_url(None, settings) == "postgresql+psycopg://desk:pw@venue:5432/checkin"
    assert desk_database_url("sqlite:///other.sqlite3", settings) == "sqlite:///other.sqlite3"
    monkeypatch.setenv("CHECKIN_DB", "sqlite:///env.sqlite3")
    assert desk_database_url(None, settings) is None  # open_database reads CHECKIN_DB


@pytest.mark.postgres
@pytest.mark.slow
def test_the_next_start_opens_the_joined_venue_database(postgres_server, tmp_path):
    url = make_url(postgres_server.create_database())
    config = tmp_path / "config"
    settings = Settings(config / "settings.json")
    login = VenueLogin(url.host, url.port, url.database, url.username)
    remember(settings, login, url.password or "", VenuePasswords(config / "venue-passwords.json"))
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "CHECKIN_CONFIG_DIR": str(config),
                   "CHECKIN_DATA_DIR": str(tmp_path / "data"), "CHECKIN_EXIT_WHEN_SHOWN": "1",
                   "QT_QPA_PLATFORM": "offscreen", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    environment.pop("CHECKIN_DB", None)
    started = subprocess.run([sys.executable, "-m", "checkin"], capture_output=True, text=True, env=environment,
                             cwd=ROOT, timeout=120)
    assert started.returncode == 0, started.stderr
    import psycopg

    with psycopg.connect(url.set(drivername="postgresql").render_as_string(hide_password=False)) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone()[0] == 1
    assert not (tmp_path / "data" / "checkin.sqlite3").exists(), "the local file was never made"


@pytest.mark.postgres
def test_after_joining_the_app_closes_the_desk_and_opens_it_on_the_venue_database(qapp, postgres_server, monkeypatch):
    from PySide6.QtCore import QTimer

    from checkin.app import run_desk
    from checkin.ui.main_window import MainWindow

    venue_url = postgres_server.create_database()
    seen = []

    def act(then) -> None:  # noqa: ANN001
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            QTimer.singleShot(50, lambda: act(then))
            return
        seen.append(windows[0].database.url)
        then(windows[0])

    QTimer.singleShot(0, lambda: act(lambda window: qapp.findChild(VenueJoin)._joined(venue_url)))
    assert run_desk(qapp, None) == venue_url  # the local desk closed, the joined database is next
    QTimer.singleShot(0, lambda: act(lambda window: window.close()))
    assert run_desk(qapp, venue_url) == 0
    assert seen[0].startswith("sqlite:///") and make_url(seen[1]).database == make_url(venue_url).database
