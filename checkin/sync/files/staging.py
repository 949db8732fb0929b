"""Where an import's checked parts go: staged in short transactions of an import run
(:mod:`checkin.store.import_runs`), published at the end, or, for a dry run, nowhere."""
from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial
from typing import Any, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from checkin.store.database import Database
from checkin.store.import_publish import Remember, discard, publish
from checkin.store.import_runs import Run, Write, release, stage_part, start_run, transaction
from checkin.store.models import Event, TicketType
from checkin.store.registrations import PreparedRows, index_range

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Runs a function on the thread that writes (the window: its writer lane); returns its future.
Submit = Callable[[Callable[[], T]], "Future[T]"]


def writer(database: Database, submit: Submit | None) -> Write:
    """Runs one transaction on ``submit``'s thread (None: this one) and returns its result."""
    if submit is None:
        return partial(transaction, database.engine)
    return lambda work: submit(partial(transaction, database.engine, work)).result()


class DryRun:
    """Writes nothing; new ticket types get made-up ids (below zero, matching no stored guest)."""

    staging_id = 0

    def __init__(self, target: Event | None):
        self.event_id = self.target_id = target.id if target is not None else None

    def create_types(self, names: list[str]) -> dict[str, int]:
        return {name: -1 - number for number, name in enumerate(names)}

    def stage(self, prepared: PreparedRows, updates: list[tuple[int, dict]]) -> None:
        pass

    def finish(self, remember: Remember) -> None:
        pass

    def abandon(self) -> None:
        pass


class Staging:
    """An import run: each part written in short transactions of its own (the new guests, then
    their search tokens) on ``submit``'s thread, while the next part is checked. The inserts run
    inside SQLite without Python's lock (see registrations.prepare_registrations), so both go on
    at once."""

    def __init__(self, database: Database, target: Event | None, slug: str, name: str, file: str,
                 submit: Submit | None = None):
        self._database = database
        self._executor = ThreadPoolExecutor(1, "checkin-import") if submit is None else None
        self._submit: Submit = submit or self._executor.submit
        self.run: Run = self._write(partial(start_run, target=target, slug=slug, name=name, file=file))
        #: The event the guests go to, the stored one (None: a new event) and where they wait.
        self.event_id, self.target_id = self.run.final_event_id, self.run.event_id
        self.staging_id = self.run.staging_event_id
        self._pending: Future[Any] | None = None

    def create_types(self, names: list[str]) -> dict[str, int]:
        def create(session: Session) -> dict[str, int]:
            types = [TicketType(event_id=self.run.staging_event_id, name=name) for name in names]
            session.add_all(types)
            session.flush()
            return {t.name: t.id for t in types}
        return self._write(create)

    def stage(self, prepared: PreparedRows, updates: list[tuple[int, dict]]) -> None:
        """Write the part on the writing thread while the caller checks the next one; raises
        what the previous part's writing raised."""
        self._wait()
        self._pending = self._submit(partial(self._stage, prepared, updates))

    def _stage(self, prepared: PreparedRows, updates: list[tuple[int, dict]]) -> None:
        transaction(self._database.engine, partial(_stage_and_index, run=self.run, prepared=prepared, updates=updates),
                    durable=False)

    def _wait(self) -> None:
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.result()

    def finish(self, remember: Remember) -> None:
        """Wait for the parts, then publish (raises PublishConflict: the caller abandons)."""
        self._wait()
        publish(self._database.engine, self.run.id, remember, self._write)
        self._close()

    def abandon(self) -> None:
        """Discard what was staged; if even that fails, the next start does it."""
        try:
            if self._pending is not None:
                self._pending.exception()
            discard(self._database.engine, self.run.id, self._write)
        except SQLAlchemyError as error:
            log.warning("import run %s left for the next start to discard: %s", self.run.id, error)
        finally:
            release(self.run.id)
            self._close()

    def _write(self, work: Callable[[Session], T]) -> T:
        return writer(self._database, self._submit)(work)

    def _close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True)


def _stage_and_index(session: Session, run: Run, prepared: PreparedRows, updates: list[tuple[int, dict]]) -> None:
    """One part in one short transaction; guests staged under their own (new) event are indexed too."""
    ids = stage_part(session, run, prepared, updates)
    if ids and run.event_id is None:
        index_range(session, run.staging_event_id, run.staging_event_id, ids[0], ids[-1])
