"""A desk on a venue PostgreSQL that goes on checking guests in when the server stops answering.

:class:`VenueDesk` composes two desk services built the same way (the same factory, the same
resolvers and reviewers: one set of rules): one on the venue database, one on this desk's own
copy of the event (:mod:`checkin.store.venue_copy`). A scan goes to the venue database; when it
does not answer (``venue_timeout_s``, a lost connection) the same scan is decided on the copy
and recorded there with its own nonce and time, and the desk is *offline*. A scan whose commit
may have landed on the server keeps that commit's nonce, so it counts once either way.

While offline, scans go straight to the copy; every ``retry_s`` the next scan (or
:meth:`VenueDesk.maintain`) tries the server again (the window never lets a scan wait for that:
it probes off the writer lane and then calls ``maintain(force=True)``): first the
queue is merged (exactly once, by nonce: :func:`checkin.store.offline_merge.merge_offline`), then the
copy is refreshed, and only then does the desk decide on the server again, so a guest admitted
offline is known there before anyone scans them online. Guests admitted at two desks meanwhile
come back in the :class:`~checkin.store.offline_merge.MergeReport` and stay in the log for the
reconciliation (:mod:`checkin.store.double_admissions`).

Walk-ins and undo need the venue database (new registrations and rows already merged cannot
be made on a copy): offline they fail with a lost connection, nothing recorded.
"""
from __future__ import annotations

import dataclasses
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import DBAPIError

from checkin.core.payload import PayloadRules
from checkin.store.database import Database, ErrorKind, StoreOpenError, error_kind
from checkin.store.desk import DeskService, ScanResult, UndoResult
from checkin.store.log_transaction import ConnectionLost
from checkin.store.models import Desk, utcnow
from checkin.store.offline_merge import MergeReport, merge_offline
from checkin.store.venue_copy import VenueCopy

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class VenueState:
    """Where the desk stands with its venue database, for the window's banner and status bar."""

    offline: bool
    #: When the server stopped answering (None while online).
    since: datetime | None = None
    #: Check-ins recorded on the copy, waiting to be merged.
    queued: int = 0
    #: The merge that just brought the desk back (once).
    merged: MergeReport | None = None


StateListener = Callable[[VenueState], None]


@dataclass(frozen=True)
class VenueLater:
    """The desk service on the venue database, to be built once the server answers (a desk that
    started without it cannot read its event there, nor register itself)."""

    build: Callable[[], DeskService]
    database: Database
    desk_id: str
    desk_name: str
    payload_rules: PayloadRules


def is_lost_connection(error: BaseException) -> bool:
    return isinstance(error, (DBAPIError, StoreOpenError)) and error_kind(error) is ErrorKind.CONNECTION_LOST


class VenueDesk:
    """A desk service on the venue database with its copy to fall back on (same methods as DeskService)."""

    def __init__(self, venue: DeskService | VenueLater, local: Callable[[], DeskService], copy: VenueCopy,
                 event_id: int,
                 retry_s: float = 5.0, on_state: StateListener | None = None,
                 monotonic: Callable[[], float] = time.monotonic, offline_since: datetime | None = None):
        """``offline_since``: the server did not answer already (the desk started without it, or the
        desk of another event was offline): scans go to the copy until the server answers again."""
        self.copy, self.event_id = copy, event_id
        self._venue, self._later = (None, venue) if isinstance(venue, VenueLater) else (venue, None)
        self.venue_database, self.desk_id, self.desk_name = venue.database, venue.desk_id, venue.desk_name
        self._rules = venue.payload_rules
        self._make_local, self._local = local, None
        self.retry_s, self.on_state, self.monotonic = retry_s, on_state, monotonic
        self.state = VenueState(offline=offline_since is not None, since=offline_since, queued=copy.queue_length())
        self._next_try = monotonic() + retry_s if offline_since is not None else 0.0

    @property
    def offline(self) -> bool:
        return self.state.offline

    @property
    def venue(self) -> DeskService:
        """The desk service on the venue database (built at the first action that reaches the server)."""
        if self._venue is None:
            self._venue = self._later.build()
            self._venue.payload_rules = self._rules
        return self._venue

    @venue.setter
    def venue(self, service: DeskService) -> None:
        self._venue = service

    @property
    def payload_rules(self) -> PayloadRules:
        return self._rules

    @payload_rules.setter
    def payload_rules(self, rules: PayloadRules) -> None:
        self._rules = rules
        for service in (self._venue, self._local):
            if service is not None:
                service.payload_rules = rules

    # -- the desk's actions -----------------------------------------------------------------------
    def scan(self, event_id: int, list_id: int, payload: str | bytes, *args: Any, **kwargs: Any) -> ScanResult:
        return self._decide(lambda service, nonce: service.scan(event_id, list_id, payload, *args, nonce=nonce,
                                                               **kwargs))

    def check_in_registration(self, registration_id: int, list_id: int, *args: Any, **kwargs: Any) -> ScanResult:
        return self._decide(lambda service, nonce: service.check_in_registration(registration_id, list_id, *args,
                                                                                nonce=nonce, **kwargs))

    def walk_in(self, *args: Any, **kwargs: Any) -> ScanResult:
        return self._on_venue(lambda: self.venue.walk_in(*args, **kwargs))

    def undo(self, check_in_id: int) -> UndoResult | None:
        return self._on_venue(lambda: self.venue.undo(check_in_id))

    def undo_last(self, list_id: int) -> UndoResult | None:
        return self._on_venue(lambda: self.venue.undo_last(list_id))

    # -- keeping the copy and the link ------------------------------------------------------------
    def probe(self) -> bool:
        """Whether the venue database answers now; changes nothing, so any thread may ask (the window
        asks off the writer lane: a server that never answers costs ``venue_timeout_s`` there, not a scan)."""
        try:
            with self.venue_database.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
            return True
        except Exception as error:  # noqa: BLE001 - only a lost server is expected; the rest is reported
            if not is_lost_connection(error):
                raise
            return False

    def maintain(self, force: bool = False) -> VenueState:
        """Merge a waiting queue and refresh the copy (online), or try the server again (offline: when
        due, or at once with ``force``, after a :meth:`probe` said it answers)."""
        if self.state.offline and not force and self.monotonic() < self._next_try:
            return self.state
        try:
            self._reconnect()
        except Exception as error:  # noqa: BLE001 - only a lost server is expected; the rest is reported
            if not is_lost_connection(error):
                raise
            self._went_offline(error)
        return self.state

    def _decide(self, action: Callable[[DeskService, str | None], ScanResult]) -> ScanResult:
        if self.state.offline and self.monotonic() < self._next_try:
            return self._offline(action, None)
        try:
            if self.state.offline or self.state.queued:
                self._reconnect_before_deciding()
            return action(self.venue, None)
        except ConnectionLost as error:
            self._went_offline(error)
            return self._offline(action, error.nonce if error.maybe_recorded else None)
        except (DBAPIError, StoreOpenError) as error:
            if not is_lost_connection(error):
                raise
            self._went_offline(error)
            return self._offline(action, None)

    def _reconnect_before_deciding(self) -> None:
        """The queue reaches the server before the server decides again. A merge the server refuses
        for another reason than a lost connection (a guest deleted meanwhile) must not stop the
        desk: it is logged, the queue stays on the copy, and the desk decides on the server."""
        try:
            self._reconnect()
        except Exception as error:  # noqa: BLE001 - a lost server goes on to the caller below
            if is_lost_connection(error):
                raise
            log.exception("the queue of check-ins recorded offline could not be merged; it stays on the copy")

    def _on_venue(self, action: Callable[[], Any]) -> Any:
        if self.state.offline and self.monotonic() < self._next_try:
            raise ConnectionLost(f"The venue database {self.copy.describe()} does not answer; this needs it. "
                                 "Nothing was changed.")
        if self.state.offline or self.state.queued:
            self.maintain()
        return action()

    def _offline(self, action: Callable[[DeskService, str | None], ScanResult], nonce: str | None) -> ScanResult:
        if not self.copy.holds(self.event_id):
            raise ConnectionLost(f"The venue database {self.copy.describe()} does not answer, and this desk holds no "
                                 "copy of the event yet; nothing was recorded.")
        with self.copy.lock:
            if self._local is None:
                self._local = self._make_local()
                self._local.payload_rules = self._rules
            result = action(self._local, nonce)
        self._publish(dataclasses.replace(self.state, queued=self.copy.queue_length()))
        return dataclasses.replace(result, offline=True)

    def _reconnect(self) -> None:
        """Merge the queue, then refresh the copy; raises when the server still does not answer."""
        before = self.state  # another lane may find the server gone meanwhile: only this state is ours to end
        with self.copy.lock:
            report = merge_queue(self.copy, self.venue_database)
            self.copy.refresh(self.venue_database, self.event_id, self.desk_id)
        if self.state is not before:
            return
        if before.offline or report.merged or report.already_there:
            log.info("back on the venue database: %d merged, %d already there, %d double admissions",
                     report.merged, report.already_there, len(report.double_admissions))
            self._publish(VenueState(offline=False, merged=report))
        elif before.queued:
            self._publish(VenueState(offline=False))

    def _went_offline(self, error: BaseException) -> None:
        self._next_try = self.monotonic() + self.retry_s
        if not self.state.offline:
            log.warning("the venue database does not answer; deciding on this desk's copy: %s", error)
            self._publish(VenueState(offline=True, since=utcnow(), queued=self.copy.queue_length()))

    def _publish(self, state: VenueState) -> None:
        self.state = state
        if self.on_state is not None:
            self.on_state(state)


def merge_queue(copy: VenueCopy, venue: Database) -> MergeReport:
    """Merge the copy's queue into the venue database once, then take it out of the queue."""
    with copy.lock:
        rows = copy.queued()
        if not rows:
            return MergeReport(0, 0)
        with copy.local.reader() as session:
            desks = {desk.id: desk.name for desk in session.query(Desk).filter(
                Desk.id.in_({row["desk_id"] for row in rows}))}
        report = merge_offline(venue, rows, desks)
        copy.forget([row["nonce"] for row in rows])
        return report
