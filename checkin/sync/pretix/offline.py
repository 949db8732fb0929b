"""Offline scans with pretix's semantics on top of the desk service.

What the last pull brought is decided by :class:`DeskService` (order status, the list's products,
multiple entries, entry after exit). Two things only pretix tickets have are decided here: a code
on the server's revocation list is refused, and a ``pretix_sig1`` ticket missing from the local data
(bought after the last pull) is admitted when the event's key signed it; a forged or altered one is
refused.
"""
from __future__ import annotations

from sqlalchemy import select

from checkin.core.decision import Direction, GuestStatus, Outcome, refused
from checkin.core.payload import PayloadError, normalise_payload
from checkin.store.desk import DeskService, ScanResult
from checkin.store.models import RevokedSecret, TicketType
from checkin.store.registrations import find_by_code, insert_registrations
from checkin.sync.pretix.connection import sync_state
from checkin.sync.pretix.signatures import SignedTicket, load_keys, looks_signed, verify


class PretixDeskService(DeskService):
    """A DeskService that also knows revoked secrets and signed tickets; same call signatures."""

    def scan(self, event_id: int, list_id: int, payload: str | bytes, direction: Direction = Direction.ENTRY,
             source: str = "scan") -> ScanResult:
        try:
            code = normalise_payload(payload, self.payload_rules)
        except PayloadError:
            return super().scan(event_id, list_id, payload, direction, source)
        with self.database.reader() as session:
            if find_by_code(session, event_id, code) is not None:
                return super().scan(event_id, list_id, payload, direction, source)
            revoked = session.scalar(select(RevokedSecret.id).where(
                RevokedSecret.event_id == event_id, RevokedSecret.secret == code)) is not None
            keys = load_keys((sync_state(session, event_id, "event").data or {}).get("valid_keys", []))
        if revoked:
            return self._refuse(event_id, list_id, code, Outcome.REVOKED,
                                "This ticket code has been revoked (the ticket was re-issued).", direction, source)
        ticket = verify(code, keys)
        if ticket is not None:
            self._add_signed_ticket(event_id, code, ticket)
        elif looks_signed(code):
            return self._refuse(event_id, list_id, code, Outcome.INVALID_CODE,
                                "Forged or altered ticket: its signature is not valid.", direction, source)
        return super().scan(event_id, list_id, payload, direction, source)

    def _refuse(self, event_id: int, list_id: int, code: str, outcome: Outcome, message: str, direction: Direction,
                source: str) -> ScanResult:
        result = self._record(event_id, list_id, code, refused(outcome, message, direction), source)
        return ScanResult(result.decision, result.check_in_id, result.nonce, None, code)

    def _add_signed_ticket(self, event_id: int, code: str, ticket: SignedTicket) -> None:
        """A registration for a valid signed ticket; the next pull fills in the name."""
        with self.database.session() as session:
            if find_by_code(session, event_id, code) is not None:
                return  # another desk thread added it meanwhile
            ticket_type_id = session.scalar(select(TicketType.id).where(
                TicketType.event_id == event_id, TicketType.external_id == str(ticket.item)))
            insert_registrations(session, event_id, [{
                "source": "pretix", "external_id": None, "code": code, "ticket_type_id": ticket_type_id,
                "status": GuestStatus.VALID.value, "valid_from": ticket.valid_from, "valid_until": ticket.valid_until,
                "notes": "Signed ticket not in the last download; the next sync fills in the name.",
                "raw": {"signed_ticket": True, "item": ticket.item, "variation": ticket.variation},
            }])
