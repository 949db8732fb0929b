"""Counts for the dashboard and ``checkin stats``: registered, arrived, per ticket type and desk."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.models import CheckIn, Desk, Event, Registration, TicketType, UploadState


@dataclass
class Stats:
    event: str
    check_in_list: str
    registered: int
    checked_in: int
    walk_ins: int
    cancelled: int
    refused_scans: int
    ticket_types: list[dict] = field(default_factory=list)
    desks: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return asdict(self)


def event_stats(session: Session, event_id: int, list_id: int, event_name: str = "", list_name: str = "") -> Stats:
    """Registered counts every registration that is not cancelled; checked in, every such guest
    with at least one accepted, not undone entry on the list."""
    admitted = (
        select(CheckIn.registration_id).distinct()
        .where(
            CheckIn.check_in_list_id == list_id, CheckIn.outcome == Outcome.OK.value,
            CheckIn.reverted_by_id.is_(None), CheckIn.direction == "entry",
        )
        .subquery()
    )
    active = Registration.status != "cancelled"
    per_type = session.execute(
        select(
            func.coalesce(TicketType.name, ""),
            func.count(Registration.id),
            func.count(admitted.c.registration_id),
        )
        .select_from(Registration)
        .outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
        .outerjoin(admitted, admitted.c.registration_id == Registration.id)
        .where(Registration.event_id == event_id, active)
        .group_by(TicketType.name)
        .order_by(TicketType.name)
    ).all()
    per_desk = session.execute(
        select(Desk.name, func.count(CheckIn.id))
        .join(Desk)
        .where(CheckIn.check_in_list_id == list_id, CheckIn.outcome == Outcome.OK.value,
               CheckIn.reverted_by_id.is_(None), CheckIn.direction == "entry")
        .group_by(Desk.name)
        .order_by(Desk.name)
    ).all()
    count = lambda *where: session.scalar(select(func.count()).select_from(Registration).where(  # noqa: E731
        Registration.event_id == event_id, *where))
    refused = session.scalar(
        select(func.count(CheckIn.id)).where(
            CheckIn.check_in_list_id == list_id,
            CheckIn.outcome.not_in([Outcome.OK.value, Outcome.UNDO.value]),
        )
    )
    return Stats(
        event=event_name, check_in_list=list_name,
        registered=sum(row[1] for row in per_type), checked_in=sum(row[2] for row in per_type),
        walk_ins=count(Registration.walk_in.is_(True)), cancelled=count(Registration.status == "cancelled"),
        refused_scans=refused or 0,
        ticket_types=[{"name": name, "registered": registered, "checked_in": arrived}
                      for name, registered, arrived in per_type],
        desks=[{"name": name, "check_ins": n} for name, n in per_desk],
    )


def arrivals_per_quarter_hour(session: Session, list_id: int, *, limit_hours: int = 48) -> list[tuple[datetime, int]]:
    """Accepted, not undone entries on the list per 15-minute slot (UTC slot start, count),
    oldest first, covering at most the last ``limit_hours`` that had arrivals."""
    moments = session.scalars(
        select(CheckIn.happened_at).where(
            CheckIn.check_in_list_id == list_id, CheckIn.outcome == Outcome.OK.value,
            CheckIn.reverted_by_id.is_(None), CheckIn.direction == "entry",
        ).order_by(CheckIn.happened_at)
    ).all()
    slots: Counter[datetime] = Counter(_quarter_hour(moment) for moment in moments)
    if not slots:
        return []
    newest = max(slots)
    oldest = max(min(slots), newest - timedelta(hours=limit_hours))
    series, slot = [], oldest
    while slot <= newest:
        series.append((slot, slots.get(slot, 0)))
        slot += QUARTER_HOUR
    return series


def pending_uploads(session: Session) -> int:
    """Check-ins waiting to be uploaded to a pretix server (demo and file events upload nothing)."""
    return session.scalar(
        select(func.count(CheckIn.id)).join(Event, CheckIn.event_id == Event.id)
        .where(CheckIn.upload_state == UploadState.PENDING.value, Event.source == "pretix")
    ) or 0


QUARTER_HOUR = timedelta(minutes=15)


def _quarter_hour(moment: datetime) -> datetime:
    return moment.replace(minute=moment.minute - moment.minute % 15, second=0, microsecond=0)
