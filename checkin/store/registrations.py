"""Adds and changes registrations, keeping their search tokens in step.

Every connector (demo, CSV/XLSX import, pretix pull, walk-ins) writes through here, so the
search index never drifts from the names it indexes.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from itertools import repeat
from types import TracebackType
from typing import Any, NamedTuple

from sqlalchemy import JSON, Column, Connection, Engine, Table, delete, func, insert, select
from sqlalchemy.orm import Session

from checkin.core.search_text import fold_once, folded_words, index_tokens, organisation_tokens
from checkin.store import token_backfill
from checkin.store.bulk import collector_paused
from checkin.store.models import Registration, SearchToken

#: Search token kinds, in ranking order: a surname prefix ranks first.
FAMILY, GIVEN, COMPANY, EMAIL, CODE = range(5)
#: Kinds below this have rows in search_token. A code is found by prefix through the folded-code
#: index of registration instead (each guest's code is unique: a token row per guest would only
#: copy that index), but stays in ``search_keys`` for matching further query words.
INDEXED_BELOW = CODE
#: A key of ``search_keys`` that further query words are matched against but that has no row in
#: search_token: the whole e-mail address (a typed address is looked up by its words).
FILTER_ONLY = 9
_BATCH = 5000
_DEFER_INDEXES_FROM = 20_000
_DEFERRABLE_INDEXES = ("ix_registration_code_folded", "ix_registration_ticket_type_id",
                       "ix_registration_source_external")
_CONTROL_CHARACTERS = dict.fromkeys(range(32))
_CODE_ALPHABET = bytes(b"abcdefghijklmnopqrstuvwxyz234567"[n % 32] for n in range(256))


def new_code() -> str:
    """An unguessable ticket code: 100 random bits as 20 lower-case base32 characters."""
    return new_codes(1)[0]


def new_codes(count: int) -> list[str]:
    """``count`` codes like :func:`new_code`, from one read of the system's random source."""
    # 256 is a multiple of 32, so every byte maps to each letter equally often: 5 random bits a letter.
    letters = os.urandom(20 * count).translate(_CODE_ALPHABET).decode("ascii")
    return [letters[start:start + 20] for start in range(0, 20 * count, 20)]


def keys_for(registration: Mapping[str, Any]) -> str:
    """The registration's ``search_keys``: " <kind><token> …", a token once, under its best-ranked kind.

    The whole e-mail address comes last as a FILTER_ONLY key: it belongs in ``search_keys``,
    not in search_token (every guest has a different one, and its words find it already).
    Built as one string from cached parts: an import runs this for every row.
    """
    get = registration.get
    family, given, company, email, code = (get("family_name"), get("given_name"), get("company"), get("email"),
                                           get("code"))
    seen, keys = _name_keys(family, FAMILY) if family else _NO_KEYS
    for text, kind in ((given, GIVEN), (company, COMPANY)):
        if text:
            tokens, part = _name_keys(text, kind)
            if not seen.isdisjoint(tokens):
                tokens = tokens - seen
                part = "".join([f" {kind}{token}" for token in tokens])
            seen, keys = seen | tokens, keys + part
    folded, email_tokens = "", ()
    if email:
        folded = _folded_address(email)
        local, _, domain = folded.rpartition("@")
        email_tokens = [local] if local.isalnum() else folded_words(local)
        for token in _domain_tokens(domain):
            if token not in email_tokens:
                email_tokens.append(token)
        for token in email_tokens:
            if token not in seen:
                keys += f" {EMAIL}{token}"
        if "@" not in folded:
            folded = ""
    if code:
        # Generated and pretix codes are lower-case ASCII letters and digits already.
        plain = code.isascii() and code.isalnum() and code.islower()
        token = (code if plain else _printable("".join(code.casefold().split())))[:255]
        if token and token not in seen and token not in email_tokens:
            keys += f" {CODE}{token}"
    if folded:
        keys += f" {FILTER_ONLY}{folded[:320]}"
    return keys + " " if keys else "  "


_NO_KEYS: tuple[frozenset[str], str] = (frozenset(), "")
_NAME_KEYS: tuple[dict[str, tuple[frozenset[str], str]], ...] = ({}, {}, {})


def _name_keys(text: str, kind: int) -> tuple[frozenset[str], str]:
    """The tokens of a name (or of an organisation, for COMPANY) and their keys, cached: names repeat.

    A dict per kind rather than lru_cache: one lookup of the text, no key tuple per call.
    """
    cache = _NAME_KEYS[kind]
    found = cache.get(text)
    if found is None:
        if len(cache) >= 65536:
            cache.clear()
        tokens = (organisation_tokens(text) if kind == COMPANY else index_tokens(text)) - {""}
        found = cache[text] = (tokens, "".join([f" {kind}{token}" for token in tokens]))
    return found


def _folded_address(email: str) -> str:
    if email.isascii() and email.isprintable():  # nearly every address: no control characters, no tabs
        folded = fold_once(email)
        return folded.replace(" ", "") if " " in folded else folded
    return _printable("".join(fold_once(email).split()))


def _printable(key: str) -> str:
    """Without control characters: nobody types them, and the bulk path reads keys back as JSON."""
    return key if key.isprintable() else key.translate(_CONTROL_CHARACTERS)


@lru_cache(maxsize=4096)
def _domain_tokens(domain: str) -> list[str]:
    # The domain's name ("siemens"), not its "com": a token that thousands of guests share finds
    # nobody in particular and only costs index space.
    return folded_words(domain.split(".")[0])


def indexed(pairs: Iterable[tuple[int, str]]) -> Iterator[tuple[int, str]]:
    """The pairs that have a row in search_token."""
    return ((kind, token) for kind, token in pairs if kind < INDEXED_BELOW)


def parse_search_keys(keys: str) -> list[tuple[int, str]]:
    return [(int(key[0]), key[1:]) for key in keys.split()]


def insert_registrations(session: Session, event_id: int, rows: Sequence[Mapping[str, Any]]) -> list[int]:
    """Bulk-insert registrations of one event (Core, batched) and index them; returns the new ids."""
    with RegistrationLoader(session, event_id, len(rows)) as loader:
        return loader.add(rows)


class RegistrationLoader:
    """Adds one event's registrations in several calls, for a caller that prepares them batch by
    batch (an import checks and merges each part of its file just before adding it).

    ``expected_rows`` (at most what will be added) decides whether the secondary indexes are
    built once at the end and the search tokens are written on a second thread (the caller's own
    statements in between wait for it by themselves). Add no registrations in any other way until
    the block ends: the loader numbers them.
    """

    def __init__(self, session: Session, event_id: int, expected_rows: int):
        self._session, self._event_id = session, event_id
        connection = session.connection()
        self._overlap = expected_rows > _BATCH and token_backfill.supported(connection)
        with ExitStack() as stack:
            stack.enter_context(collector_paused())
            stack.enter_context(_indexes_deferred(session, expected_rows))
            self._backfill = (stack.enter_context(token_backfill.TokenBackfill(connection, INDEXED_BELOW))
                              if self._overlap else None)
            self._next_id = (session.scalar(select(func.max(Registration.id))) or 0) + 1 if self._overlap else None
            self._stack = stack.pop_all()

    def add(self, rows: Sequence[Mapping[str, Any]]) -> list[int]:
        """Insert and index the rows; returns their ids, in order."""
        ids: list[int] = []
        for start in range(0, len(rows), _BATCH):
            batch = rows[start : start + _BATCH]
            keys = [keys_for(row) for row in batch]
            shared = {"event_id": self._event_id, "search_keys": keys}
            if self._backfill is None:
                batch_ids = _insert_batch(self._session, batch, shared)
                _insert_tokens(self._session, [(self._event_id, kind, token, registration_id)
                                               for registration_id, row_keys in zip(batch_ids, keys)
                                               for kind, token in indexed(parse_search_keys(row_keys))])
            else:
                # The previous batch's tokens are written while this batch is prepared.
                batch_ids = _insert_batch(self._session, batch, shared, first_id=self._next_id)
                self._backfill.add(batch_ids[0], batch_ids[-1])
                self._next_id = batch_ids[-1] + 1
            ids.extend(batch_ids)
        return ids

    def __enter__(self) -> RegistrationLoader:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> bool | None:
        return self._stack.__exit__(kind, error, traceback)


class PreparedRows(NamedTuple):
    """Registrations ready to insert: the statement and its parameters, built before the write lock
    is taken (see :func:`prepare_registrations`)."""

    rows: Sequence[Mapping[str, Any]]
    keys: list[str]
    statement: str | None  # SQLite: the driver's INSERT of all rows as one JSON text, the ids left to SQLite
    parameters: tuple[Any, ...]


def prepare_registrations(engine: Engine, event_id: int, rows: Sequence[Mapping[str, Any]]) -> PreparedRows:
    """Compute the rows' search keys and (on SQLite) the driver's INSERT: the Python work of an
    insert, done outside any transaction so the write itself holds the lock only briefly."""
    keys = [keys_for(row) for row in rows]
    if engine.dialect.name != "sqlite" or not rows or sqlite3.sqlite_version_info < (3, 38):
        return PreparedRows(rows, keys, None, ())
    statement, parameter = _json_insert(engine, Registration.__table__, rows, {"event_id": event_id, "search_keys": keys})
    return PreparedRows(rows, keys, statement, parameter)


def insert_prepared(session: Session, event_id: int, prepared: PreparedRows) -> list[int]:
    """Insert prepared registrations without their search tokens (see :func:`index_range`);
    returns their ids, in order. SQLite numbers them on from the highest id: call it holding the
    write lock (a write session's BEGIN IMMEDIATE)."""
    if not prepared.rows:
        return []
    if prepared.statement is None:
        return _insert_batch(session, prepared.rows, {"event_id": event_id, "search_keys": prepared.keys})
    first_id = (session.scalar(select(func.max(Registration.id))) or 0) + 1
    session.connection().exec_driver_sql(prepared.statement, prepared.parameters)
    last_id = first_id + len(prepared.rows) - 1
    if session.scalar(select(func.max(Registration.id))) != last_id:
        raise RuntimeError("registrations were numbered out of order")  # SQLite always numbers on from the highest
    return list(range(first_id, last_id + 1))


def index_range(session: Session, from_event: int, to_event: int, first_id: int, last_id: int) -> None:
    """Write the search tokens of ``from_event``'s registrations with ids in the range, under
    ``to_event`` (the same event, or the one an import publishes them to)."""
    connection = session.connection()
    if token_backfill.supported(connection):
        token_backfill.unpack(connection, from_event, to_event, first_id, last_id, INDEXED_BELOW)
        return
    rows = session.execute(select(Registration.id, Registration.search_keys).where(
        Registration.event_id == from_event, Registration.id.between(first_id, last_id)))
    _insert_tokens(session, [(to_event, kind, token, registration_id) for registration_id, keys in rows
                             for kind, token in indexed(parse_search_keys(keys))])


def drop_tokens(session: Session, event_id: int, registrations: Iterable[tuple[int, str]]) -> None:
    """Delete the search tokens of these (id, search_keys) registrations of the event."""
    _delete_tokens(session, [(event_id, kind, token, registration_id) for registration_id, keys in registrations
                             for kind, token in indexed(parse_search_keys(keys))])


def add_tokens(session: Session, event_id: int, registrations: Iterable[tuple[int, str]]) -> None:
    """Write the search tokens of these (id, search_keys) registrations of the event (none there yet)."""
    _insert_tokens(session, [(event_id, kind, token, registration_id) for registration_id, keys in registrations
                             for kind, token in indexed(parse_search_keys(keys))])


def _delete_tokens(session: Session, token_rows: list[tuple[int, int, str, int]]) -> None:
    connection = session.connection()
    mark = _mark(connection)
    for start in range(0, len(token_rows), _BATCH * 4):
        connection.exec_driver_sql(f"DELETE FROM search_token WHERE event_id = {mark} AND kind = {mark} "
                                   f"AND token = {mark} AND registration_id = {mark}",
                                   token_rows[start:start + _BATCH * 4])


@contextmanager
def _indexes_deferred(session: Session, new_rows: int) -> Iterator[None]:
    """For a load larger than what is stored already, build the secondary indexes once at the end.

    Sorting 100,000 codes into a fresh index is several times faster than inserting them one by
    one in random order. SQLite only, inside the caller's transaction: a failure rolls the drop
    back with everything else, and readers keep seeing the old, indexed snapshot.
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


def _insert_batch(session: Session, batch: Sequence[Mapping[str, Any]], shared: dict[str, Any],
                  first_id: int | None = None) -> list[int]:
    """Insert the rows, with ``shared`` columns (a value for all rows, or a list with one per row);
    ``first_id`` numbers them on SQLite when the caller knows where the numbering stands."""
    table = Registration.__table__
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        statement = insert(table).returning(Registration.id, sort_by_parameter_order=True)
        rows = [{**row, **{key: value[n] if isinstance(value, list) else value for key, value in shared.items()}}
                for n, row in enumerate(batch)]
        return list(session.execute(statement, rows).scalars())
    # SQLite returns ordered ids only one row at a time; our writes hold the database's write
    # lock (BEGIN IMMEDIATE), so numbering the rows ourselves is safe and many times faster.
    if first_id is None:
        first_id = (session.scalar(select(func.max(Registration.id))) or 0) + 1
    ids = list(range(first_id, first_id + len(batch)))
    statement, parameters = _plain_insert(connection, table, batch, {**shared, "id": ids})
    connection.exec_driver_sql(statement, parameters)  # waits for the previous batch's tokens, if any
    return ids


def _plain_insert(connection: Connection | Engine, table: Table, rows: Sequence[Mapping[str, Any]],
                  shared: dict[str, Any]) -> tuple[str, list[tuple[Any, ...]]]:
    """An INSERT for the driver, applying each column's default and type conversion ourselves.

    SQLAlchemy's executemany does the same per row and per column with far more bookkeeping.
    Built column by column; a default is computed and converted once per batch (one import, one
    creation time), and columns without a conversion are copied as they are.
    """
    columns = list(table.columns)
    values = [_column_values(connection, column, rows, shared) for column in columns]
    names = ", ".join(connection.dialect.identifier_preparer.quote(column.name) for column in columns)
    # A value the whole batch shares goes into the statement once instead of being bound per row.
    marks = ", ".join(_literal(value.value) if _inlined(value) else "?" for value in values)
    bound = [repeat(value.value) if type(value) is _Same else value for value in values if not _inlined(value)]
    return f"INSERT INTO {table.name} ({names}) VALUES ({marks})", list(zip(*bound))


def _json_insert(engine: Engine, table: Table, rows: Sequence[Mapping[str, Any]],
                 shared: dict[str, Any]) -> tuple[str, tuple[str]]:
    """The same INSERT as :func:`_plain_insert`, as INSERT … SELECT over one JSON text of all rows.

    One statement with one parameter runs entirely inside SQLite, which releases Python's lock
    for all of it: an import's checking of its next part goes on beside the insert.
    """
    columns = list(table.columns)
    values = [_column_values(engine, column, rows, shared) for column in columns]
    names = ", ".join(engine.dialect.identifier_preparer.quote(column.name) for column in columns)
    picks, bound = [], []
    for value in values:
        if _inlined(value):
            picks.append(_literal(value.value))
        else:
            picks.append(f"value ->> {len(bound)}")
            bound.append(repeat(value.value) if type(value) is _Same else value)
    text = json.dumps(list(zip(*bound)), ensure_ascii=False, separators=(",", ":"))
    return f"INSERT INTO {table.name} ({names}) SELECT {', '.join(picks)} FROM json_each(?)", (text,)


class _Same(NamedTuple):
    """One value for every row of the batch."""
    value: Any


def _inlined(value: list[Any] | _Same) -> bool:
    if type(value) is not _Same:
        return False
    same = value.value
    return same is None or type(same) is int or (type(same) is str and "\0" not in same)


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if type(value) is str:
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _column_values(connection: Connection | Engine, column: Column, rows: Sequence[Mapping[str, Any]],
                   shared: dict[str, Any]) -> list[Any] | _Same:
    key, processor = column.key, column.type._cached_bind_processor(connection.dialect)
    if key in shared:
        value = shared[key]
        if not isinstance(value, list):
            return _Same(value if processor is None or value is None else processor(value))
        if processor is None:
            return value
        if isinstance(column.type, JSON):
            processor = _memoised(processor)
        return [processor(item) for item in value]
    default = _default_of(column)
    if key not in rows[0] and all(key not in row for row in rows):
        return _Same(None if default is None else default if processor is None else processor(default))
    if processor is None:
        return [row.get(key, default) for row in rows]
    if isinstance(column.type, JSON):
        processor = _memoised(processor)
    missing, converted_default = object(), None if default is None else processor(default)
    return [converted_default if value is missing else processor(value)
            for value in (row.get(key, missing) for row in rows)]


def _memoised(processor: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A JSON column's serializer, run once per distinct dict of strings: an import gives
    thousands of guests the same ``{"salutation": "Frau"}``. Other values are serialized each time
    (1 and True are equal keys but different JSON)."""
    done: dict[frozenset, Any] = {}

    def process(value: Any) -> Any:
        if type(value) is not dict or not all(type(item) is str for item in value.values()):
            return processor(value)
        key = frozenset(value.items())
        if key not in done:
            done[key] = processor(value)
        return done[key]

    return process


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
    stale = [(r.event_id, kind, token, r.id) for r in registrations
             for kind, token in indexed(parse_search_keys(r.search_keys))]
    _delete_tokens(session, stale)
    fresh = []
    for registration in registrations:
        registration.search_keys = keys_for(_as_fields(registration))
        fresh.extend((registration.event_id, kind, token, registration.id)
                      for kind, token in indexed(parse_search_keys(registration.search_keys)))
    _insert_tokens(session, fresh)


def forget_tokens(session: Session, *, event_id: int) -> None:
    """Delete an event's search tokens; call before its registrations are deleted (no cascade)."""
    session.execute(delete(SearchToken).where(SearchToken.event_id == event_id))


def find_by_code(session: Session, event_id: int, code: str) -> Registration | None:
    return session.scalar(select(Registration).where(Registration.event_id == event_id, Registration.code == code))


def _insert_tokens(session: Session, token_rows: list[tuple[int, int, str, int]]) -> None:
    # Straight to the driver: tokens are plain ints and strings, and SQLAlchemy's per-parameter
    # processing would cost more than the inserts themselves.
    connection = session.connection()
    mark = _mark(connection)
    statement = f"INSERT INTO search_token (event_id, kind, token, registration_id) VALUES ({mark}, {mark}, {mark}, {mark})"
    for start in range(0, len(token_rows), _BATCH * 4):
        connection.exec_driver_sql(statement, token_rows[start : start + _BATCH * 4])


def _mark(connection: Connection) -> str:
    return "?" if connection.dialect.paramstyle == "qmark" else "%s"


def _as_fields(registration: Registration) -> dict[str, Any]:
    return {
        "family_name": registration.family_name,
        "given_name": registration.given_name,
        "company": registration.company,
        "email": registration.email,
        "code": registration.code,
    }
