"""Can this desk work on that database? Connectivity, schema, permissions, latency, clock.

Run before the doors open (``checkin desk-check``): it changes nothing in the database (the
schema is not migrated, probes are rolled back) and names each problem in words an organiser
can act on.
"""
from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from checkin.store.database import describe
from checkin.store.migrate import alembic_config, current_revision, head_revision
from checkin.store.models import utcnow

#: A scan takes a handful of round trips; beyond this the desk feels slow.
MAX_MEDIAN_ROUND_TRIP_MS = 50.0
#: Check-in times come from each desk's clock; "a moment ago" at another desk needs them to agree.
MAX_CLOCK_DIFFERENCE_S = 2.0
CONNECT_TIMEOUT_S = 5
#: Privileges a desk needs on each table (walk-ins add registrations; an undo updates the log).
NEEDED = {"check_in": "SELECT, INSERT, UPDATE", "registration": "SELECT, INSERT", "desk": "SELECT, INSERT",
          "check_in_list": "SELECT", "event": "SELECT"}
_VERSION = {"postgresql": "SELECT version()", "sqlite": "SELECT 'SQLite ' || sqlite_version()"}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    value: float | str | None = None


@dataclass(frozen=True)
class VenueReport:
    database: str
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def verdict(self) -> str:
        if self.ok:
            return f"OK: this desk can work on {self.database}."
        problems = ", ".join(check.name for check in self.checks if not check.ok)
        return f"PROBLEM ({problems}): fix the lines marked above before this desk checks guests in."


def check_database(url: str, round_trips: int = 20, clock: Callable[[], datetime] = utcnow) -> VenueReport:
    """Every check that applies to ``url``; stops after the connection when there is none."""
    name = describe(url)
    try:
        engine = _engine(url)
        with engine.connect() as connection:
            version = connection.execute(text(_VERSION[engine.dialect.name])).scalar_one()
    except DBAPIError as error:
        return VenueReport(name, (Check("connection", False, f"cannot connect: {_reason(error)}"),))
    try:
        checks = [Check("connection", True, f"connected to {str(version).split(',')[0]}")]
        checks += _checks_on(engine, round_trips, clock)
    finally:
        engine.dispose()
    return VenueReport(name, tuple(checks))


def _engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "postgresql":
        return create_engine(url, connect_args={"connect_timeout": CONNECT_TIMEOUT_S})
    return create_engine(url)


def _checks_on(engine: Engine, round_trips: int, clock: Callable[[], datetime]) -> list[Check]:
    schema = _schema(engine)
    with engine.connect() as connection:
        checks = [schema, *_permissions(connection, schema_exists=schema.value is not None)]
        checks.append(_temp_tables(connection))
        checks.append(_latency(connection, round_trips))
        if engine.dialect.name != "sqlite":
            checks.append(_clock(connection, clock))
    return checks


def _schema(engine: Engine) -> Check:
    current, head = current_revision(engine), head_revision()
    if current == head:
        return Check("schema", True, f"at the newest revision ({head})", current)
    if current is None:
        return Check("schema", True, "empty: the first desk to start creates the tables", None)
    if _known_revision(current):
        return Check("schema", True, f"at {current}: the next desk to start upgrades it to {head}", current)
    return Check("schema", False, f"revision {current} is from a newer Check-in Desk: update this desk", current)


def _known_revision(revision: str) -> bool:
    return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None


def _permissions(connection: Connection, schema_exists: bool) -> list[Check]:
    if connection.dialect.name == "sqlite":
        path = connection.engine.url.database or ""
        writable = path in ("", ":memory:") or os.access(path, os.R_OK | os.W_OK)
        return [Check("permissions", writable, "a file this user can read and write" if writable
                      else "this user may not write the file")]
    if not schema_exists:
        can_create = connection.execute(text("SELECT has_schema_privilege('public', 'CREATE')")).scalar_one()
        return [Check("permissions", bool(can_create), "may create the tables in schema public" if can_create
                      else "may not create tables in schema public: GRANT CREATE ON SCHEMA public TO this role")]
    missing = [f"{privilege} on {table}" for table, privileges in NEEDED.items()
               for privilege in privileges.split(", ") if not _has(connection, table, privilege)]
    if missing:
        return [Check("permissions", False, "missing: " + ", ".join(missing))]
    return [Check("permissions", True, "may read guests and lists, and add to and undo on the check-in log")]


def _has(connection: Connection, table: str, privilege: str) -> bool:
    return bool(connection.execute(text("SELECT has_table_privilege(:table, :privilege)"),
                                   {"table": table, "privilege": privilege}).scalar_one())


def _temp_tables(connection: Connection) -> Check:
    """Imports and reports stage rows in temporary tables: a real one is made, then rolled back."""
    connection.rollback()  # end the transaction the permission queries began
    try:
        with connection.begin() as transaction:
            connection.exec_driver_sql("CREATE TEMPORARY TABLE desk_check_probe (x INTEGER)")
            transaction.rollback()
    except DBAPIError as error:
        return Check("temp_tables", False, f"cannot create temporary tables: {_reason(error)}")
    return Check("temp_tables", True, "may create temporary tables")


def _latency(connection: Connection, round_trips: int) -> Check:
    seconds = []
    for _ in range(max(1, round_trips)):
        started = time.perf_counter()
        connection.exec_driver_sql("SELECT 1").scalar()
        seconds.append(time.perf_counter() - started)
    connection.rollback()
    median_ms = statistics.median(seconds) * 1000
    ok = median_ms <= MAX_MEDIAN_ROUND_TRIP_MS
    detail = f"median round trip {median_ms:.2f} ms over {len(seconds)}, slowest {max(seconds) * 1000:.2f} ms"
    return Check("latency", ok, detail if ok else f"{detail}: too slow for a desk (a wired network helps)",
                 round(median_ms, 3))


def _clock(connection: Connection, clock: Callable[[], datetime]) -> Check:
    """The server's clock against this desk's, read half-way through the round trip."""
    before = clock()
    server = connection.execute(text("SELECT now()")).scalar_one()
    after = clock()
    connection.rollback()
    difference = ((before + (after - before) / 2) - server.astimezone(timezone.utc)).total_seconds()
    ok = abs(difference) <= MAX_CLOCK_DIFFERENCE_S
    side = "ahead of" if difference > 0 else "behind"
    detail = f"this desk's clock is {abs(difference):.2f} s {side} the server's"
    return Check("clock", ok, detail if ok else f"{detail}: set both clocks (NTP) before the doors open",
                 round(difference, 3))


def _reason(error: DBAPIError) -> str:
    original = getattr(error, "orig", None) or error
    return " ".join(str(original).split()) or type(original).__name__
