"""A desk window that starts while its venue PostgreSQL does not answer: it opens on its copy of
the event (red banner from the start), answers scans and name searches there, and merges what it
recorded exactly once when the server answers; without a copy it keeps its clear error."""
from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import func, select

from checkin.app import build_desk_window, open_desk_database, run_desk
from checkin.store.database import Database, StoreOpenError, open_database
from checkin.store.desk_choice import remember
from checkin.store.models import CheckIn, Registration
from checkin.store.venue_copy import VenueCopy
from checkin.ui.main_window import MainWindow
from checkin.ui.start_notice import StartNotice
from tests.ui.venue_window import database, link, window_settings  # noqa: F401 - fixtures

pytestmark = pytest.mark.postgres


@pytest.fixture
def server(link) -> Iterator[Database]:
    """The venue database itself, not through the link (what the test checks, link cut or not)."""
    db = open_database(link._server_url.render_as_string(hide_password=False), migrate=False)
    yield db
    db.dispose()

@pytest.fixture
def copied(database, demo, window_settings, link) -> None:
    """What an earlier run of this desk left: its choice of event and list, and its copy of the event."""
    desk_id, _name = window_settings.desk_identity()
    with database.session() as session:
        remember(session, desk_id, demo.event_id, demo.list_ids[0])
    copy = VenueCopy.open(link.url())
    copy.refresh(database, demo.event_id, desk_id)
    copy.close()


@pytest.fixture
def offline_window(qtbot, copied, link, window_settings):
    """The window started with the link cut, as the app starts it."""
    link.cut()
    venue, started = open_desk_database(link.url(), window_settings)
    assert started is not None and started.offline
    window = build_desk_window(venue, window_settings, QApplication.instance(), started_offline=started)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    yield window
    window.close()
    venue.dispose()


def test_the_window_starts_on_its_copy_and_merges_once_when_the_server_answers(qtbot, codes, demo, offline_window,
                                                                              link, server):
    window = offline_window
    banner = window.findChild(QLabel, "venueBanner")
    assert banner.isVisible() and "does not answer" in banner.text(), "red from the start"
    assert window.controller.setup.event_id == demo.event_id and window.controller.setup.list_id == demo.list_ids[0]
    answers: list = []
    window.controller.answered.connect(answers.append)
    window.scan(codes["valid"][0])
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=10_000)
    assert answers[0].offline and answers[0].decision.accepted
    window.scan(codes["valid"][0])
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    assert answers[1].offline and not answers[1].decision.accepted, "the copy knows the first scan"
    qtbot.waitUntil(lambda: "merged when the database answers again: 2." in banner.text(), timeout=5_000)
    link.mend()
    qtbot.waitUntil(lambda: "from this desk merged" in banner.text(), timeout=15_000)
    assert "Check-ins from this desk merged: 2." in banner.text(), "the refused scan is in the log too"
    with server.reader() as session:
        assert session.scalar(select(func.count()).where(CheckIn.nonce == answers[0].nonce)) == 1
    window.scan(codes["valid"][1])  # and on the server again
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=10_000)
    assert not answers[2].offline and answers[2].decision.accepted


def test_search_details_and_counts_come_from_the_copy_while_offline(qtbot, codes, offline_window, server):
    window = offline_window
    with server.reader() as session:
        guest = session.scalars(select(Registration).where(Registration.code == codes["valid"][3])).one()
    found: list = []
    window.controller.search(guest.family_name, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    hit = next(hit for hit in found[0] if hit.registration_id == guest.id)
    assert not hit.checked_in
    details: list = []
    window.controller.guest(guest.id, details.append)
    qtbot.waitUntil(lambda: bool(details), timeout=10_000)
    answers: list = []
    window.controller.answered.connect(answers.append)
    window.search.check_in_requested.emit(guest.id)  # "Check in" on the search result
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=10_000)
    assert answers[0].offline and answers[0].decision.accepted
    found.clear()
    window.controller.search(guest.family_name, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    assert next(hit for hit in found[0] if hit.registration_id == guest.id).checked_in
    counts: list = []
    window.controller.stats(counts.append)
    qtbot.waitUntil(lambda: bool(counts), timeout=10_000)
    assert counts[0][0].checked_in >= 1
    assert not window.controller.in_trouble, "no database-problem line while reading the copy"


def test_without_a_copy_the_desk_keeps_its_clear_error(qapp, demo, link, window_settings, monkeypatch):
    link.cut()
    with pytest.raises(StoreOpenError, match="Cannot open the database"):
        open_desk_database(link.url(), window_settings)
    shown: list[str] = []
    monkeypatch.setattr("checkin.app.QMessageBox.critical", lambda _parent, _title, text: shown.append(text))
    assert run_desk(qapp, link.url()) == 1
    assert len(shown) == 1 and shown[0].startswith("Cannot open the database") and "recorded" not in shown[0]


def test_the_app_opens_the_desk_on_its_copy(qapp, copied, link):
    """As a volunteer restarts the laptop during the outage: run_desk shows the window, red, on the copy."""
    link.cut()
    seen: list[tuple[bool, str]] = []

    def look() -> None:
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].controller.setup is None:
            QTimer.singleShot(50, look)
            return
        banner = windows[0].findChild(QLabel, "venueBanner")
        seen.append((banner.isVisible(), banner.text()))
        windows[0].close()

    QTimer.singleShot(0, look)
    assert run_desk(qapp, link.url()) == 0
    assert seen[0][0] and "does not answer" in seen[0][1]


def test_the_start_notice_names_the_venue_database_without_its_password(qapp, window_settings):
    window_settings.set("language", "de")
    notice = StartNotice(qapp, "postgresql+psycopg://desk:secret@venue.local/checkin", window_settings)
    assert notice.splash.isVisible()
    text = notice.text("postgresql+psycopg://desk:secret@venue.local/checkin")
    assert "Veranstaltungsdatenbank" in text and "venue.local" in text and "secret" not in text
    notice.close()
    assert not notice.splash.isVisible()
