"""An import written in short transactions and kept invisible until it is published.

SQLite has one write lock: an import written as one transaction (seconds for 100,000 guests)
made every desk on the same file wait that long for its next scan. So an import run stages
each part in a transaction of its own (new guests under a hidden staging event, changes to
stored guests in ``import_staged_update``), then publishes (:mod:`checkin.store.import_publish`)
in short parts too. Between two transactions a waiting desk gets the lock.

All or nothing: every query selects by event, and the staging event is listed nowhere, so a
staged guest is seen by nobody until the run is published. A run's ``state`` says how far it
got; ``import_publish.recover`` (each start, each import) discards the runs of importers that died while
staging and finishes those that died while publishing.
"""
from __future__ import annotations

import os
import secrets
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TypeVar

from sqlalchemy import Engine, insert, select, update
from sqlalchemy.orm import Session

from checkin.store.models import STAGING_SOURCE, CheckInList, Event, ImportRun, ImportStagedUpdate, utcnow
from checkin.store.registrations import PreparedRows, insert_prepared

STAGING, PUBLISHING = "staging", "publishing"
#: ``Event.source`` of an event a file import created.
FILE_SOURCE = "file"
#: After each of its transactions an import leaves the write lock free this long, so a desk
#: waiting for it gets it (our writers poll for the lock every millisecond or two, see
#: checkin.store.database) before the import's next part takes it again.
WRITE_GAP_S = 0.01
#: The check-in list a new event gets.
DEFAULT_LIST = "Entrance"
#: A run on another computer with no part written for this long is taken as crashed.
STALE_AFTER = timedelta(minutes=10)
#: Runs this process is writing (a run of this process not listed here died with an error).
_ACTIVE: set[int] = set()
T = TypeVar("T")
#: When the last import transaction of this process ended (see transaction).
_last_end = [0.0]


@dataclass(frozen=True)
class Run:
    """What the importer needs of its run: where to stage and where the guests go."""

    id: int
    staging_event_id: int
    #: The event the guests go to; None while the staging event is to become that event.
    event_id: int | None

    @property
    def final_event_id(self) -> int:
        return self.event_id if self.event_id is not None else self.staging_event_id


def start_run(session: Session, target: Event | None, slug: str, name: str, file: str) -> Run:
    """Create the run and its staging event in the caller's transaction. ``target`` None: a new
    event, which the staging event becomes on publishing (with ``slug`` and ``name``)."""
    staging = Event(source=STAGING_SOURCE, slug=f"~import-{secrets.token_hex(8)}", name=name)
    session.add(staging)
    session.flush()
    if target is None:
        session.add(CheckInList(event_id=staging.id, name=DEFAULT_LIST, all_ticket_types=True))
    run = ImportRun(state=STAGING, staging_event_id=staging.id, event_id=target.id if target else None,
                    slug=slug, name=name, file=file[:255], owner=process_owner())
    session.add(run)
    session.flush()
    _ACTIVE.add(run.id)
    return Run(run.id, staging.id, run.event_id)


#: How an import runs one of its transactions: ``write(work)`` runs ``work(session)`` in a write
#: transaction of its own and returns its result (the window runs it on its writer lane).
Write = Callable[[Callable[[Session], T]], T]


def transaction(engine: Engine, work: Callable[[Session], T], *, durable: bool = True) -> T:
    """``work(session)`` in a write transaction of its own, begun at least WRITE_GAP_S after the
    previous one of an import ended. ``durable`` False: SQLite does not flush this commit to the
    disk (for staged rows: a power cut may lose the last ones, and the run is then discarded or
    finished from what it had; the next durable commit flushes them too)."""
    wait = _last_end[0] + WRITE_GAP_S - time.monotonic()
    if wait > 0:
        time.sleep(wait)
    lazy = not durable and engine.dialect.name == "sqlite"
    try:
        with engine.connect() as connection:
            raw = connection.connection.driver_connection
            if lazy:
                raw.execute("PRAGMA synchronous = NORMAL")
            try:
                with Session(connection, expire_on_commit=False) as session, session.begin():
                    return work(session)
            finally:
                if lazy:
                    raw.execute("PRAGMA synchronous = FULL")
    finally:
        _last_end[0] = time.monotonic()


def claim(session: Session, run_id: int, owner: str) -> bool:
    """Take over a dead run (its recorded owner ``owner``); False if another process was first."""
    claimed = session.execute(update(ImportRun).where(ImportRun.id == run_id, ImportRun.owner == owner)
                              .values(owner=process_owner(), heartbeat_at=utcnow())).rowcount == 1
    if claimed:
        _ACTIVE.add(run_id)
    return claimed


def beat(session: Session, run: Run) -> None:
    """Record, in the caller's transaction, that the run's process is alive and writing."""
    session.execute(update(ImportRun).where(ImportRun.id == run.id).values(heartbeat_at=utcnow()))


def stage_part(session: Session, run: Run, prepared: PreparedRows, updates: list[tuple[int, dict]]) -> list[int]:
    """Write one part in the caller's transaction: the new guests under the staging event (no
    search tokens yet) and the changes to stored guests; returns the new guests' ids."""
    ids = insert_prepared(session, run.staging_event_id, prepared)
    if updates:
        session.execute(insert(ImportStagedUpdate), [{"run_id": run.id, "registration_id": registration_id,
                                                      "fields": fields} for registration_id, fields in updates])
    beat(session, run)
    return ids


def release(run_id: int) -> None:
    """This process no longer writes the run (published, discarded, or given up)."""
    _ACTIVE.discard(run_id)


def dead_runs(engine: Engine) -> list[tuple[int, str, str]]:
    """(id, state, owner) of the runs whose importer died. One read when there are none (every start asks)."""
    with Session(engine.execution_options(sqlite_begin="DEFERRED")) as session, session.begin():
        runs = session.execute(select(ImportRun.id, ImportRun.state, ImportRun.owner, ImportRun.heartbeat_at)).all()
    return [(run_id, state, owner) for run_id, state, owner, beat_at in runs if not _alive(owner, beat_at, run_id)]


def process_owner() -> str:
    """This process, as "host pid start-time": a pid alone is reused."""
    return f"{socket.gethostname()} {os.getpid()} {_started(os.getpid())}"


def _alive(owner: str, heartbeat_at: object, run_id: int) -> bool:
    host, _, rest = owner.partition(" ")
    pid_text, _, started = rest.partition(" ")
    if host != socket.gethostname() or not pid_text.isdigit():
        return heartbeat_at is not None and utcnow() - heartbeat_at < STALE_AFTER  # type: ignore[operator]
    if owner == process_owner():
        return run_id in _ACTIVE
    return _started(int(pid_text)) == started and started != ""


def _started(pid: int) -> str:
    """When process ``pid`` started (clock ticks since boot, Linux), "" if it does not exist;
    elsewhere "?" for a living process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rpartition(")")[2].split()
        return "" if fields[0] in ("Z", "X") else fields[19]  # a zombie has died
    except FileNotFoundError:
        return ""
    except OSError:
        try:
            os.kill(pid, 0)
        except OSError:
            return ""
        return "?"
