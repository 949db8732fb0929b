"""The per-event key that signs invitation QR codes, and the desk's offline check of a scan."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Decision, Direction, Outcome, refused
from checkin.core.signing import Signature, check, new_key, sign
from checkin.store.models import Event, Registration

FORGED = "Forged code: its signature does not match this event. Find the guest by name."
UNSIGNED = "This event only admits signed invitation codes: scan the QR code or find the guest by name."


def enable_signing(event: Event, *, require: bool = False) -> None:
    """Give the event a signing key (kept if it has one); ``require`` refuses unsigned scans."""
    if not event.code_key:
        event.code_key = new_key()
    event.require_signed_codes = require or event.require_signed_codes


def payload_for(event: Event, code: str) -> str:
    """What the invitation's QR code carries: the signed code when the event signs."""
    return sign(event.code_key, event.slug, code) if event.code_key else code


def screen_payload(session: Session, event_id: int, payload: str,
                   direction: Direction = Direction.ENTRY) -> tuple[str, Decision | None]:
    """The code to look up, or a refusal decided before any lookup (forged or unsigned)."""
    row = session.execute(select(Event.code_key, Event.slug, Event.require_signed_codes)
                          .where(Event.id == event_id)).one_or_none()
    if row is None or not row.code_key:
        return payload, None
    checked = check(row.code_key, row.slug, payload)
    if checked.signature is Signature.SIGNED:
        return checked.code, None
    if _is_known_code(session, event_id, payload) and not row.require_signed_codes:
        return payload, None  # a code from a file that happens to contain the separator
    if checked.signature is Signature.FORGED:
        return payload, refused(Outcome.INVALID_CODE, FORGED, direction)
    if row.require_signed_codes:
        return payload, refused(Outcome.INVALID_CODE, UNSIGNED, direction)
    return payload, None


def _is_known_code(session: Session, event_id: int, code: str) -> bool:
    return session.scalar(select(Registration.id).where(Registration.event_id == event_id,
                                                        Registration.code == code).limit(1)) is not None
