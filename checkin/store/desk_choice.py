"""Which event and list this desk works on, remembered per database and per desk.

The choice lives in the database (table ``desk_choice``), not in the user's settings: a
desk opening another database (``--db``) finds that database's own choice or, without one,
its newest event, and never a slug the database lacks. ``--event`` still overrides.
"""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.store.models import CheckInList, DeskChoice, Event


def remembered(session: Session, desk_id: str) -> tuple[str, int] | None:
    """(event slug, list id or 0) this desk last chose in this database, if any."""
    row = session.execute(
        select(Event.slug, DeskChoice.check_in_list_id).join(Event, Event.id == DeskChoice.event_id)
        .where(DeskChoice.desk_id == desk_id)
    ).first()
    return None if row is None else (row.slug, row.check_in_list_id or 0)


def remember(session: Session, desk_id: str, event_id: int, list_id: int | None) -> None:
    """Keep this desk's choice; a list of another event is not kept."""
    if list_id is not None and session.scalar(select(CheckInList.event_id).where(CheckInList.id == list_id)) != event_id:
        list_id = None
    choice = session.get(DeskChoice, desk_id) or DeskChoice(desk_id=desk_id)
    choice.event_id, choice.check_in_list_id = event_id, list_id
    session.add(choice)
