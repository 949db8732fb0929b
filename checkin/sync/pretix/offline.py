"""pretix's offline semantics, as collaborators of the desk service.

What the last pull brought is decided by :class:`DeskService` (order status, the list's products,
multiple entries, entry after exit). Three things only pretix tickets have are decided here: a code
on the server's revocation list is refused; a ``pretix_sig1`` ticket missing from the local data
(bought after the last pull) is admitted when the event's key signed it, a forged or altered one is
refused (:class:`PretixTickets`, an unknown-code resolver); and the check-in list's custom rules
(see rules.py) refuse what pretix would refuse (:class:`PretixEntryRules`, a decision reviewer).
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Decision, Direction, GuestStatus, History, Outcome, refused
from checkin.core.payload import PayloadRules
from checkin.store.database import Database
from checkin.store.desk import Clock, DeskService, guest_by_code
from checkin.store.desk_collaborators import LoadedGuest, OnlineAuthority, Resolution, UnknownCodeResolver
from checkin.store.models import RevokedSecret, TicketType, utcnow
from checkin.store.registrations import insert_registrations
from checkin.sync.pretix.connection import sync_state
from checkin.sync.pretix.rule_check import EntryRules
from checkin.sync.pretix.signatures import SignedTicket, load_keys, looks_signed, verify

REVOKED = "This ticket code has been revoked (the ticket was re-issued)."
FORGED = "Forged or altered ticket: its signature is not valid."


def pretix_desk(database: Database, desk_id: str, desk_name: str, clock: Clock = utcnow, *,
                payload_rules: PayloadRules = PayloadRules(), online: OnlineAuthority | None = None,
                unknown_code_resolvers: Sequence[UnknownCodeResolver] = ()) -> DeskService:
    """A desk with pretix's semantics: revoked secrets and signed tickets are asked before any
    further resolver, the lists' custom rules review every decision; online first if given."""
    return DeskService(database, desk_id, desk_name, clock, payload_rules,
                       unknown_code_resolvers=[PretixTickets(), *unknown_code_resolvers],
                       decision_reviewers=[PretixEntryRules()], online=online)


class PretixTickets:
    """An unknown-code resolver: revoked secrets, then signed tickets the last pull did not bring."""

    def __call__(self, session: Session, event_id: int, code: str, direction: Direction) -> Resolution | None:
        if _revoked(session, event_id, code):
            return Resolution(refusal=refused(Outcome.REVOKED, REVOKED, direction))
        keys = load_keys((sync_state(session, event_id, "event").data or {}).get("valid_keys", []))
        ticket = verify(code, keys)
        if ticket is not None:
            _add_signed_ticket(session, event_id, code, ticket)
            return Resolution(guest=guest_by_code(session, event_id, code))
        if looks_signed(code):
            return Resolution(refusal=refused(Outcome.INVALID_CODE, FORGED, direction))
        return None


class PretixEntryRules:
    """A decision reviewer: the check-in list's custom rules, as pretix would apply them."""

    def __init__(self) -> None:
        self.entry_rules = EntryRules()  # its cache is per desk

    def __call__(self, session: Session, decision: Decision, loaded: LoadedGuest, list_id: int, history: History,
                 now: datetime) -> Decision:
        return self.entry_rules.apply(session, decision, loaded.registration_id, list_id, now, history.entries)


def _revoked(session: Session, event_id: int, code: str) -> bool:
    return session.scalar(select(RevokedSecret.id).where(
        RevokedSecret.event_id == event_id, RevokedSecret.secret == code).limit(1)) is not None


def _add_signed_ticket(session: Session, event_id: int, code: str, ticket: SignedTicket) -> None:
    """A registration for a valid signed ticket; the next pull fills in the name."""
    ticket_type_id = session.scalar(select(TicketType.id).where(
        TicketType.event_id == event_id, TicketType.external_id == str(ticket.item)))
    insert_registrations(session, event_id, [{
        "source": "pretix", "external_id": None, "code": code, "ticket_type_id": ticket_type_id,
        "status": GuestStatus.VALID.value, "valid_from": ticket.valid_from, "valid_until": ticket.valid_until,
        "notes": "Signed ticket not in the last download; the next sync fills in the name.",
        "raw": {"signed_ticket": True, "item": ticket.item, "variation": ticket.variation},
    }])
