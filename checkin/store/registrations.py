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

from sqlalchemy import Column, Connection, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from checkin.core.search_text import fold_once, folded_words, index_tokens
from checkin.store.models import Registration, SearchToken

#: Search token kinds, in ranking order: a surname prefix ranks first.
FAMILY, GIVEN, COMPANY, EMAIL, CODE = range(5)
_INDEXED_FIELDS = (("family_name", FAMILY), ("given_name", GIVEN), ("company", COMPANY))
_BATCH = 5000
_DEFER_INDEXES_FROM = 20_000
_DEFERRABLE_INDEXES = ("ix_search_token_lookup", "ix_registration_code", "ix_registration_ticket_type_id")


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
        folded = fold_once(email)
        local, _, domain = folded.rpartition("@")
        # The local part's words and the domain's name ("siemens"), not its "com": a token that
        # thousands of guests share finds nobody in particular and only costs index space.
        for token in (*folded_words(local), *folded_words(domain.split(".")[0]), folded):
            best.setdefault(token[:255], EMAIL)
    code = (registration.get("code") or "").strip()
    if code:
        best.setdefault(code.casefold()[:255], CODE)
    return [(kind, token) for token, kind in best.items()]


def insert_registrations(session: Session, event_id: int, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Bulk-insert registrations of one event (Core, batched) and index them; returns the new ids."""
    ids: list[int] = []
    with _indexes_deferred(session, len(rows)):
        for start in range(0, len(rows), _BATCH):
            batch = [{**row, "event_id": event_id} for row in rows[start : start + _BATCH]]
            batch_ids = _insert_batch(session, batch)
            _insert_tokens(session, event_id, zip(batch_ids, batch))
            ids.extend(batch_ids)
    return ids


@contextmanager
def _indexes_deferred(session: Session, new_rows: int) -> Iterator[None]:
    """For a load larger than what is stored already, build the secondary indexes once at the end.

    Sorting a million tokens or codes into a fresh index is several times faster than inserting
    them one by one in random order. SQLite only, inside the caller's transaction: a failure rolls
    the drop back with everything else, and readers keep seeing the old, indexed snapshot.
    The unique (event, code) constraint stays: it still refuses a duplicate code at once.
    """
    connection = session.connection()
    big = connection.dialect.name == "sqlite" and new_rows >= _DEFER_INDEXES_FROM
    if not big or new_rows <= connection.exec_driver_sql("SELECT count(*) FROM registration").scalar_one():
        yield
        return
    indexes = connection.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND name IN (%s)"
        % ", ".join(f"'{name}'" for name in _DEFERRABLE_INDEXES)).all()
    for name, _sql in indexes:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    yield
    for _name, sql in indexes:
        connection.exec_driver_sql(sql)


def _insert_batch(session: Session, batch: list[dict[str, Any]]) -> list[int]:
    table = Registration.__table__
    if session.get_bind().dialect.name != "sqlite":
        statement = insert(table).returning(Registration.id, sort_by_parameter_order=True)
        return list(session.execute(statement, batch).scalars())
    # SQLite returns ordered ids only one row at a time; our writes hold the database's write
    # lock (BEGIN IMMEDIATE), so numbering the rows ourselves is safe and many times faster.
    first = (session.scalar(select(func.max(Registration.id))) or 0) + 1
    ids = list(range(first, first + len(batch)))
    _executemany_plain(session.connection(), table, [{**row, "id": id_} for id_, row in zip(ids, batch)])
    return ids


def _executemany_plain(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """INSERT through the driver, applying each column's default and type conversion ourselves.

    SQLAlchemy's executemany does the same per row and per column with far more bookkeeping.
    Built column by column; a default is computed and converted once per batch (one import, one
    creation time), and columns without a conversion are copied as they are.
    """
    columns = list(table.columns)
    values = [_column_values(connection, column, rows) for column in columns]
    names = ", ".join(connection.dialect.identifier_preparer.quote(column.name) for column in columns)
    marks = ", ".join("?" for _ in columns)
    connection.exec_driver_sql(f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(zip(*values)))


def _column_values(connection: Connection, column: Column, rows: list[dict[str, Any]]) -> list[Any]:
    key, processor = column.key, column.type._cached_bind_processor(connection.dialect)
    default = _default_of(column)
    if processor is None:
        return [row.get(key, default) for row in rows]
    missing, converted_default = object(), None if default is None else processor(default)
    return [converted_default if value is missing else processor(value)
            for value in (row.get(key, missing) for row in rows)]


def _default_of(column: Column) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        return default.arg(None)
    return default.arg


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
