"""A check-in list's custom rules applied to one scan, from what the last pull stored.

pretix checks the rules after the ticket's status, product and validity, and before "already
checked in": a second entry the rules forbid is refused as "rules", not as a repeat. The
rules, the event's dates, its timezone and this device's gate are read once per list and
kept a few seconds (a sync may change them, a scan may not wait).
"""
from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Decision, Direction, Outcome, PriorCheckIn
from checkin.store.models import CheckInList, Event, Registration, TicketType
from checkin.sync.pretix.connection import sync_state
from checkin.sync.pretix.mapping import moment
from checkin.sync.pretix.rules import Entry, EventTimes, RuleError, Situation, permits
from checkin.sync.pretix.rule_words import sentence
from checkin.sync.pretix.rules_explain import explain_reasons

_MAX_AGE_S = 5.0
_HISTORY_WORDS = ("entries_", "entry_status", "minutes_since_")


@dataclass(frozen=True)
class ListSetup:
    rules: dict
    event: EventTimes
    gate: int | None
    #: Our ticket type id → pretix's product id.
    products: dict[int, int]
    uses_variation: bool
    #: Whether any rule counts entries (most do); a product, gate or time rule reads no history.
    uses_history: bool


class EntryRules:
    """Applies lists' rules to decisions; one per desk service (its cache is per desk)."""

    def __init__(self) -> None:
        self._setups: dict[int, tuple[float, ListSetup | None]] = {}

    def apply(self, session: Session, decision: Decision, registration_id: int, list_id: int,
              now: datetime, entries: Sequence[PriorCheckIn]) -> Decision:
        """The decision, or the rules' refusal where pretix would refuse with reason "rules".

        ``entries`` are the guest's accepted check-ins on the list, as the desk read them for the
        decision (oldest first): the rules count them without reading them again."""
        if decision.direction is not Direction.ENTRY or decision.outcome not in (Outcome.OK,
                                                                                  Outcome.ALREADY_CHECKED_IN):
            return decision
        setup = self._setup(session, list_id)
        if setup is None:
            return decision
        situation = _situation(session, setup, decision, registration_id, now, entries)
        try:
            if permits(setup.rules, situation):
                return decision
        except RuleError as error:
            message = (f"Entry not permitted: this desk cannot check the list's rules offline ({error}). "
                       "Ask the organisers; pretix decides it online.")
            return _refusal(decision, message, {"rules_error": str(error)})
        reasons = explain_reasons(setup.rules, situation)
        reason = sentence(reasons)
        return _refusal(decision, f"Entry not permitted: {reason}.",
                        {"rules_reason": reason, "rules_reasons": [[r.template, r.params] for r in reasons]})

    def _setup(self, session: Session, list_id: int) -> ListSetup | None:
        now = time.monotonic()
        cached = self._setups.get(list_id)
        if cached is None or now - cached[0] > _MAX_AGE_S:
            cached = (now, load_setup(session, list_id))
            self._setups[list_id] = cached
        return cached[1]


def load_setup(session: Session, list_id: int) -> ListSetup | None:
    """None when the list has no rules (most lists): the scan pays nothing more."""
    row = session.execute(select(CheckInList.rules, CheckInList.event_id).where(CheckInList.id == list_id)).first()
    if row is None or not row.rules:
        return None
    event = session.get(Event, row.event_id)
    data = sync_state(session, row.event_id, "event").data or {}
    products = {type_id: int(external) for type_id, external in session.execute(
        select(TicketType.id, TicketType.external_id).where(TicketType.event_id == row.event_id))
        if external and external.isdigit()}
    times = EventTimes(_zone(event.timezone), event.starts_at, event.ends_at, moment(data.get("date_admission")))
    text = json.dumps(row.rules)
    return ListSetup(row.rules, times, data.get("gate"), products, '"variation"' in text,
                     any(word in text for word in _HISTORY_WORDS))


def _situation(session: Session, setup: ListSetup, decision: Decision, registration_id: int, now: datetime,
               entries: Sequence[PriorCheckIn]) -> Situation:
    guest = decision.guest
    product = setup.products.get(guest.ticket_type_id) if guest and guest.ticket_type_id else None
    variation = _variation(session, registration_id) if setup.uses_variation else None
    history = tuple(Entry(p.happened_at, p.direction) for p in entries) if setup.uses_history else ()
    return Situation(now, setup.event, product, variation, setup.gate, history)


def _variation(session: Session, registration_id: int) -> int | None:
    """pretix's variation id, kept in the pulled position (a rule rarely asks for it)."""
    raw = session.scalar(select(Registration.raw).where(Registration.id == registration_id)) or {}
    value = raw.get("variation")
    return int(value) if isinstance(value, int) or (isinstance(value, str) and value.isdigit()) else None


def _refusal(decision: Decision, message: str, extra: dict) -> Decision:
    """The rules' refusal; its ``explanation`` goes into the log row and on to pretix's failed check-in."""
    explanation = extra.get("rules_reason") or message
    return Decision(Outcome.ENTRY_NOT_PERMITTED, message, decision.guest, decision.previous, decision.direction,
                    {**decision.extra, **extra, "explanation": explanation})


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")

