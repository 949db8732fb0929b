"""Foundation benchmarks at 100,000 registrations on SQLite (figures, not asserts).

Run: PYTHONPATH=. python -m pytest tests/perf/test_store_perf.py -o addopts="" -s
Targets (issue 2): decide+record p99 < 5 ms; search p95 < 20 ms; 100k created < 10 s.
"""
from __future__ import annotations

import random
import sqlite3
import time

import pytest
from sqlalchemy import select

from checkin.store.database import open_database
from checkin.store.desk import DeskService
from checkin.store.models import Registration
from checkin.store.search import search
from checkin.sync.demo import FAMILY_NAMES, GIVEN_NAMES, create_demo_event
from tests.perf.harness import Timing, measure, report

GUESTS = 100_000


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = tmp_path_factory.mktemp("perf") / "big.sqlite3"
    database = open_database(f"sqlite:///{path}")
    started = time.perf_counter()
    with database.session() as session:
        summary = create_demo_event(session, GUESTS, seed=1)
    created = Timing("create 100k registrations (demo, with search index)", [time.perf_counter() - started])
    baseline = _raw_insert_baseline(tmp_path_factory.mktemp("raw") / "raw.sqlite3")
    report("store: create 100k registrations", [created], baseline, target="< 10 s")
    yield database, summary, path
    database.dispose()


def _raw_insert_baseline(path) -> Timing:
    """sqlite3 executemany of 100k bare rows: the floor for any bulk create."""
    rows = [(n, f"code{n:08d}", "Given", "Family") for n in range(GUESTS)]
    connection = sqlite3.connect(path)
    started = time.perf_counter()
    connection.execute("CREATE TABLE r (id INTEGER PRIMARY KEY, code TEXT UNIQUE, given TEXT, family TEXT)")
    connection.executemany("INSERT INTO r VALUES (?, ?, ?, ?)", rows)
    connection.commit()
    elapsed = time.perf_counter() - started
    connection.close()
    return Timing("raw sqlite3 executemany 100k bare rows", [elapsed])


def test_decide_and_record(big):
    database, summary, path = big
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).where(Registration.status == "valid")).all()
    random.Random(5).shuffle(codes)
    desk = DeskService(database, "00000000-0000-4000-8000-0000000000aa", "Bench desk")
    list_id = summary.list_ids[0]
    fresh = iter(codes)
    first = measure("scan: decide+record (admitted)", lambda: desk.scan(summary.event_id, list_id, next(fresh)),
                    repeat=2000)
    seen = iter(codes[:2003])
    duplicate = measure("scan: decide+record (already in)", lambda: desk.scan(summary.event_id, list_id, next(seen)),
                        repeat=2000)
    unknown = measure("scan: decide+record (unknown code)",
                      lambda: desk.scan(summary.event_id, list_id, "x" + next(fresh)), repeat=1000)
    lookup = _raw_lookup_baseline(path, codes)
    commit = _raw_durable_commit_baseline(path.with_name("commit.sqlite3"))
    report("store: decide+record at 100k", [first, duplicate, unknown], lookup, target="p99 < 5 ms",
           durable_commit_floor_median_ms=round(commit.median * 1000, 3),
           ratio_to_durable_commit_floor=round(first.median / commit.median, 2))


def _raw_lookup_baseline(path, codes) -> Timing:
    connection = sqlite3.connect(path)
    sample = iter(codes * 2)
    timing = measure("raw sqlite3 lookup by code", lambda: connection.execute(
        "SELECT id FROM registration WHERE event_id = 1 AND code = ?", (next(sample),)).fetchone(), repeat=5000)
    connection.close()
    return timing


def _raw_durable_commit_baseline(path) -> Timing:
    """One INSERT + COMMIT in WAL with synchronous=FULL: the fsync every confirmed check-in pays."""
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=FULL")
    connection.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, nonce TEXT)")

    def insert():
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO log (nonce) VALUES ('x')")
        connection.execute("COMMIT")

    timing = measure("raw sqlite3 durable insert+commit", insert, repeat=1000)
    connection.close()
    return timing


def _queries(length: int | str, rng: random.Random, codes: list[str]) -> list[str]:
    if length == "code":  # the first 6 characters of a code read off a ticket, in capitals
        return [rng.choice(codes)[:6].upper() for _ in range(1200)]
    if length == "two words":  # "mül a": a surname prefix and a given name's initial
        return [f"{rng.choice(FAMILY_NAMES)[:3]} {rng.choice(GIVEN_NAMES)[0]}" for _ in range(1200)]
    names = [name for name in FAMILY_NAMES + GIVEN_NAMES if len(name) >= length]
    return [rng.choice(names)[:length] for _ in range(1200)]


@pytest.mark.parametrize("length", [1, 3, 6, "two words", "code"])
def test_search_as_you_type(big, length):
    database, summary, path = big
    with database.reader() as session:
        codes = session.scalars(select(Registration.code).limit(5000)).all()
    queries = iter(_queries(length, random.Random(str(length)), codes))
    session_holder = {}

    def query():
        with database.reader() as session:
            session_holder["query"] = typed = next(queries)
            session_holder["hits"] = search(session, summary.event_id, typed, list_id=summary.list_ids[0])

    label = {"two words": "surname prefix + initial", "code": "code prefix"}.get(length, f"{length}-letter prefix")
    hits = "the guest" if length == "code" else "50 hits"
    timing = measure(f"search {label} ({hits}, with checked-in flag)", query, repeat=1000)
    if length == "code":
        assert [hit.code.upper()[:6] for hit in session_holder["hits"]] == [session_holder["query"]]
    connection = sqlite3.connect(path)
    baseline = measure("raw sqlite3 token range scan LIMIT 50", lambda: connection.execute(
        "SELECT registration_id FROM search_token WHERE event_id=1 AND kind=0 AND token >= 'mu' AND token < 'mv' "
        "ORDER BY token LIMIT 50").fetchall(), repeat=1000)
    connection.close()
    report(f"store: search {label} at 100k", [timing], baseline, target="p95 < 20 ms")
