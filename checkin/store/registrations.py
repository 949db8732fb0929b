"""Adds and changes registrations, keeping their search tokens in step.

Every connector (demo, CSV/XLSX import, pretix pull, walk-ins) writes through here, so the
search index never drifts from the names it indexes.
"""
from __future__ import annotations

import base64
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from checkin.core.search_text import fold, index_tokens, words
from checkin.store.models import Registration, SearchToken

#: Search token kinds, in ranking order: a surname prefix ranks first.
FAMILY, GIVEN, COMPANY, EMAIL, CODE = range(5)
_INDEXED_FIELDS = (("family_name", FAMILY), ("given_name", GIVEN), ("company", COMPANY))
_BATCH = 5000
_DEFER_INDEX_FROM = 20_000
_TOKENS_PER_GUEST = 8  # about what a guest with a name, company and e-mail gets
_COUNT_TOKENS = "SELECT count(*) FROM search_token"
_CREATE_LOOKUP_INDEX = "CREATE INDEX ix_search_token_lookup ON search_token (event_id, kind, token, registration_id)"


def new_code() -> str:
    """An unguessable ticket code: 100 random bits as 20 lower-case base32 characters."""
    return base64.b32encode(os.urandom(13)).decode("ascii")[:20].lower()


def tokens_for(registration: Mapping[str, Any]) -> list[tuple[int, str]]:
    """(kind, token) pairs; a token appears once, under its best-ranked kind."""
    best: dict[str, int] = {}
    for field, kind in _INDEXED_FIELDS:
        for token in index_tokens(registration.get(field) or ""):
            best.setdefault(token[:255], kind)
    email = (registration.get("email") or "").strip()
    if email:
        local, _, domain = email.rpartition("@")
        # The local part's words and the domain's name ("siemens"), not its "com": a token that
        # thousands of guests share finds nobody in particular and only costs index space.
        for token in (*words(local), *words(domain.split(".")[0]), fold(email)):
            best.setdefault(token[:255], EMAIL)
    code = (registration.get("code") or "").strip()
    if code:
        best.setdefault(code.casefold()[:255], CODE)
    return [(kind, token) for token, kind in best.items()]


def insert_registrations(session: Session, event_id: int, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Bulk-insert registrations of one event (Core, batched) and index them; returns the new ids."""
    ids: list[int] = []
    with _lookup_index_deferred(session, len(rows)):
        for start in range(0, len(rows), _BATCH):
            batch = [{**row, "event_id": event_id} for row in rows[start : start + _BATCH]]
            batch_ids = _insert_batch(session, batch)
            _insert_tokens(session, event_id, zip(batch_ids, batch))
            ids.extend(batch_ids)
    return ids


@contextmanager
def _lookup_index_deferred(session: Session, new_rows: int) -> Iterator[None]:
    """For a load larger than what is indexed already, build the search index once at the end.

    Sorting a million tokens into a fresh index is several times faster than inserting them
    into it one by one. SQLite only, inside the caller's transaction: a failure rolls the drop
    back with everything else, and readers keep seeing the old, indexed snapshot meanwhile.
    """
    connection = session.connection()
    big = connection.dialect.name == "sqlite" and new_rows >= _DEFER_INDEX_FROM
    if big and new_rows * _TOKENS_PER_GUEST > connection.exec_driver_sql(_COUNT_TOKENS).scalar_one():
        connection.exec_driver_sql("DROP INDEX ix_search_token_lookup")
        yield
        connection.exec_driver_sql(_CREATE_LOOKUP_INDEX)
    else:
        yield


def _insert_batch(session: Session, batch: list[dict[str, Any]]) -> list[int]:
    table = Registration.__table__
    if session.get_bind().dialect.name != "sqlite":
        statement = insert(table).returning(Registration.id, sort_by_parameter_order=True)
        return list(session.execute(statement, batch).scalars())
    # SQLite returns ordered ids only one row at a time; our writes hold the database's write
    # lock (BEGIN IMMEDIATE), so numbering the rows ourselves is safe and many times faster.
    first = (session.scalar(select(func.max(Registration.id))) or 0) + 1
    for offset, row in enumerate(batch):
        row["id"] = first + offset
    session.execute(insert(table), batch)
    return [row.pop("id") for row in batch]


def reindex(session: Session, registrations: Iterable[Registration]) -> None:
    """Rewrite the search tokens of registrations whose names, company, email or code changed."""
    registrations = list(registrations)
    if not registrations:
        return
    session.flush()
    session.execute(delete(SearchToken).where(SearchToken.registration_id.in_([r.id for r in registrations])))
    by_event: dict[int, list[tuple[int, dict]]] = {}
    for registration in registrations:
        by_event.setdefault(registration.event_id, []).append((registration.id, _as_fields(registration)))
    for event_id, pairs in by_event.items():
        _insert_tokens(session, event_id, pairs)


def find_by_code(session: Session, event_id: int, code: str) -> Registration | None:
    return session.scalar(select(Registration).where(Registration.event_id == event_id, Registration.code == code))


def _insert_tokens(session: Session, event_id: int, pairs: Iterable[tuple[int, Mapping[str, Any]]]) -> None:
    token_rows = [
        (registration_id, event_id, kind, token)
        for registration_id, fields in pairs
        for kind, token in tokens_for(fields)
    ]
    # Straight to the driver: tokens are plain ints and strings, and SQLAlchemy's per-parameter
    # processing would cost more than the inserts themselves.
    connection = session.connection()
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    statement = f"INSERT INTO search_token (registration_id, event_id, kind, token) VALUES ({mark}, {mark}, {mark}, {mark})"
    for start in range(0, len(token_rows), _BATCH * 4):
        connection.exec_driver_sql(statement, token_rows[start : start + _BATCH * 4])


def _as_fields(registration: Registration) -> dict[str, Any]:
    return {
        "family_name": registration.family_name,
        "given_name": registration.given_name,
        "company": registration.company,
        "email": registration.email,
        "code": registration.code,
    }
