"""Decides whether a guest may pass a check-in list, with pretix's semantics."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

#: ``extra`` keys of a refusal for the validity window: the moment as ISO 8601, so the desk can say
#: it in its own language and time zone (``message`` is the English sentence for logs and the CLI).
NOT_BEFORE, NOT_AFTER = "not_before", "not_after"
#: ``extra`` key of an OTHER_EVENT refusal: that event's name.
OTHER_EVENT_NAME = "other_event"


class Outcome(StrEnum):
    OK = "ok"
    ALREADY_CHECKED_IN = "already_checked_in"
    UNKNOWN = "unknown"
    INVALID_CODE = "invalid_code"
    OTHER_EVENT = "other_event"
    REVOKED = "revoked"
    CANCELLED = "cancelled"
    UNPAID = "unpaid"
    NOT_VALID_FOR_LIST = "not_valid_for_list"
    NOT_YET_VALID = "not_yet_valid"
    NO_LONGER_VALID = "no_longer_valid"
    #: The list's custom entry rules (pretix's check-in rules) refuse this entry now.
    ENTRY_NOT_PERMITTED = "entry_not_permitted"
    #: An undo row in the check-in log; never the answer to a scan.
    UNDO = "undo"


#: Key of ``Decision.extra``: the guest had no effective entry on the list when the exit was recorded.
NEVER_ENTERED = "never_entered"


class Severity(StrEnum):
    """What the desk shows: green, amber or red."""

    OK = "ok"
    WARNING = "warning"
    REFUSED = "refused"


class Direction(StrEnum):
    ENTRY = "entry"
    EXIT = "exit"


class GuestStatus(StrEnum):
    VALID = "valid"
    UNPAID = "unpaid"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Guest:
    """What the decision needs to know about a registration."""

    code: str
    name: str
    status: GuestStatus = GuestStatus.VALID
    ticket_type_id: int | None = None
    ticket_type: str = ""
    company: str = ""
    attention: bool = False
    attention_text: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    revoked: bool = False


@dataclass(frozen=True)
class ListRules:
    """A check-in list: an entrance, a day or a session."""

    name: str = ""
    #: ``None`` admits every ticket type.
    ticket_type_ids: frozenset[int] | None = None
    allow_multiple_entries: bool = False
    allow_entry_after_exit: bool = True
    include_unpaid: bool = False
    opens_at: datetime | None = None
    closes_at: datetime | None = None


@dataclass(frozen=True)
class PriorCheckIn:
    happened_at: datetime
    desk: str
    direction: Direction


@dataclass(frozen=True)
class History:
    """The guest's effective (accepted, not undone) check-ins on the list."""

    last: PriorCheckIn | None = None
    first_entry: PriorCheckIn | None = None
    #: All of them, oldest first (pretix's check-in rules count them).
    entries: tuple[PriorCheckIn, ...] = ()


@dataclass(frozen=True)
class Decision:
    outcome: Outcome
    message: str
    guest: Guest | None = None
    previous: PriorCheckIn | None = None
    direction: Direction = Direction.ENTRY
    extra: dict = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.outcome is Outcome.OK

    @property
    def exit_without_entry(self) -> bool:
        """An exit recorded for a guest who never entered: pretix records it, but a desk left in
        exit mode by mistake looks exactly like this, so the desk is warned."""
        return self.outcome is Outcome.OK and self.direction is Direction.EXIT and bool(self.extra.get(NEVER_ENTERED))

    @property
    def severity(self) -> Severity:
        if self.outcome is Outcome.OK:
            warn = self.exit_without_entry or bool(self.guest and self.guest.attention)
            return Severity.WARNING if warn else Severity.OK
        if self.outcome is Outcome.ALREADY_CHECKED_IN:
            return Severity.WARNING
        return Severity.REFUSED


def decide(
    guest: Guest | None,
    rules: ListRules,
    history: History,
    now: datetime,
    direction: Direction = Direction.ENTRY,
) -> Decision:
    """The answer for one scan; checks run in pretix's order."""
    if guest is None:
        return Decision(Outcome.UNKNOWN, "Unknown code: no registration has this code.", direction=direction)
    refusal = _refusal(guest, rules, now)
    if refusal is not None:
        outcome, message = refusal
        return Decision(outcome, message, guest, history.last, direction, _validity(outcome, guest, rules))
    if direction is Direction.ENTRY and _already_in(rules, history):
        previous = history.last if history.last and history.last.direction is Direction.ENTRY else history.first_entry
        when = previous.happened_at.astimezone().strftime("%H:%M") if previous else "?"
        where = previous.desk if previous else "?"
        return Decision(
            Outcome.ALREADY_CHECKED_IN,
            f"Already checked in at {when} at desk {where}.",
            guest,
            previous,
            direction,
        )
    if direction is Direction.EXIT and history.first_entry is None:
        return Decision(Outcome.OK, f"{guest.name} was never checked in. Is this desk in exit mode by mistake?",
                        guest, history.last, direction, {NEVER_ENTERED: True})
    verb = "Welcome" if direction is Direction.ENTRY else "Goodbye"
    return Decision(Outcome.OK, f"{verb}, {guest.name}.", guest, history.last, direction)


def _refusal(guest: Guest, rules: ListRules, now: datetime) -> tuple[Outcome, str] | None:
    if guest.revoked:
        return Outcome.REVOKED, "This ticket code has been revoked (the ticket was re-issued)."
    if guest.status is GuestStatus.CANCELLED:
        return Outcome.CANCELLED, "This registration is cancelled."
    if rules.ticket_type_ids is not None and guest.ticket_type_id not in rules.ticket_type_ids:
        ticket = guest.ticket_type or "This ticket type"
        return Outcome.NOT_VALID_FOR_LIST, f"{ticket} is not valid for {rules.name or 'this list'}."
    if guest.status is GuestStatus.UNPAID and not rules.include_unpaid:
        return Outcome.UNPAID, "This registration is not paid."
    not_before = _latest(guest.valid_from, rules.opens_at)
    if not_before is not None and now < not_before:
        return Outcome.NOT_YET_VALID, f"Not valid before {not_before.astimezone():%Y-%m-%d %H:%M}."
    not_after = _earliest(guest.valid_until, rules.closes_at)
    if not_after is not None and now > not_after:
        return Outcome.NO_LONGER_VALID, f"No longer valid since {not_after.astimezone():%Y-%m-%d %H:%M}."
    return None


def _validity(outcome: Outcome, guest: Guest, rules: ListRules) -> dict:
    if outcome is Outcome.NOT_YET_VALID:
        return {NOT_BEFORE: _latest(guest.valid_from, rules.opens_at).isoformat()}
    if outcome is Outcome.NO_LONGER_VALID:
        return {NOT_AFTER: _earliest(guest.valid_until, rules.closes_at).isoformat()}
    return {}


def _already_in(rules: ListRules, history: History) -> bool:
    if rules.allow_multiple_entries or history.first_entry is None:
        return False
    if history.last is not None and history.last.direction is Direction.EXIT:
        return not rules.allow_entry_after_exit
    return True


def _latest(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment is not None]
    return max(present) if present else None


def _earliest(*moments: datetime | None) -> datetime | None:
    present = [moment for moment in moments if moment is not None]
    return min(present) if present else None


def refused(outcome: Outcome, message: str, direction: Direction = Direction.ENTRY,
            extra: dict | None = None) -> Decision:
    """A decision made before any lookup (a malformed payload, a code of another event)."""
    return Decision(outcome, message, direction=direction, extra=extra or {})
