"""Offline scans with pretix's semantics on top of the desk service.

What the last pull brought is decided by :class:`DeskService` (order status, the list's products,
multiple entries, entry after exit). Three things only pretix tickets have are decided here: a code
on the server's revocation list is refused; a ``pretix_sig1`` ticket missing from the local data
(bought after the last pull) is admitted when the event's key signed it, a forged or altered one is
refused; and the check-in list's custom rules (see rules.py) refuse what pretix would refuse.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Decision, Direction, GuestStatus, History, Outcome, refused
from checkin.store.database import Database
from checkin.store.desk import DeskService, LoadedGuest, guest_by_code
from checkin.store.models import RevokedSecret, TicketType
from checkin.store.registrations import insert_registrations
from checkin.sync.pretix.connection import sync_state
from checkin.sync.pretix.rule_check import EntryRules
from checkin.sync.pretix.signatures import SignedTicket, load_keys, looks_signed, verify


class PretixDeskService(DeskService):
    """A DeskService that also knows revoked secrets and signed tickets; same call signatures.

    Known codes take the plain desk's path untouched; only a code the local data lacks is looked
    up in the revocation list and checked for a signature, in the scan's own transaction. A list
    with custom rules has them applied to every entry the plain desk would admit.
    """

    def __init__(self, database: Database, *args: object, **options: object):
        super().__init__(database, *args, **options)
        self.entry_rules = EntryRules()

    def _review(self, session: Session, decision: Decision, loaded: LoadedGuest, list_id: int,
                history: History) -> Decision:
        return self.entry_rules.apply(session, decision, loaded.registration_id, list_id, self.clock(),
                                      history.entries)

    def _resolve_unknown(self, session: Session, event_id: int, code: str,
                         direction: Direction) -> tuple[LoadedGuest | None, Decision | None]:
        revoked = session.scalar(select(RevokedSecret.id).where(
            RevokedSecret.event_id == event_id, RevokedSecret.secret == code).limit(1)) is not None
        if revoked:
            return None, refused(Outcome.REVOKED, "This ticket code has been revoked (the ticket was re-issued).",
                                 direction)
        keys = load_keys((sync_state(session, event_id, "event").data or {}).get("valid_keys", []))
        ticket = verify(code, keys)
        if ticket is not None:
            _add_signed_ticket(session, event_id, code, ticket)
            return guest_by_code(session, event_id, code), None
        if looks_signed(code):
            return None, refused(Outcome.INVALID_CODE, "Forged or altered ticket: its signature is not valid.",
                                 direction)
        return None, None


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
