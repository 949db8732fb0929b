"""Publishes what an import run staged, or discards it, in short transactions
(see :mod:`checkin.store.import_runs`).

A run into a new event publishes in one tiny transaction: its staging event becomes the event.
A run into an existing event first moves its new ticket types and checks that no staged code
was taken meanwhile (state ``publishing`` from then on), then applies the staged changes and
moves the new guests part by part, each part's search tokens written under the event in the
same transaction. Each step picks up whatever is left, so a run that died while publishing is
finished by running the same steps again.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from sqlalchemy import Engine, delete, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from checkin.store.import_runs import (DEFAULT_LIST, FILE_SOURCE, PUBLISHING, Run, Write, beat, claim, dead_runs,
                                       release, transaction)
from checkin.store.models import CheckInList, Event, ImportRun, ImportStagedUpdate, Registration, TicketType
from checkin.store.registrations import drop_tokens, index_range, reindex

log = logging.getLogger(__name__)

#: Guests moved or deleted per transaction; staged changes applied per transaction.
_PART = 2500
_UPDATES = 1000
#: ``remember(session, event_id)``: what the importer keeps with the published event (the
#: file's column mapping), in the publishing transaction.
Remember = Callable[[Session, int], None]


class PublishConflict(Exception):
    """Something the run would publish was taken meanwhile (codes, the event's name, a type's name)."""

    def __init__(self, message: str, codes: list[str] | None = None):
        super().__init__(message)
        self.codes = codes or []


def publish(engine: Engine, run_id: int, remember: Remember | None = None, write: Write | None = None) -> None:
    """Publish the run's staged guests and changes. Raises PublishConflict (nothing published:
    the caller discards the run)."""
    write = write or partial(transaction, engine)
    run = write(partial(_start_publishing, run_id=run_id, remember=remember))
    if run is not None:
        _finish_publishing(run, remember, write)
    release(run_id)


def discard(engine: Engine, run_id: int, write: Write | None = None) -> None:
    """Delete everything the run staged, part by part, then the run. A run that has begun
    publishing is finished instead: part of it is visible already, and all of it was checked."""
    write = write or partial(transaction, engine)
    run = write(partial(_run, run_id=run_id))
    if run is not None and write(partial(_state, run_id=run_id)) == PUBLISHING:
        _finish_publishing(run, None, write)
    elif run is not None:
        while write(partial(_drop_part, staging_id=run.staging_event_id)):
            pass
        while write(partial(_drop_updates, run_id=run_id)):
            pass
        write(partial(_drop_run, run=run))
    release(run_id)


def recover(engine: Engine, write: Write | None = None) -> list[int]:
    """Discard the runs whose importer died while staging, finish those that died while
    publishing; returns their ids. A run that fails again is logged and left for the next start."""
    write = write or partial(transaction, engine)
    done = []
    for run_id, _state, owner in dead_runs(engine):
        try:
            if not write(partial(_claim, run_id=run_id, owner=owner)):
                continue
            discard(engine, run_id, write)  # finishes it if it was publishing
            done.append(run_id)
        except (SQLAlchemyError, PublishConflict) as error:
            log.warning("could not recover import run %s: %s", run_id, error)
        finally:
            release(run_id)
    return done


def _claim(session: Session, run_id: int, owner: str) -> bool:
    return claim(session, run_id, owner)


def _run(session: Session, run_id: int) -> Run | None:
    row = session.get(ImportRun, run_id)
    return None if row is None else Run(row.id, row.staging_event_id, row.event_id)


def _state(session: Session, run_id: int) -> str | None:
    return session.scalar(select(ImportRun.state).where(ImportRun.id == run_id))


def _start_publishing(session: Session, run_id: int, remember: Remember | None) -> Run | None:
    """A new event: publish it now (returns None). Else move the new ticket types, check the
    codes, mark the run as publishing and return it."""
    row = session.get(ImportRun, run_id)
    if row is None:
        return None
    staging = session.get(Event, row.staging_event_id)
    if row.event_id is None:
        if session.scalar(select(Event.id).where(Event.slug == row.slug)) is not None:
            raise PublishConflict(f"an event '{row.slug}' was created meanwhile")
        staging.source, staging.slug, staging.name, staging.purged_at = FILE_SOURCE, row.slug, row.name, None
        if remember is not None:
            remember(session, staging.id)
        session.delete(row)
        return None
    _check_free(session, row.staging_event_id, row.event_id)
    session.execute(update(TicketType).where(TicketType.event_id == row.staging_event_id)
                    .values(event_id=row.event_id))
    row.state = PUBLISHING
    return Run(row.id, row.staging_event_id, row.event_id)


def _check_free(session: Session, staging_id: int, event_id: int) -> None:
    taken = session.scalars(select(Registration.code).where(
        Registration.event_id == staging_id,
        Registration.code.in_(select(Registration.code).where(Registration.event_id == event_id))).limit(50)).all()
    if taken:
        raise PublishConflict("codes were given to other guests meanwhile: " + ", ".join(taken[:5]), list(taken))
    names = session.scalars(select(TicketType.name).where(
        TicketType.event_id == staging_id,
        TicketType.name.in_(select(TicketType.name).where(TicketType.event_id == event_id)))).all()
    if names:
        raise PublishConflict("ticket types were created meanwhile: " + ", ".join(names))


def _finish_publishing(run: Run, remember: Remember | None, write: Write) -> None:
    while write(partial(_apply_updates, run=run)):
        pass
    while write(partial(_move_part, run=run)):
        pass
    write(partial(_finish, run=run, remember=remember))


def _apply_updates(session: Session, run: Run) -> int:
    staged = session.execute(select(ImportStagedUpdate.registration_id, ImportStagedUpdate.fields)
                             .where(ImportStagedUpdate.run_id == run.id)
                             .order_by(ImportStagedUpdate.registration_id).limit(_UPDATES)).all()
    if not staged:
        return 0
    ids = [registration_id for registration_id, _fields in staged]
    by_id = {r.id: r for r in session.scalars(select(Registration).where(Registration.id.in_(ids)))}
    for registration_id, fields in staged:
        registration = by_id.get(registration_id)  # None: deleted meanwhile
        for key, value in (fields.items() if registration is not None else ()):
            setattr(registration, key, value)
    reindex(session, by_id.values())
    session.execute(delete(ImportStagedUpdate).where(ImportStagedUpdate.run_id == run.id,
                                                     ImportStagedUpdate.registration_id.in_(ids)))
    beat(session, run)
    return len(staged)


def _move_part(session: Session, run: Run) -> int:
    ids = _staged_ids(session, run.staging_event_id)
    if not ids:
        return 0
    index_range(session, run.staging_event_id, run.final_event_id, ids[0], ids[-1])
    session.execute(update(Registration).where(Registration.event_id == run.staging_event_id,
                                               Registration.id.between(ids[0], ids[-1]))
                    .values(event_id=run.final_event_id).execution_options(synchronize_session=False))
    beat(session, run)
    return len(ids)


def _staged_ids(session: Session, staging_id: int) -> list[int]:
    return list(session.scalars(select(Registration.id).where(Registration.event_id == staging_id)
                                .order_by(Registration.id).limit(_PART)))


def _finish(session: Session, run: Run, remember: Remember | None) -> None:
    event = session.get(Event, run.final_event_id)
    event.purged_at = None  # it holds personal data again: the retention reminder applies
    if session.scalar(select(CheckInList.id).where(CheckInList.event_id == event.id).limit(1)) is None:
        session.add(CheckInList(event_id=event.id, name=DEFAULT_LIST, all_ticket_types=True))
    if remember is not None:
        remember(session, event.id)
    _drop_run(session, run)


def _drop_part(session: Session, staging_id: int) -> int:
    rows = session.execute(select(Registration.id, Registration.search_keys).where(
        Registration.event_id == staging_id).order_by(Registration.id).limit(_PART)).all()
    if not rows:
        return 0
    drop_tokens(session, staging_id, rows)
    session.execute(delete(Registration).where(Registration.event_id == staging_id,
                                               Registration.id.between(rows[0][0], rows[-1][0])))
    return len(rows)


def _drop_updates(session: Session, run_id: int) -> int:
    ids = list(session.scalars(select(ImportStagedUpdate.registration_id).where(ImportStagedUpdate.run_id == run_id)
                               .limit(_PART)))
    if ids:
        session.execute(delete(ImportStagedUpdate).where(ImportStagedUpdate.run_id == run_id,
                                                         ImportStagedUpdate.registration_id.in_(ids)))
    return len(ids)


def _drop_run(session: Session, run: Run) -> None:
    """The staging event (empty by now, but for a discarded run's new types and list) and the run."""
    for model in (TicketType, CheckInList):
        session.execute(delete(model).where(model.event_id == run.staging_event_id))
    session.execute(delete(Event).where(Event.id == run.staging_event_id))
    session.execute(delete(ImportRun).where(ImportRun.id == run.id))
