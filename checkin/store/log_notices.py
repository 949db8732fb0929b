"""What a commit on the check-in log tells the other desks (PostgreSQL NOTIFY on one channel).

A writer *announces* what it changed (:func:`announce`, in the transaction); the log's
transaction sends the announcements just before its commit (:func:`send_announced`), and so
does a pretix pull for the check-ins and guests it brought (``sync/pretix/pull.py``).
PostgreSQL delivers a notification only when that commit lands, so no desk ever refreshes for
a check-in that was rolled back. The payload is small JSON: the event, whether guests changed
too (a walk-in), and the *origin* of the writing :class:`~checkin.store.database.Database`, so
a desk can skip its own writes (it refreshed for them already). SQLite has nothing to listen
to: the announcements are dropped.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

CHANNEL = "checkin_log"
_ANNOUNCED = "checkin.announced"  # session.info key: {event_id: registrations changed too}
_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


@dataclass(frozen=True)
class LogNotice:
    """One committed change of the log; ``event_id`` None means "anything may have changed"
    (the listener reconnected and may have missed notices meanwhile)."""

    event_id: int | None
    registrations: bool = False
    origin: str = ""

    def payload(self) -> str:
        return json.dumps({"event": self.event_id, "guests": self.registrations, "origin": self.origin},
                          separators=(",", ":"))

    @classmethod
    def from_payload(cls, payload: str) -> LogNotice:
        """Tolerant: a payload from another version or a stray NOTIFY means "anything may have changed"."""
        try:
            fields = json.loads(payload)
            event_id = fields["event"]
            return cls(event_id if isinstance(event_id, int) else None, bool(fields.get("guests")),
                       str(fields.get("origin", "")))
        except (ValueError, TypeError, KeyError):
            log.debug("unreadable notice on %s: %r", CHANNEL, payload[:200])
            return ANYTHING


ANYTHING = LogNotice(None, registrations=True)


def announce(session: Session, event_id: int, *, registrations: bool = False) -> None:
    """Record that this transaction changes the event's log (and its guests, for a walk-in)."""
    announced = session.info.setdefault(_ANNOUNCED, {})
    announced[event_id] = announced.get(event_id, False) or registrations


def send_announced(session: Session, origin: str) -> None:
    """Queue one notification per announced event; PostgreSQL sends them when the commit lands."""
    announced = session.info.pop(_ANNOUNCED, {})
    if not announced or session.get_bind().dialect.name != "postgresql":
        return
    connection = session.connection()
    for event_id, registrations in announced.items():
        notice = LogNotice(event_id, registrations, origin)
        connection.execute(_NOTIFY, {"channel": CHANNEL, "payload": notice.payload()})
