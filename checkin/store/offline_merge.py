"""Merging a desk's offline queue into the venue log, exactly once.

A desk cut off from its venue PostgreSQL decides on its own copy (``store/venue_copy.py``,
``store/venue_desk.py``); when the server answers again its queue is appended here. It writes
the log as the desk service does, through ``log_transaction`` and the guests' row locks.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.database import Database
from checkin.store.desk import ensure_desk
from checkin.store.double_admissions import DoubleAdmission, double_admissions
from checkin.store.log_notices import announce
from checkin.store.log_transaction import log_transaction
from checkin.store.models import CheckIn, Registration, utcnow


@dataclass(frozen=True)
class MergeReport:
    """What a merge of a desk's offline queue did on the venue database."""

    #: Rows the venue database took now.
    merged: int
    #: Rows it held already (a merge interrupted after its commit, or a commit whose answer was lost).
    already_there: int
    #: Guests now admitted twice because desks decided apart meanwhile (kept, listed).
    double_admissions: tuple[DoubleAdmission, ...] = ()


def merge_offline(database: Database, rows: Sequence[Mapping[str, Any]], desks: Mapping[str, str]) -> MergeReport:
    """Append check-ins a desk decided on its own copy (store/venue_copy.py) to the venue log, once.

    The nonce is unique in the log: a row merged before is skipped (``ON CONFLICT (nonce) DO
    NOTHING``), so a merge repeated after any failure counts each check-in once. The guests'
    row locks are taken first (in id order, as two merging desks must), so a desk scanning one of
    them meanwhile waits and then sees the offline admission. ``desks`` names the desks the rows
    came from (id → name), created here if this database does not know them yet."""
    if not rows:
        return MergeReport(0, 0)
    with log_transaction(database) as session:
        for desk_id, name in desks.items():
            ensure_desk(session, desk_id, name)
        guests = sorted({row["registration_id"] for row in rows if row["registration_id"]})
        if guests and session.get_bind().dialect.name != "sqlite":  # one round trip, in id order
            session.connection().execute(_LOCK_GUESTS, {"ids": guests}).all()
        now = utcnow()
        values = [{**{key: row[key] for key in _MERGED_COLUMNS}, "merged_at": now} for row in rows]
        append = _dialect_insert(session)(CheckIn.__table__).on_conflict_do_nothing(index_elements=["nonce"])
        taken = session.connection().execute(append.returning(CheckIn.nonce), values).scalars().all()
        for event_id in {row["event_id"] for row in rows}:
            announce(session, event_id)
        taken_set = set(taken)
        pairs = [(row["registration_id"], row["check_in_list_id"]) for row in rows if row["nonce"] in taken_set
                 and row["registration_id"] and row["outcome"] == Outcome.OK.value]
        doubles = tuple(found for event_id in {row["event_id"] for row in rows}
                        for found in double_admissions(session, event_id, pairs)) if pairs else ()
    return MergeReport(len(taken), len(rows) - len(taken), doubles)


_LOCK_GUESTS = (select(Registration.id).where(Registration.id.in_(bindparam("ids", expanding=True)))
                .order_by(Registration.id).with_for_update())
_MERGED_COLUMNS = ("nonce", "event_id", "registration_id", "raw_code", "check_in_list_id", "desk_id", "direction",
                   "happened_at", "source", "outcome", "upload_state", "upload_error", "uploaded_at", "explanation")


def _dialect_insert(session: Session) -> Callable[..., Any]:
    return sqlite_insert if session.get_bind().dialect.name == "sqlite" else postgresql_insert
