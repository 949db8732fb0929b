"""Compares the guests in a file with those an earlier import of the event stored.

A re-import updates changed guests, adds new ones and reports (never deletes) guests that
are no longer in the file: a guest who has checked in stays on the attendance list.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.decision import Outcome
from checkin.store.import_runs import FILE_SOURCE
from checkin.store.models import CheckIn, Registration
from checkin.sync.files.rows import GuestRow, name_key

__all__ = ["FILE_SOURCE", "ROW_COLUMNS", "Existing", "Merger", "Plan", "fields_of", "load_existing"]

#: Registration columns a file row sets (salutation lives in ``raw``).
ROW_COLUMNS = ("external_id", "title", "given_name", "family_name", "company", "email", "notes", "code")


@dataclass(frozen=True)
class Existing:
    id: int
    values: dict
    checked_in: bool


@dataclass
class Plan:
    new: list[GuestRow] = field(default_factory=list)
    updated: list[tuple[GuestRow, Existing]] = field(default_factory=list)
    unchanged: list[tuple[GuestRow, Existing]] = field(default_factory=list)


def load_existing(session: Session, event_id: int) -> list[Existing]:
    arrived = set(session.scalars(
        select(CheckIn.registration_id).distinct().where(
            CheckIn.event_id == event_id, CheckIn.outcome == Outcome.OK.value, CheckIn.reverted_by_id.is_(None))))
    names = (*ROW_COLUMNS, "ticket_type_id", "raw", "status")
    result = session.execute(select(Registration.id, *(getattr(Registration, name) for name in names)).where(
        Registration.event_id == event_id, Registration.source == FILE_SOURCE))
    return [Existing(row[0], dict(zip(names, row[1:])), row[0] in arrived) for row in result]


class Merger:
    """Matches a file's rows to the stored guests part by part; a stored guest matches one row."""

    def __init__(self, existing: list[Existing]):
        self._existing = existing
        self._index = _Index(existing)
        self._matched: set[int] = set()

    def plan(self, rows: Iterable[GuestRow], ticket_type_ids: dict[str, int]) -> Plan:
        """What to do with these rows; the guests no row matched come from :meth:`missing` at the end."""
        index, matched, plan = self._index, self._matched, Plan()
        for row in rows:
            found = index.match(row, matched)
            if found is None:
                plan.new.append(row)
                continue
            matched.add(found.id)
            values = fields_of(row, ticket_type_ids)
            if values == {key: found.values[key] for key in values}:
                plan.unchanged.append((row, found))
            else:
                plan.updated.append((row, found))
        return plan

    def missing(self) -> list[Existing]:
        """The stored guests that no row matched so far."""
        return [guest for guest in self._existing if guest.id not in self._matched]


def fields_of(row: GuestRow, ticket_type_ids: dict[str, int]) -> dict:
    """The registration columns a file row sets; a file without codes (or statuses) keeps the stored one."""
    values = {"external_id": row.external_id or None, "title": row.title, "given_name": row.given_name,
              "family_name": row.family_name, "company": row.company, "email": row.email, "notes": row.notes,
              "ticket_type_id": ticket_type_ids.get(row.ticket_type) if row.ticket_type else None,
              "raw": {"salutation": row.salutation} if row.salutation else None}
    if row.code:
        values["code"] = row.code
    if row.status:  # mapped onto the event's statuses by then; an empty cell keeps the stored status
        values["status"] = row.status
    return values


class _Index:
    """Stored guests by ID, code and e-mail; by folded name only once a row needs it (folding
    100,000 names costs more than the rest of the merge)."""

    def __init__(self, existing: list[Existing]):
        self.existing = existing
        self.by: dict[str, dict[str, Existing]] = {"id": {}, "code": {}, "email": {}}
        self._by_name: dict[str, Existing] | None = None
        for guest in existing:
            values = guest.values
            if values["external_id"]:
                self.by["id"].setdefault(values["external_id"], guest)
            self.by["code"].setdefault(values["code"], guest)
            if values["email"]:
                self.by["email"].setdefault(values["email"].casefold(), guest)

    def match(self, row: GuestRow, matched: set[int]) -> Existing | None:
        for kind, value in (("id", row.external_id), ("code", row.code), ("email", row.email.casefold())):
            guest = self.by[kind].get(value) if value else None
            if guest is not None and guest.id not in matched:
                return guest
        if not self.existing:
            return None
        guest = self._names().get(name_key(row.given_name, row.family_name, row.company))
        return guest if guest is not None and guest.id not in matched else None

    def _names(self) -> dict[str, Existing]:
        if self._by_name is None:
            self._by_name = {}
            for guest in self.existing:
                values = guest.values
                self._by_name.setdefault(name_key(values["given_name"], values["family_name"], values["company"]),
                                         guest)
        return self._by_name
