"""The desk's actions on the check-in log: scan, check in a found guest, walk-in, undo.

Each action is one transaction that is durable when it returns: what the desk shows as
done is on disk. The log is append-only; an undo is a new row.
"""
from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, insert, select
from sqlalchemy.orm import Session, selectinload

from checkin.core.decision import (
    Decision,
    Direction,
    Guest,
    GuestStatus,
    History,
    OTHER_EVENT_NAME,
    ListRules,
    Outcome,
    PriorCheckIn,
    decide,
    refused,
)
from checkin.core.names import display_name
from checkin.core.payload import MAX_CODE_LENGTH, EmptyPayload, PayloadError, PayloadRules, normalise_payload
from checkin.store.code_signing import screen_payload
from checkin.store.database import Database
from checkin.store.desk_collaborators import (
    DecisionReviewer,
    LoadedGuest,
    OnlineAnswer,
    OnlineAuthority,
    UnknownCodeResolver,
)
from checkin.store.log_notices import announce
from checkin.store.log_transaction import lock_registration, log_transaction
from checkin.store.models import (
    STAGING_SOURCE,
    CheckIn,
    CheckInList,
    Desk,
    Event,
    Registration,
    TicketType,
    UploadState,
    new_nonce,
    utcnow,
)
from checkin.store.registrations import insert_registrations, new_code

Clock = Callable[[], datetime]
_RULES_MAX_AGE_S = 5.0
_APPEND = insert(CheckIn.__table__)


@dataclass(frozen=True)
class ScanResult:
    decision: Decision
    check_in_id: int | None
    nonce: str | None
    registration_id: int | None
    code: str
    #: Decided on this desk's own copy while the venue database did not answer (store/venue_desk.py).
    offline: bool = False


@dataclass(frozen=True)
class UndoResult:
    undone_check_in_id: int
    undo_check_in_id: int
    name: str
    code: str


class DeskService:
    """One desk checking guests in on one event; collaborators come in through the constructor."""

    def __init__(
        self,
        database: Database,
        desk_id: str,
        desk_name: str,
        clock: Clock = utcnow,
        payload_rules: PayloadRules = PayloadRules(),
        unknown_code_resolvers: Sequence[UnknownCodeResolver] = (),
        decision_reviewers: Sequence[DecisionReviewer] = (),
        online: OnlineAuthority | None = None,
    ):
        self.database = database
        self.desk_id = desk_id
        self.desk_name = desk_name
        self.clock = clock
        self.payload_rules = payload_rules
        self.unknown_code_resolvers = tuple(unknown_code_resolvers)
        self.decision_reviewers = tuple(decision_reviewers)
        self.online = online
        self._list_rules: dict[int, tuple[float, int, ListRules]] = {}
        with database.session() as session:
            ensure_desk(session, desk_id, desk_name)

    def scan(self, event_id: int, list_id: int, payload: str | bytes, direction: Direction = Direction.ENTRY,
             source: str = "scan", nonce: str | None = None) -> ScanResult:
        """Decide a scanned or typed payload and record the answer, accepted or refused.

        ``nonce``: the row's, when another database may already hold this scan (a commit whose
        answer was lost): merged later, it then counts once."""
        try:
            code = normalise_payload(payload, self.payload_rules)
        except PayloadError as error:
            return self._refuse_payload(event_id, list_id, payload, error, direction, source)
        nonce = nonce or new_nonce()  # before asking online: a fallback keeps the nonce the server may have seen
        reading: Mapping[str, Any] = {}
        if self.online:
            code, reading = self._local_reading(event_id, code, direction)
        answer = self.online.redeem(list_id, code, direction, nonce, self.clock()) if self.online else None
        with log_transaction(self.database, nonce) as session:
            if answer is None:
                code, decision, registration_id = self._decide_code(session, event_id, list_id, code, direction)
            else:
                decision, registration_id = _server_decision(session, event_id, code, direction, answer)
            if reading:
                decision = dataclasses.replace(decision, extra={**decision.extra, **reading})
            state = UploadState.PENDING if answer is None else UploadState.UPLOADED
            check_in_id = self._insert(session, event_id, list_id, registration_id, code, decision, source, nonce,
                                       state)
        return ScanResult(decision, check_in_id, nonce, registration_id, code)

    def _local_reading(self, event_id: int, code: str, direction: Direction) -> tuple[str, Mapping[str, Any]]:
        """The code to ask the server about, with the facts of how it was read: the guest's own code
        when the event lacks the code as typed but a resolver that writes nothing reads it as one."""
        readers = [resolver for resolver in self.unknown_code_resolvers if getattr(resolver, "reads_only", False)]
        if not readers:
            return code, {}
        with self.database.reader() as session:
            if guest_by_code(session, event_id, code) is not None:
                return code, {}
            for reader in readers:
                found = reader(session, event_id, code, direction)
                if found is not None and found.guest is not None:
                    return found.guest.guest.code, found.extra
        return code, {}

    def _refuse_payload(self, event_id: int, list_id: int, payload: str | bytes, error: PayloadError,
                        direction: Direction, source: str) -> ScanResult:
        """A payload that is no code: recorded as refused, unless nothing at all was scanned."""
        raw = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        decision = refused(Outcome.INVALID_CODE, str(error), direction)
        if isinstance(error, EmptyPayload):  # nothing, or only invisible characters: no scan at all
            return ScanResult(decision, None, None, None, "")
        return self._record(event_id, list_id, raw, decision, source)

    def _decide_code(self, session: Session, event_id: int, list_id: int, code: str,
                     direction: Direction) -> tuple[str, Decision, int | None]:
        """The offline decision on a code: the event's registrations, then the resolvers, then the rules."""
        code, refusal = screen_payload(session, event_id, code, direction)
        guest = None if refusal else guest_by_code(session, event_id, code)
        extra: Mapping[str, Any] = {}
        if guest is None and refusal is None:
            guest, refusal, extra = self._ask_resolvers(session, event_id, code, direction)
        decision = refusal or self._decide_guest(session, guest, list_id, direction)
        if extra:
            decision = dataclasses.replace(decision, extra={**decision.extra, **extra})
        return code, decision, guest.registration_id if guest else None

    def check_in_registration(self, registration_id: int, list_id: int, direction: Direction = Direction.ENTRY,
                              source: str = "search", nonce: str | None = None) -> ScanResult:
        """Check in a guest found by name (no code scanned); ``nonce`` as for :meth:`scan`."""
        nonce = nonce or new_nonce()
        with log_transaction(self.database, nonce) as session:
            # The guest's row lock, held until the commit: see checkin.store.log_transaction.
            registration = session.get(Registration, registration_id, with_for_update=True)
            if registration is None:
                raise LookupError(f"no registration {registration_id}")
            decision = self._decide(session, registration, list_id, direction)
            check_in_id = self._insert(session, registration.event_id, list_id, registration.id, registration.code,
                                       decision, source, nonce)
        return ScanResult(decision, check_in_id, nonce, registration.id, registration.code)

    def walk_in(self, event_id: int, list_id: int, *, given_name: str, family_name: str, company: str = "",
                email: str = "", ticket_type_id: int | None = None, title: str = "") -> ScanResult:
        """Register a guest on the spot and check them in at once, marked as a walk-in."""
        if not (given_name.strip() or family_name.strip()):
            raise ValueError("A walk-in needs a name.")
        fields = {
            "source": "walk_in", "code": new_code(), "title": title.strip(), "given_name": given_name.strip(),
            "family_name": family_name.strip(), "company": company.strip(), "email": email.strip(),
            "ticket_type_id": ticket_type_id, "walk_in": True, "status": GuestStatus.VALID.value,
        }
        nonce = new_nonce()
        # A new registration no other desk can see before the commit: nothing to lock.
        with log_transaction(self.database, nonce) as session:
            [registration_id] = insert_registrations(session, event_id, [fields])
            announce(session, event_id, registrations=True)
            registration = session.get(Registration, registration_id)
            decision = self._decide(session, registration, list_id, Direction.ENTRY)
            check_in_id = self._insert(session, event_id, list_id, registration_id, registration.code, decision,
                                       "walk_in", nonce)
        return ScanResult(decision, check_in_id, nonce, registration_id, fields["code"])

    def undo_last(self, list_id: int) -> UndoResult | None:
        """Undo this desk's most recent accepted check-in on the list, if any."""
        with log_transaction(self.database) as session:
            last = session.scalar(
                _effective(select(CheckIn))
                .where(CheckIn.check_in_list_id == list_id, CheckIn.desk_id == self.desk_id)
                .order_by(CheckIn.happened_at.desc(), CheckIn.id.desc())
                .limit(1)
                .with_for_update()
            )
            return self._undo(session, last) if last else None

    def undo(self, check_in_id: int) -> UndoResult | None:
        """Undo one accepted check-in (from the guest's details); None if already undone or refused."""
        with log_transaction(self.database) as session:
            row = session.get(CheckIn, check_in_id, with_for_update=True)
            if row is None or row.outcome != Outcome.OK or row.reverted_by_id is not None:
                return None
            return self._undo(session, row)

    def _undo(self, session: Session, row: CheckIn) -> UndoResult:
        if row.registration_id is not None:  # an undo writes the guest's history too: same lock, same order
            lock_registration(session, row.registration_id)
        undo_row = CheckIn(
            event_id=row.event_id, registration_id=row.registration_id, raw_code=row.raw_code,
            check_in_list_id=row.check_in_list_id, desk_id=self.desk_id, direction=row.direction,
            happened_at=self.clock(), source="undo", outcome=Outcome.UNDO.value,
        )
        session.add(undo_row)
        session.flush()
        announce(session, row.event_id)
        row.reverted_by_id = undo_row.id
        name = row.registration.display_name if row.registration else row.raw_code
        return UndoResult(row.id, undo_row.id, name, row.raw_code)

    def _decide(self, session: Session, registration: Registration, list_id: int, direction: Direction) -> Decision:
        return self._decide_guest(session, LoadedGuest(registration.id, registration.event_id, guest_of(registration)),
                                  list_id, direction)

    def _decide_guest(self, session: Session, loaded: LoadedGuest, list_id: int, direction: Direction) -> Decision:
        list_event_id, rules = self._rules_of_list(session, list_id)
        if list_event_id != loaded.event_id:
            raise LookupError(f"check-in list {list_id} is not a list of this event")
        history = history_of(session, loaded.registration_id, list_id)
        decision = decide(loaded.guest, rules, history, self.clock(), direction)
        for reviewer in self.decision_reviewers:
            decision = reviewer(session, decision, loaded, list_id, history, self.clock())
        return decision

    def _ask_resolvers(self, session: Session, event_id: int, code: str,
                       direction: Direction) -> tuple[LoadedGuest | None, Decision | None, Mapping[str, Any]]:
        for resolver in self.unknown_code_resolvers:
            found = resolver(session, event_id, code, direction)
            if found is not None and (found.guest is not None or found.refusal is not None):
                return found.guest, found.refusal, found.extra
        return None, _unknown(session, event_id, code, direction), {}

    def _rules_of_list(self, session: Session, list_id: int) -> tuple[int, ListRules]:
        """A list's rules, read again at most every few seconds: a sync may change them, a scan may not wait."""
        now = time.monotonic()
        cached = self._list_rules.get(list_id)
        if cached is None or now - cached[0] > _RULES_MAX_AGE_S:
            check_in_list = session.get(CheckInList, list_id, options=[selectinload(CheckInList.ticket_types)])
            if check_in_list is None:
                raise LookupError(f"no check-in list {list_id}")
            cached = (now, check_in_list.event_id, rules_of(check_in_list))
            self._list_rules[list_id] = cached
        return cached[1], cached[2]

    def _record(self, event_id: int, list_id: int, raw: str, decision: Decision,
                source: str) -> ScanResult:
        nonce = new_nonce()
        with log_transaction(self.database, nonce) as session:
            check_in_id = self._insert(session, event_id, list_id, None, raw, decision, source, nonce)
        return ScanResult(decision, check_in_id, nonce, None, "")

    def _insert(self, session: Session, event_id: int, list_id: int, registration_id: int | None, code: str,
                decision: Decision, source: str, nonce: str,
                upload_state: UploadState = UploadState.PENDING) -> int:
        """Append one row to the log (Core: the ORM's unit of work costs more than the insert).

        The only place a scan, check-in or walk-in enters the log; a row the server already
        decided online is born uploaded."""
        uploaded_at = utcnow() if upload_state is UploadState.UPLOADED else None
        announce(session, event_id)
        result = session.connection().execute(_APPEND, dict(
            nonce=nonce, event_id=event_id, registration_id=registration_id,
            raw_code=_printable(code[:MAX_CODE_LENGTH]), check_in_list_id=list_id, desk_id=self.desk_id,
            direction=decision.direction.value, happened_at=self.clock(), source=source,
            outcome=decision.outcome.value, upload_state=upload_state.value, upload_error="",
            uploaded_at=uploaded_at, explanation=decision.extra.get("explanation"),
        ))
        return result.inserted_primary_key[0]


def ensure_desk(session: Session, desk_id: str, name: str) -> Desk:
    desk = session.get(Desk, desk_id)
    if desk is None:
        taken = session.scalar(select(Desk).where(Desk.name == name))
        desk = Desk(id=desk_id, name=name if taken is None else f"{name} ({desk_id[:8]})")
        session.add(desk)
        session.flush()
    return desk


def guest_of(registration: Registration) -> Guest:
    ticket_type: TicketType | None = registration.ticket_type
    return Guest(
        code=registration.code, name=registration.display_name or registration.code,
        status=GuestStatus(registration.status), ticket_type_id=registration.ticket_type_id,
        ticket_type=ticket_type.name if ticket_type else "", company=registration.company,
        attention=registration.attention, attention_text=registration.attention_text,
        valid_from=registration.valid_from, valid_until=registration.valid_until,
    )


def rules_of(check_in_list: CheckInList) -> ListRules:
    return ListRules(
        name=check_in_list.name,
        ticket_type_ids=None if check_in_list.all_ticket_types else frozenset(t.id for t in check_in_list.ticket_types),
        allow_multiple_entries=check_in_list.allow_multiple_entries,
        allow_entry_after_exit=check_in_list.allow_entry_after_exit,
        include_unpaid=check_in_list.include_unpaid,
        opens_at=check_in_list.opens_at, closes_at=check_in_list.closes_at,
    )


def history_of(session: Session, registration_id: int, list_id: int) -> History:
    rows = session.connection().execute(_HISTORY, {"registration_id": registration_id, "list_id": list_id}).all()
    prior = [PriorCheckIn(happened_at, desk, Direction(direction)) for happened_at, desk, direction in rows]
    first_entry = next((p for p in prior if p.direction is Direction.ENTRY), None)
    return History(last=prior[-1] if prior else None, first_entry=first_entry, entries=tuple(prior))


def _effective(statement: Select[Any]) -> Select[Any]:
    """Accepted check-ins that were not undone."""
    return statement.where(CheckIn.outcome == Outcome.OK.value, CheckIn.reverted_by_id.is_(None))


_GUEST_COLUMNS = (
    Registration.id, Registration.event_id, Registration.code, Registration.title, Registration.given_name,
    Registration.family_name, Registration.status, Registration.ticket_type_id, TicketType.name,
    Registration.company, Registration.attention, Registration.attention_text, Registration.valid_from,
    Registration.valid_until,
)


# Built once: composing a statement costs more than SQLite takes to run it.
_GUEST_BY_CODE = (
    select(*_GUEST_COLUMNS).outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
    .where(Registration.event_id == bindparam("event_id"), Registration.code == bindparam("code"))
)
_GUEST_BY_CODE_LOCKED = _GUEST_BY_CODE.with_for_update(of=Registration)
_HISTORY = (
    _effective(select(CheckIn.happened_at, Desk.name, CheckIn.direction).join(Desk))
    .where(CheckIn.registration_id == bindparam("registration_id"), CheckIn.check_in_list_id == bindparam("list_id"))
    .order_by(CheckIn.happened_at, CheckIn.id)
)


def guest_by_code(session: Session, event_id: int, code: str) -> LoadedGuest | None:
    """The guest a code belongs to, as plain columns: a scan needs no ORM object."""
    # FOR UPDATE takes the guest's row lock, held until the scan commits: a second desk waits,
    # then reads the winner's check-in (checkin.store.log_transaction says why that holds).
    # SQLite's BEGIN IMMEDIATE already serialises all writers.
    statement = _GUEST_BY_CODE if session.get_bind().dialect.name == "sqlite" else _GUEST_BY_CODE_LOCKED
    row = session.connection().execute(statement, {"event_id": event_id, "code": code}).first()
    if row is None:
        return None
    (registration_id, row_event_id, row_code, title, given, family, status, ticket_type_id, ticket_type, company,
     attention, attention_text, valid_from, valid_until) = row
    name = display_name(title, given, family, fallback=row_code)
    guest = Guest(
        code=row_code, name=name, status=GuestStatus(status), ticket_type_id=ticket_type_id,
        ticket_type=ticket_type or "", company=company, attention=attention, attention_text=attention_text,
        valid_from=valid_from, valid_until=valid_until,
    )
    return LoadedGuest(registration_id, row_event_id, guest)


def _server_decision(session: Session, event_id: int, code: str, direction: Direction,
                     answer: OnlineAnswer) -> tuple[Decision, int | None]:
    """The server's answer as the desk shows it: the local guest where we have them."""
    loaded = guest_by_code(session, event_id, code)
    guest = loaded.guest if loaded else answer.guest
    if answer.outcome is Outcome.OK:
        message = f"{'Welcome' if direction is Direction.ENTRY else 'Goodbye'}, {guest.name}."
    else:
        message = answer.refusal_text
    decision = Decision(answer.outcome, message, guest, None, direction, {"online": True})
    return decision, loaded.registration_id if loaded else None


def _unknown(session: Session, event_id: int, code: str, direction: Direction) -> Decision:
    other_event = session.scalar(
        select(Event.name).join(Registration, Registration.event_id == Event.id)
        # Event by event through the unique (event, code) index: a desk holds a handful of events.
        .where(Registration.event_id.in_(select(Event.id).where(Event.id != event_id, Event.source != STAGING_SOURCE)),
               Registration.code == code)
        .limit(1)
    )
    if other_event:
        return refused(Outcome.OTHER_EVENT, f"This ticket is for another event: {other_event}.", direction,
                       {OTHER_EVENT_NAME: other_event})
    return refused(Outcome.UNKNOWN, "Unknown code: no registration has this code.", direction)


def _printable(text: str) -> str:
    return "".join(ch if ch.isprintable() else "\ufffd" for ch in text)
