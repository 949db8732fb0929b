"""What a desk service is composed of: the protocols its sources of truth implement (resolvers of
unknown codes, reviewers of decisions, an online authority) and the values they exchange.

Kept apart from ``checkin.store.desk`` so a connector reads the contract without the writer.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from sqlalchemy.orm import Session

from checkin.core.decision import Decision, Direction, Guest, History, Outcome


@dataclass(frozen=True)
class LoadedGuest:
    registration_id: int
    event_id: int
    guest: Guest


@dataclass(frozen=True)
class Resolution:
    """What an :class:`UnknownCodeResolver` found for a code no registration of the event has."""

    #: The guest the code stands for (loaded in the scan's own transaction), or None.
    guest: LoadedGuest | None = None
    #: A refusal to record instead (e.g. a revoked secret), or None.
    refusal: Decision | None = None
    #: Facts for the desk, merged into the decision's ``extra`` (e.g. ``{"keyboard_layout": "de"}``).
    extra: Mapping[str, Any] = field(default_factory=dict)


class UnknownCodeResolver(Protocol):
    """A further source of truth asked, in order, about a code the event's registrations lack.

    Runs inside the scan's transaction; returns None when it knows nothing of the code, so the
    next resolver is asked and, after the last, the code is refused as unknown. A resolver whose
    ``reads_only`` is True writes nothing: an online desk also asks it, before asking the
    server, so the server is asked about the guest the code stands for (a scanner typing with
    the wrong keyboard layout sends a code the server does not know either).
    """

    def __call__(self, session: Session, event_id: int, code: str, direction: Direction) -> Resolution | None: ...


class DecisionReviewer(Protocol):
    """A further check of a decision about a known guest (pretix's custom check-in rules).

    Runs inside the scan's transaction after the local rules, with the history they used and the
    desk's clock; returns the decision unchanged, or a refusal in its place.
    """

    def __call__(self, session: Session, decision: Decision, loaded: LoadedGuest, list_id: int, history: History,
                 now: datetime) -> Decision: ...


@dataclass(frozen=True)
class OnlineAnswer:
    """A server's own decision on a scan it redeemed online."""

    outcome: Outcome
    #: The text to show for a refusal (unused when accepted).
    refusal_text: str
    #: The server's view of the guest, for a code the local data lacks.
    guest: Guest


class OnlineAuthority(Protocol):
    """A server asked first about every scan, so two desks never admit the same guest twice."""

    def redeem(self, list_id: int, code: str, direction: Direction, nonce: str,
               happened_at: datetime) -> OnlineAnswer | None:
        """The server's answer, or None when it was not asked or did not answer in time: then the
        desk decides offline and records the row with this same nonce, so a request the server did
        get is recognised at upload and never counts twice. Runs before the scan's transaction."""
        ...
