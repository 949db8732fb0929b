"""After the event: compare the local check-in log with what pretix recorded.

Reports check-ins uploaded and accepted, forced duplicates (one guest admitted twice, e.g. at two
offline desks: as pretix recorded them, and as the venue's own log holds them, such as two desks
cut off from the venue database admitting the same guest), check-ins of orders cancelled meanwhile, walk-ins pretix does not know, and
no-shows. The caller syncs first, so the local data is the server's latest.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.database import Database
from checkin.store.double_admissions import double_admissions
from checkin.store.models import CheckIn, CheckInList, Event, Registration, UploadState
from checkin.sync.pretix.client import PretixClient
from checkin.sync.pretix.connection import Connection
from checkin.sync.pretix.mapping import moment
from checkin.sync.pretix.metadata import fetch_all


@dataclass(frozen=True)
class Finding:
    name: str
    code: str
    detail: str
    order: str = ""


def _finding(guest: Registration, detail: str) -> Finding:
    return Finding(guest.display_name, guest.code, detail, str((guest.raw or {}).get("order") or ""))


@dataclass
class Reconciliation:
    event: str
    check_in_list: str
    uploaded: int = 0
    pending_upload: int = 0
    server_check_ins: int = 0
    rejected: list[Finding] = field(default_factory=list)
    forced_duplicates: list[Finding] = field(default_factory=list)
    cancelled_checked_in: list[Finding] = field(default_factory=list)
    walk_ins: list[Finding] = field(default_factory=list)
    no_shows: list[Finding] = field(default_factory=list)

    SECTIONS = ("rejected", "forced_duplicates", "cancelled_checked_in", "walk_ins", "no_shows")

    def as_json(self) -> dict:
        data = asdict(self)
        return {"event": self.event, "list": self.check_in_list, "uploaded": self.uploaded,
                "pending_upload": self.pending_upload, "server_check_ins": self.server_check_ins,
                **{section: len(data[section]) for section in self.SECTIONS},
                "details": {section: data[section] for section in self.SECTIONS}}


def reconcile(client: PretixClient, database: Database, connection: Connection, event_id: int,
              list_id: int) -> Reconciliation:
    with database.reader() as session:
        check_in_list = session.get(CheckInList, list_id)
        event = session.get(Event, event_id)
        report = Reconciliation(event.name, check_in_list.name)
        server = _server_entries(client, connection, check_in_list.external_id)
        report.server_check_ins = sum(kind == "entry" for rows in server.values() for _, kind in rows)
        guests = list(session.scalars(select(Registration).where(Registration.event_id == event_id)
                                      .order_by(Registration.family_name, Registration.given_name)))
        by_position = {guest.external_id: guest for guest in guests if guest.source == "pretix" and guest.external_id}
        _local_counts(session, report, event_id, list_id)
        _duplicates(report, server, by_position, check_in_list.allow_multiple_entries, ZoneInfo(event.timezone))
        _local_duplicates(session, report, event_id, list_id, ZoneInfo(event.timezone))
        admitted = _locally_admitted(session, list_id)
        allowed = None if check_in_list.all_ticket_types else {t.id for t in check_in_list.ticket_types}
        for guest in guests:
            key = guest.external_id if guest.source == "pretix" else None
            if guest.walk_in:
                if guest.id in admitted:
                    report.walk_ins.append(_finding(guest, "walk-in, unknown to pretix"))
            elif guest.status == "cancelled" and (key in server or guest.id in admitted):
                report.cancelled_checked_in.append(_finding(guest, "checked in, but the order is cancelled now"))
            elif _expected(guest, check_in_list, allowed) and key not in server and guest.id not in admitted:
                report.no_shows.append(_finding(guest, guest.company))
    return report


def _server_entries(client: PretixClient, connection: Connection, list_external_id: str) -> dict[str, list]:
    """pretix position id → its successful (moment, type) check-ins on the list, in time order."""
    entries: dict[str, list] = {}
    path = connection.event_path + "checkins/"
    for row in fetch_all(client, path, {"list": list_external_id, "successful": "true", "ordering": "datetime"}):
        if row.get("position"):
            entries.setdefault(str(row["position"]), []).append((moment(row["datetime"]), row.get("type", "entry")))
    return entries


def _local_counts(session: Session, report: Reconciliation, event_id: int, list_id: int) -> None:
    mine = (CheckIn.event_id == event_id, CheckIn.check_in_list_id == list_id, CheckIn.source != "server",
            CheckIn.outcome != Outcome.UNDO.value)
    count = select(func.count(CheckIn.id)).where(*mine)
    report.uploaded = session.scalar(count.where(CheckIn.upload_state == UploadState.UPLOADED.value,
                                                 CheckIn.outcome == "ok"))
    report.pending_upload = session.scalar(count.where(CheckIn.upload_state == UploadState.PENDING.value))
    for code, error, name_given, name_family in session.execute(
            select(CheckIn.raw_code, CheckIn.upload_error, Registration.given_name, Registration.family_name)
            .outerjoin(Registration).where(*mine, CheckIn.upload_state == UploadState.REJECTED.value)):
        report.rejected.append(Finding(f"{name_given} {name_family}".strip(), code, error))


def _duplicates(report: Reconciliation, server: dict[str, list], guests: dict, multiple_allowed: bool,
                zone: ZoneInfo) -> None:
    if multiple_allowed:
        return
    for key, check_ins in server.items():
        types = [kind for _, kind in check_ins]
        twice = any(a == b == "entry" for a, b in zip(types, types[1:]))  # entered again without leaving
        if twice and key in guests:
            guest = guests[key]
            times = ", ".join(f"{kind} {when.astimezone(zone):%Y-%m-%d %H:%M:%S}" for when, kind in check_ins)
            report.forced_duplicates.append(_finding(guest, f"admitted twice: {times}"))


def _local_duplicates(session: Session, report: Reconciliation, event_id: int, list_id: int, zone: ZoneInfo) -> None:
    """Guests the venue's own log admitted twice on the list that pretix does not show as such (its
    upload may have been refused, or not made yet): both rows stay in the log, so they are listed."""
    listed = {finding.code for finding in report.forced_duplicates}
    for double in double_admissions(session, event_id):
        if double.list_id != list_id or double.code in listed:
            continue
        times = ", ".join(f"{a.desk} {a.happened_at.astimezone(zone):%Y-%m-%d %H:%M:%S}"
                          + (" (offline)" if a.merged_at else "") for a in double.admissions)
        report.forced_duplicates.append(_finding(session.get(Registration, double.registration_id),
                                                 f"admitted twice at this venue: {times}"))


def _locally_admitted(session: Session, list_id: int) -> set[int]:
    return set(session.scalars(select(CheckIn.registration_id).where(
        CheckIn.check_in_list_id == list_id, CheckIn.outcome == Outcome.OK.value, CheckIn.reverted_by_id.is_(None),
        CheckIn.direction == "entry", CheckIn.registration_id.is_not(None))))


def _expected(guest: Registration, check_in_list: CheckInList, allowed: set[int] | None) -> bool:
    """Whether the guest was expected at this list (a no-show if never admitted)."""
    if guest.status != "valid" and not (guest.status == "unpaid" and check_in_list.include_unpaid):
        return False
    return allowed is None or guest.ticket_type_id in allowed
