"""GDPR: remove every guest's personal data of an event, from the tables and from the file.

``keep_aggregates`` keeps anonymous rows (ticket type, walk-in flag, check-in times and desks)
so the attendance report still adds up; names, e-mails, companies, notes, codes and the search
index go either way. A receipt records what was removed, when and by which desk; it names
no guest. On SQLite the file is rebuilt (VACUUM) and the write-ahead log emptied, so deleted
names are not left in free pages; PostgreSQL gets VACUUM FULL on the tables concerned.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from platformdirs import user_data_dir
from sqlalchemy import String, cast, delete, func, literal, select, update
from sqlalchemy.orm import Session

from checkin.store.compaction import compact as compact_storage
from checkin.store.compaction import mark_pending
from checkin.store.database import APP_DIR_NAME, Database, describe
from checkin.store.events import find_event
from checkin.store.models import CheckIn, Event, Registration, SearchToken, SyncState, utcnow

RECEIPT_SOURCE, RECEIPT_RESOURCE = "gdpr", "purge_receipt"
#: What a purge removes, in the receipt's words.
PERSONAL_DATA = ("names and titles", "e-mail addresses", "organisations", "notes and attention texts",
                 "ticket codes and external ids", "imported source rows", "the search index",
                 "scanned codes in the check-in log")
_PERSONAL_COLUMNS = {"title": "", "given_name": "", "family_name": "", "company": "", "email": "", "notes": "",
                     "attention_text": "", "raw": None, "external_id": None, "search_keys": ""}


class PurgedError(LookupError):
    """The event's personal data was purged: there is nobody left to list or invite."""


def refuse_purged(event: Event) -> None:
    if event.purged_at is not None:
        raise PurgedError(f"the personal data of event '{event.slug}' was purged on {event.purged_at:%Y-%m-%d}")


@dataclass
class PurgeReceipt:
    event: str
    event_name: str
    purged_at: str
    desk_id: str
    desk_name: str
    database: str
    kept_aggregates: bool
    personal_data: tuple[str, ...] = PERSONAL_DATA
    removed: dict[str, int] = field(default_factory=dict)
    aggregates: dict | None = None
    compacted: bool = False

    def as_json(self) -> dict:
        return asdict(self)


#: Counts to keep when anonymising (the attendance report's figures, see checkin.reports): passed
#: in, because the store does not know how reports count.
Aggregates = Callable[[Session, Event], dict]


def purge_event(database: Database, event_slug: str | None, desk: tuple[str, str], *,
                keep_aggregates: Aggregates | None = None, now: datetime | None = None) -> PurgeReceipt:
    """Purge the event (the newest when ``event_slug`` is None); ``desk`` is (id, name).

    With ``keep_aggregates``, rows are anonymised rather than deleted and its counts go into the receipt."""
    now = now or utcnow()
    with database.session() as session:
        event = find_event(session, event_slug)
        aggregates = keep_aggregates(session, event) if keep_aggregates else None
        removed = _anonymise(session, event.id) if keep_aggregates else _delete(session, event.id)
        event.purged_at = now
        receipt_event_id = event.id
        receipt = PurgeReceipt(event.slug, event.name, now.isoformat(), desk[0], desk[1], describe(database.url),
                               keep_aggregates is not None, removed=removed, aggregates=aggregates)
        session.add(SyncState(source=RECEIPT_SOURCE, resource=f"{RECEIPT_RESOURCE}:{now.isoformat()}",
                              event_id=event.id, data=receipt.as_json()))
    receipt.compacted = compact(database)
    if not receipt.compacted:
        with database.session() as session:
            mark_pending(session, receipt_event_id)
    return receipt


def _counts(session: Session, event_id: int) -> dict[str, int]:
    def count(model: type[Registration | CheckIn | SearchToken]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.event_id == event_id)) or 0
    return {"registrations": count(Registration), "check_ins": count(CheckIn), "search_tokens": count(SearchToken)}


def _delete(session: Session, event_id: int) -> dict[str, int]:
    removed = _counts(session, event_id)
    session.execute(delete(SearchToken).where(SearchToken.event_id == event_id))
    session.execute(update(CheckIn).where(CheckIn.event_id == event_id).values(reverted_by_id=None))
    session.execute(delete(CheckIn).where(CheckIn.event_id == event_id))
    session.execute(delete(Registration).where(Registration.event_id == event_id))
    return removed


def _anonymise(session: Session, event_id: int) -> dict[str, int]:
    counts = _counts(session, event_id)
    session.execute(delete(SearchToken).where(SearchToken.event_id == event_id))
    session.execute(update(Registration).where(Registration.event_id == event_id).values(
        **_PERSONAL_COLUMNS, code=literal("purged-").concat(cast(Registration.id, String))),
        execution_options={"synchronize_session": False})
    session.execute(update(CheckIn).where(CheckIn.event_id == event_id).values(raw_code=""))
    return {"registrations_anonymised": counts["registrations"], "check_in_codes_cleared": counts["check_ins"],
            "search_tokens": counts["search_tokens"]}


def compact(database: Database) -> bool:
    """Rewrite the storage so deleted rows leave no trace in the file; False if not possible now."""
    return compact_storage(database.engine)


def receipts(session: Session, event_id: int) -> list[dict]:
    return [state.data for state in session.scalars(
        select(SyncState).where(SyncState.source == RECEIPT_SOURCE, SyncState.event_id == event_id)
        .order_by(SyncState.id))]


def retention_overdue(session: Session, now: datetime) -> list[Event]:
    """Events whose retention date has passed (in the event's timezone) and that still hold data."""
    events = session.scalars(select(Event).where(Event.retention_until.is_not(None), Event.purged_at.is_(None)))
    return [event for event in events if _local_day(now, event.timezone) > event.retention_until]


def _local_day(now: datetime, timezone: str) -> date:
    return now.astimezone(ZoneInfo(timezone or "UTC")).date()


def receipts_dir() -> Path:
    return Path(os.environ.get("CHECKIN_DATA_DIR") or user_data_dir(APP_DIR_NAME, appauthor=False)) / "receipts"


def write_receipt(receipt: PurgeReceipt, path: Path | None) -> Path:
    """Write the receipt as JSON (it names no guest); returns where."""
    if path is None:
        stamp = receipt.purged_at[:19].replace(":", "").replace("-", "")
        path = receipts_dir() / f"purge-{receipt.event}-{stamp}Z.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(receipt.as_json(), ensure_ascii=False, indent=2), encoding="utf-8")
    return path
