"""Guests admitted twice on a list that admits once: what desks deciding apart (a desk on its own
copy while the venue database did not answer) can cause, and the reconciliation lists.

On one database the guest's row lock makes a second admission impossible (store/log_transaction);
so every double admission in the log comes from a merge of offline check-ins. The log keeps
both rows (it is append-only); this module finds them.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import groupby

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from checkin.core.decision import Direction, Outcome
from checkin.core.names import display_name
from checkin.store.models import CheckIn, CheckInList, Desk, Registration


@dataclass(frozen=True)
class Admission:
    desk: str
    happened_at: datetime
    #: When the row reached the venue database from a desk's offline queue; None: recorded there directly.
    merged_at: datetime | None
    nonce: str


@dataclass(frozen=True)
class DoubleAdmission:
    registration_id: int
    code: str
    name: str
    list_id: int
    list_name: str
    #: Every admission of the guest on the list, oldest first (two or more).
    admissions: tuple[Admission, ...]

    def as_json(self) -> dict:
        return {"registration_id": self.registration_id, "code": self.code, "name": self.name,
                "list": self.list_id, "list_name": self.list_name,
                "admissions": [{"desk": a.desk, "happened_at": a.happened_at.isoformat(), "offline": bool(a.merged_at),
                                "merged_at": a.merged_at.isoformat() if a.merged_at else None, "nonce": a.nonce}
                               for a in self.admissions]}


_COLUMNS = (CheckIn.registration_id, CheckIn.check_in_list_id, CheckIn.direction, CheckIn.happened_at, Desk.name.label("desk_name"),
            CheckIn.merged_at, CheckIn.nonce, Registration.code, Registration.title, Registration.given_name,
            Registration.family_name, CheckInList.name.label("list_name"), CheckInList.allow_multiple_entries,
            CheckInList.allow_entry_after_exit)


def double_admissions(session: Session, event_id: int,
                      pairs: Iterable[tuple[int, int]] | None = None) -> list[DoubleAdmission]:
    """The event's guests admitted twice; only among ``pairs`` of (registration id, list id) if given."""
    query = (select(*_COLUMNS).join(Desk, CheckIn.desk_id == Desk.id)
             .join(Registration, CheckIn.registration_id == Registration.id)
             .join(CheckInList, CheckIn.check_in_list_id == CheckInList.id)
             .where(CheckIn.event_id == event_id, CheckIn.outcome == Outcome.OK.value,
                    CheckIn.reverted_by_id.is_(None), CheckInList.allow_multiple_entries.is_(False))
             .order_by(CheckIn.registration_id, CheckIn.check_in_list_id, CheckIn.happened_at, CheckIn.id))
    if pairs is not None:
        pairs = sorted(set(pairs))
        if not pairs:
            return []
        query = query.where(tuple_(CheckIn.registration_id, CheckIn.check_in_list_id).in_(pairs))
    found = []
    for _key, rows in groupby(session.execute(query), key=lambda row: (row.registration_id, row.check_in_list_id)):
        found.extend(_doubles(list(rows)))
    return found


def _doubles(rows: list) -> list[DoubleAdmission]:
    """A second entry while the guest was still inside (or, on a list without re-entry, at all)."""
    inside: list = []
    twice: list = []
    entered_before = False
    for row in rows:
        if row.direction == Direction.EXIT.value:
            inside = []
            continue
        if inside or (entered_before and not row.allow_entry_after_exit):
            twice.extend(r for r in (*inside, row) if r not in twice)
        inside.append(row)
        entered_before = True
    if not twice:
        return []
    first = twice[0]
    return [DoubleAdmission(
        first.registration_id, first.code, display_name(first.title, first.given_name, first.family_name,
                                                        fallback=first.code),
        first.check_in_list_id, first.list_name,
        tuple(Admission(r.desk_name, r.happened_at, r.merged_at, r.nonce) for r in twice))]
