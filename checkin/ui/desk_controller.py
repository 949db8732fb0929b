"""The desk's actions as operations on the writer lane, reads on the read lane; answers come
back as signals, and every write publishes what it changed on the task manager's notifier.

Views call these methods and listen to the signals; nothing here blocks the UI thread.
Every action opens its own session on the lane (inside DeskService or below).

A database that fails an action (full disk, lock, lost venue server) is reported as a
:class:`DatabaseTrouble`, never as exception text; a lock is retried once by itself.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.orm import Session

from checkin.core.decision import Direction
from checkin.core.payload import PayloadRules
from checkin.store import guests, search, stats
from checkin.store.database import Database, ErrorKind, error_kind, is_database_error
from checkin.store.desk import DeskService, ScanResult, UndoResult
from checkin.store.desk_choice import remember, remembered
from checkin.store.desk_setup import DeskSetup, load_setup
from checkin.store.undo_target import UndoTarget, last_undoable
from checkin.ui.changes import CHECK_INS, NOTHING, REGISTRATIONS, Changes
from checkin.ui.operations import Job, Op
from checkin.ui.search_model import SEARCH_LIMIT
from checkin.ui.taskman import Lane, TaskManager

#: How long an action that met another program's lock waits before its one retry.
LOCK_RETRY_MS = 2000

log = logging.getLogger(__name__)


class Action(Enum):
    """What a failed request was about: it decides what the desk is told was (not) done."""

    CHECK_IN = "check_in"  # a scan, a check-in from search, a walk-in
    UNDO = "undo"
    OTHER = "other"  # loading the event, notes, organiser jobs
    READ = "read"  # counts, search, queued uploads: the status line only, no answer card


@dataclass(frozen=True)
class DatabaseTrouble:
    kind: ErrorKind
    action: Action
    #: The action is tried once more in LOCK_RETRY_MS.
    retrying: bool = False
    #: The connection broke at the commit: the check-in is saved whole or not at all.
    maybe_recorded: bool = False


class DeskController(QObject):
    #: The desk knows its event and list (or None: the database holds no event yet).
    setup_changed = Signal(object)
    #: A ScanResult: a scan, a check-in from search or details, or a walk-in.
    answered = Signal(object)
    #: An UndoResult, or None when there was nothing to undo.
    undone = Signal(object)
    #: A request failed; the text is for the desk.
    failed = Signal(str)
    #: The database failed a request (a DatabaseTrouble); the desk says what to do.
    database_trouble = Signal(object)
    #: An action succeeded after database trouble: the trouble is over.
    database_ok = Signal()

    def __init__(self, database: Database, desk_id: str, desk_name: str, payload_rules: PayloadRules,
                 tasks: TaskManager, parent: QObject | None = None, clock: Callable | None = None,
                 service_factory: Callable[..., DeskService] | None = None,
                 reading: Callable[[], Database] | None = None):
        super().__init__(parent)
        self.database = database
        #: Where the desk reads (on a lane): the database, or the venue copy while the server is away.
        self.reading = reading or (lambda: database)
        self.tasks = tasks
        self.desk_id, self.desk_name = desk_id, desk_name
        self.setup: DeskSetup | None = None
        self.direction = Direction.ENTRY
        self._service: DeskService | None = None
        self._service_event: int | None = None
        self._service_args = (database, desk_id, desk_name) + ((clock,) if clock else ())
        #: Builds the service for an event (e.g. pretix's online-first desk); plain DeskService without.
        self._service_factory = service_factory
        self._payload_rules = payload_rules
        self._loading = False
        #: (event slug, list id) as stored in the database for this desk.
        self._remembered: tuple[str, int] | None = None
        #: Scans that arrived while the event was still being read: answered once it is.
        self._waiting: list[str] = []
        self.in_trouble = False

    @property
    def ready(self) -> bool:
        return self.setup is not None and self._service is not None

    def load(self, event_slug: str = "", list_id: int = 0) -> None:
        """(Re)read the event and list; ``setup_changed`` follows."""
        self._loading = True
        self._submit(lambda: self._load(event_slug, list_id), self._loaded)

    def choose_list(self, list_id: int) -> None:
        if self.setup is not None and list_id != self.setup.list_id:
            self._set_setup(self.setup.with_list(list_id))

    def set_payload_rules(self, rules: PayloadRules) -> None:
        self._payload_rules = rules
        if self._service is not None:
            self._service.payload_rules = rules

    def scan(self, payload: str) -> None:
        setup, direction = self.setup, self.direction
        if setup is None and self._loading:
            self._waiting.append(payload)
            return
        if setup is None:
            self.failed.emit(self.tr("No event is open: open the demo event or import one first."))
            return
        self._act(Action.CHECK_IN, lambda: self._service.scan(setup.event_id, setup.list_id, payload, direction),
                  self._answered, CHECK_INS)

    def check_in(self, registration_id: int, source: str = "search") -> None:
        setup, direction = self.setup, self.direction
        if setup is None:
            return
        self._act(Action.CHECK_IN,
                  lambda: self._service.check_in_registration(registration_id, setup.list_id, direction, source),
                  self._answered, CHECK_INS)

    def walk_in(self, fields: dict[str, Any]) -> None:
        setup = self.setup
        if setup is None:
            return
        self._act(Action.CHECK_IN, lambda: self._service.walk_in(setup.event_id, setup.list_id, **fields),
                  self._answered, CHECK_INS | REGISTRATIONS)

    def undo_target(self, on_done: Callable[[UndoTarget | None], None]) -> None:
        """The check-in an undo would revert. On the writer lane: after scans still being written,
        so the question names the newest check-in."""
        setup = self.setup
        if setup is None:
            on_done(None)
            return

        def read() -> UndoTarget | None:
            with self.reading().reader() as session:
                return last_undoable(session, setup.list_id, self.desk_id)
        self._submit(read, on_done)

    def undo(self, check_in_id: int) -> None:
        self._act(Action.UNDO, lambda: self._service.undo(check_in_id), self.undone.emit, _undo_changes)

    def search(self, text: str, on_done: Callable[[list], None], limit: int = SEARCH_LIMIT) -> None:
        setup = self.setup
        if setup is None:
            on_done([])
            return
        self._read(lambda session: search.search(session, setup.event_id, text, list_id=setup.list_id, limit=limit),
                   on_done)

    def stats(self, on_done: Callable[[tuple], None]) -> None:
        setup = self.setup
        if setup is None:
            return
        self._read(lambda session: (
            stats.event_stats(session, setup.event_id, setup.list_id, setup.event_name, setup.list_name),
            stats.arrivals_per_quarter_hour(session, setup.list_id),
        ), on_done)

    def pending_uploads(self, on_done: Callable[[int], None]) -> None:
        self._read(stats.pending_uploads, on_done)

    def guest(self, registration_id: int, on_done: Callable[[guests.GuestDetails], None],
              owner: QObject | None = None) -> None:
        """The guest's details; dropped if ``owner`` (e.g. the guest dialog) is gone by then."""
        setup = self.setup
        if setup is not None:
            self._read(lambda session: guests.guest_details(session, registration_id, setup.list_id), on_done, owner)

    def save_notes(self, registration_id: int, notes: str, on_done: Callable[[None], None] | None = None) -> None:
        def write() -> None:
            with self.database.session() as session:
                guests.set_notes(session, registration_id, notes)
        self._submit(write, on_done, REGISTRATIONS)

    def run(self, task: Callable[[], Any], on_done: Callable[[Any], None], changes: Changes = NOTHING) -> None:
        """Any other database job (e.g. creating the demo event) on the writer lane."""
        self._submit(task, on_done, changes)

    def remember(self, setup: DeskSetup) -> None:
        """Keep the event and list in the database, for this desk (only when they changed)."""
        choice = (setup.event_slug, setup.list_id)
        if choice != self._remembered:
            self._remembered = choice
            if self.reading() is not self.database:
                return  # offline on the venue copy: the server learns the choice at the next change

            def write() -> None:
                with self.database.session() as session:
                    remember(session, self.desk_id, setup.event_id, setup.list_id)
            self._submit(write, lambda _none: None)

    def _load(self, event_slug: str, list_id: int) -> DeskSetup | None:
        with self.reading().reader() as session:
            if not event_slug:  # no event asked for: the one this desk chose in this database
                event_slug, list_id = self._remembered = remembered(session, self.desk_id) or ("", 0)
            setup = load_setup(session, event_slug, list_id)
        event_id = setup.event_id if setup else None
        if self._service is None or self._service_event != event_id:
            self._service = self._make_service(setup)
            self._service_event = event_id
        return setup

    def _make_service(self, setup: DeskSetup | None) -> DeskService:
        if self._service_factory is not None and setup is not None:
            return self._service_factory(setup, *self._service_args, payload_rules=self._payload_rules)
        return DeskService(*self._service_args, payload_rules=self._payload_rules)

    def _read(self, query: Callable[[Session], Any], on_done: Callable[[Any], None],
              owner: QObject | None = None) -> None:
        def task(_job: Job) -> Any:
            with self.reading().reader() as session:
                return query(session)
        Op(owner or self, task, lane=Lane.READER).success(on_done).failure(self._read_failed).run(self.tasks)

    def _submit(self, task: Callable[[], Any], on_done: Callable[[Any], None],
                changes: Changes | Callable[[Any], Changes] = NOTHING) -> None:
        Op(self, lambda _job: task(), lane=Lane.WRITER, changes=changes).success(on_done).failure(
            self._fail).run(self.tasks)

    def _act(self, action: Action, task: Callable[[], Any], on_done: Callable[[Any], None],
             changes: Changes | Callable[[Any], Changes], retries: int = 1) -> None:
        """A desk action on the writer lane; on a lock, tried once more (a failed transaction wrote nothing)."""
        def again() -> None:
            self._act(action, task, on_done, changes, retries - 1)

        Op(self, lambda _job: task(), lane=Lane.WRITER, changes=changes).success(
            lambda result: self._acted(on_done, result)).failure(
            lambda error: self._action_failed(action, error, again if retries > 0 else None)).run(self.tasks)

    def _acted(self, on_done: Callable[[Any], None], result: Any) -> None:
        if self.in_trouble:
            self.in_trouble = False
            self.database_ok.emit()
        on_done(result)

    def _action_failed(self, action: Action, error: BaseException, again: Callable[[], None] | None) -> None:
        if not is_database_error(error):
            self._fail(error)
            return
        kind = error_kind(error)
        retrying = kind is ErrorKind.LOCKED and again is not None
        self._report(error, DatabaseTrouble(kind, action, retrying, getattr(error, "maybe_recorded", False)))
        if retrying:
            QTimer.singleShot(LOCK_RETRY_MS, self, again)

    def _read_failed(self, error: BaseException) -> None:
        if is_database_error(error):
            self._report(error, DatabaseTrouble(error_kind(error), Action.READ))
        else:
            self._fail(error)

    def _report(self, error: BaseException, trouble: DatabaseTrouble) -> None:
        log.warning("database trouble (%s) during %s", trouble.kind.value, trouble.action.value, exc_info=error)
        self._loading = False
        self.in_trouble = True
        self.database_trouble.emit(trouble)

    def _fail(self, error: BaseException) -> None:
        if is_database_error(error):
            self._report(error, DatabaseTrouble(error_kind(error), Action.OTHER))
            return
        self._loading = False
        self.failed.emit(str(error) or type(error).__name__)

    def _loaded(self, setup: DeskSetup | None) -> None:
        self._loading = False
        self._set_setup(setup)
        waiting, self._waiting = self._waiting, []
        for payload in waiting:
            self.scan(payload)

    def _set_setup(self, setup: DeskSetup | None) -> None:
        self.setup = setup
        self.setup_changed.emit(setup)

    def _answered(self, result: ScanResult) -> None:
        self.answered.emit(result)


def _undo_changes(result: UndoResult | None) -> Changes:
    return NOTHING if result is None else CHECK_INS
