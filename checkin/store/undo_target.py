"""Which check-in an undo at this desk would revert, named before anyone confirms it.

The desk asks "undo the check-in of X at 10:42 at desk A?" and then undoes exactly that row
by id, so a scan that arrives while the question is open cannot be undone by mistake.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Direction, Outcome
from checkin.store.models import CheckIn, Desk


@dataclass(frozen=True)
class UndoTarget:
    check_in_id: int
    name: str
    code: str
    happened_at: datetime
    desk_name: str
    direction: Direction


def last_undoable(session: Session, list_id: int, desk_id: str) -> UndoTarget | None:
    """This desk's most recent accepted, not yet undone check-in on the list."""
    row = session.scalar(
        select(CheckIn)
        .where(CheckIn.check_in_list_id == list_id, CheckIn.desk_id == desk_id,
               CheckIn.outcome == Outcome.OK.value, CheckIn.reverted_by_id.is_(None))
        .order_by(CheckIn.happened_at.desc(), CheckIn.id.desc())
        .limit(1)
    )
    return None if row is None else _target(session, row)


def _target(session: Session, row: CheckIn) -> UndoTarget:
    name = row.registration.display_name if row.registration else row.raw_code
    desk_name = session.scalar(select(Desk.name).where(Desk.id == row.desk_id)) or row.desk_id
    return UndoTarget(row.id, name, row.raw_code, row.happened_at, desk_name, Direction(row.direction))
