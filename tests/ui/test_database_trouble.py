"""Database trouble at the desk window: a real full disk, a real lock held by another connection,
a venue database that stops answering. The desk gets a translated card and a way to go on,
never SQL text, and nothing is lost or doubled."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from checkin.store.database import Database, ErrorKind, open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration
from checkin.ui.desk_controller import Action, DatabaseTrouble
from tests.fakes import VenueThatDrops
from tests.store.test_full_disk import FullDisk


@pytest.fixture
def database(db_url: str) -> Iterator[Database]:
    """As the app's, but a lock is given up after half a second instead of ten."""
    db = open_database(db_url, busy_timeout_s=0.5)
    yield db
    db.dispose()


def troubles(window) -> list[DatabaseTrouble]:  # noqa: ANN001
    reported: list[DatabaseTrouble] = []
    window.controller.database_trouble.connect(reported.append)
    return reported


def answers(window) -> list:  # noqa: ANN001
    results: list = []
    window.controller.answered.connect(results.append)
    return results


def check_ins_of(database: Database, code: str) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(CheckIn).join(Registration)
                              .where(Registration.code == code)) or 0


def test_a_full_disk_shows_the_full_disk_card_and_records_nothing(qtbot, window, database, codes):
    reported, results = troubles(window), answers(window)
    disk = FullDisk()
    disk.fill()
    try:
        database.engine.dispose()  # the desk's next connections may not grow the file
        for code in codes["valid"][:150]:  # rows fill the last pages' free space first
            window.scan(code)
            qtbot.waitUntil(lambda: len(reported) + len(results) > 0, timeout=10_000)
            if reported:
                break
            results.clear()
    finally:
        disk.free()
    assert reported and reported[0].kind is ErrorKind.DISK_FULL and not reported[0].retrying
    assert window.card.headline.text() == "The disk is full" and window.card.severity == "refused"
    assert "Nothing was checked in: scan again." in window.card.advice.text()
    assert "disk is full" not in window.card.advice.text().lower()  # our words, not SQLite's
    assert check_ins_of(database, code) == 0
    assert window.database_trouble.isVisible() and "The disk is full" in window.database_trouble.text()


def test_a_lock_held_elsewhere_is_retried_and_the_guest_checked_in_once(qtbot, window, database, codes, db_url):
    code = codes["valid"][0]
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program writes (an import, a second desk)
    reported, results = troubles(window), answers(window)
    window.scan(code)
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    assert reported[0].kind is ErrorKind.LOCKED and reported[0].retrying
    assert window.card.headline.text() == "Another program holds the database" and window.card.severity == "warning"
    assert "Trying again by itself in 2 seconds" in window.card.advice.text()
    holder.rollback()
    holder.close()
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results[0].decision.accepted and len(reported) == 1
    assert check_ins_of(database, code) == 1
    assert not window.database_trouble.isVisible()


def test_a_lock_that_stays_fails_after_the_one_retry(qtbot, window, database, codes, db_url):
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    reported = troubles(window)
    window.scan(codes["valid"][1])
    qtbot.waitUntil(lambda: len(reported) == 2, timeout=15_000)
    holder.rollback()
    holder.close()
    assert [t.retrying for t in reported] == [True, False]
    assert window.card.severity == "refused" and "Nothing was checked in" in window.card.advice.text()
    assert check_ins_of(database, codes["valid"][1]) == 0


@pytest.fixture
def venue() -> list[VenueThatDrops]:
    return []


@pytest.fixture
def venue_window(make_window, demo, venue):
    def factory(_setup, *desk_args, **options) -> VenueThatDrops:  # noqa: ANN001, ANN002, ANN003
        venue.append(VenueThatDrops(DeskService(*desk_args, **options)))
        return venue[-1]
    return make_window(desk_service_factory=factory)


def test_a_venue_database_that_does_not_answer_gets_its_card(qtbot, venue_window, venue, codes, database):
    reported = troubles(venue_window)
    venue_window.scan(codes["valid"][2])
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    assert reported[0] == DatabaseTrouble(ErrorKind.CONNECTION_LOST, Action.CHECK_IN)
    card = venue_window.card
    assert card.headline.text() == "The venue database does not answer"
    assert "Check the venue network" in card.advice.text() and "postgresql" not in card.advice.text()
    assert check_ins_of(database, codes["valid"][2]) == 0


def test_the_status_line_stays_until_the_next_good_scan(qtbot, venue_window, venue, codes):
    reported, results = troubles(venue_window), answers(venue_window)
    line = venue_window.database_trouble
    venue_window.scan(codes["valid"][3])
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    venue_window.status.showMessage("Badge not printed: jammed", 5_000)  # passing messages do not hide it
    assert line.isVisible() and line.text() == "Database problem: The venue database does not answer"
    venue[-1].down = False
    venue_window.scan(codes["valid"][3])
    qtbot.waitUntil(lambda: bool(results), timeout=10_000)
    assert results[0].decision.accepted and not line.isVisible()


def test_undo_and_search_check_in_take_the_same_path(qtbot, venue_window, venue, database, demo):
    reported = troubles(venue_window)
    with database.reader() as session:
        registration_id = session.scalar(select(Registration.id).where(Registration.event_id == demo.event_id,
                                                                       Registration.status == "valid"))
    venue_window.controller.check_in(registration_id)
    venue_window.controller.undo(1)  # the check-in the undo question named
    qtbot.waitUntil(lambda: len(reported) == 2, timeout=10_000)
    assert [t.action for t in reported] == [Action.CHECK_IN, Action.UNDO]
    assert venue_window.card.advice.text().endswith("Nothing was undone: try again.")


def test_the_trouble_is_told_in_german(qtbot, venue_window, venue, codes):
    venue_window.set_language("de")
    reported = troubles(venue_window)
    venue_window.scan(codes["valid"][4])
    qtbot.waitUntil(lambda: bool(reported), timeout=10_000)
    assert venue_window.card.headline.text() == "Die Datenbank vor Ort antwortet nicht"
    assert "Nichts wurde eingecheckt: bitte erneut scannen." in venue_window.card.advice.text()
    assert venue_window.database_trouble.text().startswith("Datenbankproblem: ")
