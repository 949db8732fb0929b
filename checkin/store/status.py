"""Who is in: derived from the check-in log, never stored twice."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.models import CheckIn


def presence(session: Session, registration_ids: Sequence[int], list_id: int | None) -> dict[int, datetime]:
    """For each guest whose last effective check-in is an entry: when they entered."""
    statement = (
        select(CheckIn.registration_id, CheckIn.direction, CheckIn.happened_at)
        .where(
            CheckIn.registration_id.in_(registration_ids),
            CheckIn.outcome == Outcome.OK.value,
            CheckIn.reverted_by_id.is_(None),
        )
        .order_by(CheckIn.happened_at, CheckIn.id)
    )
    if list_id is not None:
        statement = statement.where(CheckIn.check_in_list_id == list_id)
    present: dict[int, datetime] = {}
    for registration_id, direction, happened_at in session.execute(statement):
        if direction == "entry":
            present.setdefault(registration_id, happened_at)
        else:
            present.pop(registration_id, None)
    return present
