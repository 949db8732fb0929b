"""An import written in short transactions stays all or nothing: staged guests are invisible,
a problem in the last part leaves nothing, a crash is cleaned up or finished by the next start,
and a desk on the same database keeps scanning while another process imports."""
from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
import pytest
from sqlalchemy import func, select

from checkin.core.decision import Outcome
from checkin.store import import_publish, import_runs
from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.events import NoEventError, find_event
from checkin.store.models import (STAGING_SOURCE, Event, ImportRun, ImportStagedUpdate, Registration, SearchToken,
                                  TicketType)
from checkin.store.search import search
from checkin.sync.files import importer, staging
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import ImportRequest, import_table, read_and_import
from checkin.sync.files.table import read_table
from tests.files.helpers import write_guests

HEADER = ["Vorname", "Nachname", "Firma", "E-Mail", "Ticketart"]


def _guests(count: int, offset: int = 0, family: str = "Family") -> list[list[str]]:
    return [[f"Given{n}", f"{family}{n:05d}", f"Firma {n % 7}", f"guest{n}@example.org",
             ("Teilnehmer", "Speaker")[n % 2]] for n in range(offset, offset + count)]


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database(request, database):  # noqa: ANN001, ANN201
    if request.param == "sqlite":
        return database
    return request.getfixturevalue("pg_database")


@pytest.fixture
def small_parts(monkeypatch):  # noqa: ANN001, ANN201
    """Parts of 10 rows to check, 7 guests to move: every step runs several times."""
    monkeypatch.setattr(importer, "_PART", 10)
    monkeypatch.setattr(import_publish, "_PART", 7)
    monkeypatch.setattr(import_publish, "_UPDATES", 3)
    monkeypatch.setattr(import_runs, "WRITE_GAP_S", 0)


def _snapshot(database) -> dict:  # noqa: ANN001
    with database.reader() as session:
        counts = {model.__tablename__: session.scalar(select(func.count()).select_from(model))
                  for model in (Event, Registration, SearchToken, TicketType, ImportRun, ImportStagedUpdate)}
        counts["guests"] = sorted(session.execute(select(Registration.id, Registration.event_id, Registration.family_name,
                                                         Registration.email, Registration.search_keys)).all())
        return counts


def _consistent(database) -> None:  # noqa: ANN001
    """No run, no staging event; every guest's search tokens are exactly those its keys name."""
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(ImportRun)) == 0
        assert session.scalar(select(func.count()).select_from(ImportStagedUpdate)) == 0
        assert session.scalar(select(func.count()).select_from(Event).where(Event.source == STAGING_SOURCE)) == 0
        expected = sum(len([key for key in keys.split() if key[0] < "4"])
                       for keys in session.scalars(select(Registration.search_keys)))
        assert session.scalar(select(func.count()).select_from(SearchToken)) == expected
        orphans = session.scalar(select(func.count()).select_from(SearchToken).where(
            SearchToken.registration_id.not_in(select(Registration.id))))
        assert orphans == 0


@pytest.mark.parametrize("existing", [False, True], ids=["new event", "re-import"])
def test_a_problem_in_the_last_part_leaves_nothing(any_database, small_parts, tmp_path, existing):
    path = tmp_path / "gaeste.csv"
    if existing:
        read_and_import(any_database, write_guests(path, _guests(25)), "Summit")
    before = _snapshot(any_database)
    rows = _guests(25, family="Renamed") + _guests(40, offset=25) + [["Late", "Problem", "", "not an address", "Neu"]]
    with pytest.raises(FileImportError, match="line 67"):
        read_and_import(any_database, write_guests(path, rows), "Summit")
    assert _snapshot(any_database) == before
    _consistent(any_database)


def test_a_reimport_publishes_changes_and_new_guests_part_by_part(any_database, small_parts, tmp_path):
    path = write_guests(tmp_path / "gaeste.csv", _guests(20))
    first = read_and_import(any_database, path, "Summit")
    rows = _guests(20)
    for row in rows[:8]:
        row[1] = row[1].replace("Family", "Changed")
    rows += [[*row[:4], "Presse"] for row in _guests(30, offset=20)]
    second = read_and_import(any_database, write_guests(path, rows), "Summit")
    assert (second.event_id, second.imported, second.updated, second.unchanged) == (first.event_id, 30, 8, 12)
    assert second.ticket_types_created == ["Presse"]
    _consistent(any_database)
    with any_database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 50
        assert [h.family_name for h in search(session, first.event_id, "changed00007")] == ["Changed00007"]
        assert search(session, first.event_id, "family00007") == []
        assert [h.family_name for h in search(session, first.event_id, "family00049")] == ["Family00049"]
        assert session.scalar(select(TicketType.event_id).where(TicketType.name == "Presse")) == first.event_id


def test_staged_guests_are_seen_by_nobody_until_published(database, demo, clock, small_parts, tmp_path):
    """Mid-import: no new event is listed, no staged guest is found or admitted."""
    seen = []

    def look(done: int, _total: int) -> None:
        if done == 30:
            with database.reader() as session:
                seen.append((find_event(session).id, search(session, demo.event_id, "staged00003"),
                             session.scalar(select(func.count()).select_from(Registration).where(
                                 Registration.family_name.like("Staged%")))))
            desk = DeskService(database, "00000000-0000-4000-8000-0000000000c1", "Desk", clock=clock)
            with database.reader() as session:
                code = session.scalar(select(Registration.code).where(Registration.family_name == "Staged00003"))
            seen.append(desk.scan(demo.event_id, demo.list_ids[0], code).decision.outcome)
    table = read_table(write_guests(tmp_path / "g.csv", _guests(40, family="Staged")))
    summary = import_table(database, ImportRequest(table, "Hidden until done", on_part=look))
    (newest, found, staged), outcome = seen
    # Staged (the part just handed over may be written yet or not), but under no listed event.
    assert newest == demo.event_id and found == [] and staged in (20, 30)
    assert outcome is Outcome.UNKNOWN
    with database.reader() as session:
        assert find_event(session).id == summary.event_id
        with pytest.raises(NoEventError, match="events: demo, hidden-until-done\\)"):
            find_event(session, "nope")
    _consistent(database)


def test_a_run_that_died_while_publishing_is_finished_by_the_next_start(any_database, small_parts, monkeypatch,
                                                                        tmp_path):
    """Killed after the first of its guests were moved: the next start moves the rest."""
    path = write_guests(tmp_path / "g.csv", _guests(10))
    event_id = read_and_import(any_database, path, "Summit").event_id
    moved = import_publish._move_part

    def die_after_one_part(session, run):  # noqa: ANN001, ANN202
        if session.scalar(select(func.count()).select_from(Registration).where(Registration.event_id == run.event_id)) > 10:
            raise SystemExit("killed")  # as if the process ended here: nothing below runs
        return moved(session, run)
    monkeypatch.setattr(import_publish, "_move_part", die_after_one_part)
    # A killed process cleans nothing up: only what it had done stays.
    monkeypatch.setattr(staging.Staging, "abandon", lambda self: import_runs.release(self.run.id))
    rows = [[row[0], "Changed", *row[2:]] for row in _guests(10)] + _guests(30, offset=10)
    with pytest.raises(SystemExit):
        read_and_import(any_database, write_guests(path, rows), "Summit")
    monkeypatch.undo()
    with any_database.reader() as session:
        assert session.scalar(select(ImportRun.state)) == "publishing"  # half visible: 17 of 40
        assert session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == event_id)) == 17

    open_database(any_database.url).dispose()  # the next start finishes it
    _consistent(any_database)
    with any_database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration).where(
            Registration.event_id == event_id)) == 40
        assert set(session.scalars(select(Registration.family_name).where(Registration.id <= 10))) == {"Changed"}


_SLOW_IMPORT = """
import sys
from pathlib import Path
from checkin.store import import_runs
from checkin.sync.files import importer, staging
import_runs.WRITE_GAP_S = 0.2  # slow enough to be killed mid-way
importer._PART = 500
from checkin.store.database import open_database
importer.read_and_import(open_database(sys.argv[1]), Path(sys.argv[2]), "Killed")
"""


def test_a_killed_import_leaves_nothing_after_the_next_start(database, demo, tmp_path):
    """SIGKILL of a `checkin import` process mid-way: the next start discards what it staged."""
    before = _snapshot(database)
    path = write_guests(tmp_path / "g.csv", _guests(5000))
    with subprocess.Popen([sys.executable, "-c", _SLOW_IMPORT, database.url, str(path)]) as importing:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and _staged(database) < 1000:
            time.sleep(0.05)
        assert _staged(database) >= 1000, "the import never got going"
        importing.send_signal(signal.SIGKILL)
        importing.wait()
    with database.reader() as session:
        assert session.scalar(select(ImportRun.state)) == "staging"
        assert find_event(session).id == demo.event_id  # nothing of it visible, even before the clean-up
    open_database(database.url).dispose()
    assert _snapshot(database) == before
    _consistent(database)


def _staged(database) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(Registration).join(
            Event, Event.id == Registration.event_id).where(Event.source == STAGING_SOURCE))


_IMPORT = """
import sys
from pathlib import Path
from checkin.store.database import open_database
from checkin.sync.files.importer import read_and_import
print(read_and_import(open_database(sys.argv[1]), Path(sys.argv[2]), "Big").imported, flush=True)
"""


def test_a_desk_keeps_scanning_while_another_process_imports(database, demo, clock, tmp_path):
    """With 1.5 s of patience for the lock (the old one-transaction import held it for several
    seconds), every scan during another process's import is answered."""
    path = write_guests(tmp_path / "g.csv", _guests(30_000))
    patient = open_database(database.url, busy_timeout_s=1.5)
    desk = DeskService(patient, "00000000-0000-4000-8000-0000000000c2", "Scanning desk", clock=clock)
    with database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.event_id == demo.event_id)))
    answers = []
    with subprocess.Popen([sys.executable, "-c", _IMPORT, database.url, str(path)], text=True,
                          stdout=subprocess.PIPE) as importing:
        while _staged(database) == 0 and importing.poll() is None:
            time.sleep(0.01)
        while importing.poll() is None:
            answers.append(desk.scan(demo.event_id, demo.list_ids[0], codes[len(answers) % len(codes)]))
            time.sleep(0.02)
        assert importing.stdout.read().strip() == "30000"
    patient.dispose()
    assert len(answers) >= 5 and all(answer.decision.outcome is not None for answer in answers)
    _consistent(database)


def test_a_busy_writer_waits_briefly_and_a_held_lock_is_reported_after_the_patience(database):
    """Polled every millisecond: a lock released soon is taken; one held on is "database is locked"."""
    import sqlite3

    from sqlalchemy.exc import OperationalError

    from checkin.store.database import ErrorKind, error_kind

    holder = sqlite3.connect(database.engine.url.database, isolation_level=None, check_same_thread=False)
    patient = open_database(database.url, busy_timeout_s=0.5)
    try:
        holder.execute("BEGIN IMMEDIATE")
        threading.Timer(0.1, holder.execute, ("COMMIT",)).start()
        with patient.session() as session:
            session.add(Event(source="file", slug="after-a-short-wait", name="x"))
        holder.execute("BEGIN IMMEDIATE")
        with pytest.raises(OperationalError) as raised, patient.session() as session:
            session.add(Event(source="file", slug="never", name="x"))
        assert error_kind(raised.value) is ErrorKind.LOCKED
    finally:
        holder.close()
        patient.dispose()
