"""pretix sync benchmarks against a real local pretix (figures printed and saved; no timing asserts).

    PYTHONPATH=$PWD python -m pytest tests/perf/test_pretix_perf.py -o addopts="" -s

``CHECKIN_PERF_PRETIX_POSITIONS`` sets the size of the big event (default 5000; 100000 with one repetition
takes 15-25 minutes on a shared 2-core machine, ~3 of them seeding), ``CHECKIN_PERF_PRETIX_REPEAT`` the
repetitions (default 3), ``CHECKIN_PERF_PRETIX_INSTANT_POSITIONS`` the size of the client-side-alone pull
(default: the same), ``CHECKIN_PERF_PRETIX_BATCH_PAGES`` the pages a pull writes per transaction (default: the
Puller's), ``CHECKIN_PERF_PRETIX_FREEZE=0`` skips the start-up freeze the desk app does (checkin.heap),
``CHECKIN_PERF_PRETIX_DATABASE`` pretix's database: ``postgresql`` (default; the suite's PostgreSQL server, as
real pretix installations run; ``CHECKIN_TEST_PG_URL`` points it at a private server, so a long run does not
hold the suite's shared cluster) or ``sqlite3`` (pretix on SQLite re-sorts and re-counts the whole order table
for every page: ~200 ms a page at 5,000 orders and far slower at 100,000).

Besides wall times it reports where the pull's time goes (page fetches as the client sees them, batch
writes, garbage-collector pauses) and how late a 10 ms timer on another thread wakes (what a UI thread
would feel) while idle, during the raw download and during the pull, all in the same run.
"""
from __future__ import annotations

import gc
import inspect
import math
import os
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import httpx
import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import select

from checkin.heap import freeze_startup_objects
from checkin.store.database import open_database
from checkin.store.models import Registration
from checkin.sync.pretix.client import PAGE_SIZE
from checkin.sync.pretix.connection import load_connection
from checkin.sync.pretix.credentials import TokenStore
from checkin.sync.pretix.offline import pretix_desk
from checkin.sync.pretix.pull import ORDER_PARAMS, Puller
from checkin.sync.pretix.push import Pusher
from checkin.sync.pretix.setup import connect
from tests.conftest import skip_or_fail
from tests.perf.harness import Timing, report
from tests.support.pretix.harness import PretixServer, serve
from tests.support.pretix.replay import InstantOrders
from tests.support.pretix.server_cpu import cpu_snapshot, cpu_spent

pytestmark = pytest.mark.timeout(3600)  # 100,000 positions take many minutes against a local pretix
POSITIONS = int(os.environ.get("CHECKIN_PERF_PRETIX_POSITIONS", "5000"))
REPEAT = int(os.environ.get("CHECKIN_PERF_PRETIX_REPEAT", "3"))
INSTANT_POSITIONS = int(os.environ.get("CHECKIN_PERF_PRETIX_INSTANT_POSITIONS", str(POSITIONS)))
DATABASE = os.environ.get("CHECKIN_PERF_PRETIX_DATABASE", "postgresql")
FREEZE = os.environ.get("CHECKIN_PERF_PRETIX_FREEZE", "1") == "1"
CONCURRENCY = 4
BATCH_PAGES = int(os.environ.get("CHECKIN_PERF_PRETIX_BATCH_PAGES",
                                 inspect.signature(Puller).parameters["batch_pages"].default))
WARM_UP_PAGES = 100


@pytest.fixture(scope="module")
def big_server(tmp_path_factory, request):
    keyring.set_keyring(fail.Keyring())
    postgres_url = request.getfixturevalue("postgres_server").admin_url if DATABASE == "postgresql" else None
    yield from serve(tmp_path_factory.mktemp("pretix-perf"), skip_or_fail, orders=10, big_orders=POSITIONS,
                     postgres_url=postgres_url)


@pytest.fixture
def desk_heap():
    """The desk app freezes its start-up objects (checkin.heap); so does this process before it measures,
    unless CHECKIN_PERF_PRETIX_FREEZE=0 (to see the difference)."""
    if FREEZE:
        freeze_startup_objects()
    yield
    gc.unfreeze()


def _fresh(server, tmp_path, name):
    database = open_database(f"sqlite:///{tmp_path / f'{name}-{uuid.uuid4().hex[:6]}.sqlite3'}")
    tokens = TokenStore(tmp_path / "tokens.json")
    result = connect(database, tokens, url=server.url, organizer="ckd", event_slug="big", token=server.token)
    with database.reader() as session:
        connection = load_connection(session, result.event_id)
    return database, tokens, connection, result


def _raw_download(server, latencies: list[float] | None = None, limit: int | None = None) -> int:
    """The baseline: the same order pages, fetched with plain httpx at the same concurrency, bytes only."""
    url = f"{server.url}/api/v1/organizers/ckd/events/big/orders/"
    latencies = [] if latencies is None else latencies

    def fetch(page: int) -> int:
        started = time.perf_counter()
        size = len(client.get(url, params={**ORDER_PARAMS, "page": page}).raise_for_status().content)
        latencies.append(time.perf_counter() - started)
        return size

    with httpx.Client(headers=server.auth, timeout=60,
                      limits=httpx.Limits(max_connections=CONCURRENCY)) as client:
        first = client.get(url, params={**ORDER_PARAMS, "page": 1})
        pages = min(limit or math.inf, math.ceil(first.json()["count"] / PAGE_SIZE))
        with ThreadPoolExecutor(CONCURRENCY) as pool:
            sizes = list(pool.map(fetch, range(2, pages + 1)))
    return len(first.content) + sum(sizes)


class TimedPuller(Puller):
    """The real Puller, with its page fetches and batch writes timed (where does the time go?)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fetches = Timing("pull: one page fetched+parsed (client side)")
        self.writes = Timing("pull: one batch write")

    def _page(self, page):
        started = time.perf_counter()
        try:
            return super()._page(page)
        finally:
            self.fetches.seconds.append(time.perf_counter() - started)

    def _write(self, *args, **kwargs):
        started = time.perf_counter()
        try:
            return super()._write(*args, **kwargs)
        finally:
            self.writes.seconds.append(time.perf_counter() - started)


class GcWatch:
    """The garbage collector's pauses (they hold the GIL, so every thread stops while they run)."""

    def __init__(self, timing: Timing):
        self.timing = timing
        self.full = Timing(f"{timing.name}, full collections only")
        self.spans: list[tuple[float, float]] = []  # (start, end) of pauses over 5 ms
        self._started = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._started = time.perf_counter()
            return
        ended = time.perf_counter()
        self.timing.seconds.append(ended - self._started)
        if ended - self._started > 0.005:
            self.spans.append((self._started, ended))
        if info["generation"] == 2:
            self.full.seconds.append(self.timing.seconds[-1])

    def __enter__(self):
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc):
        gc.callbacks.remove(self._callback)


class CpuWatch:
    """CPU seconds spent by pretix (gunicorn, PostgreSQL) and by this process meanwhile."""

    def __init__(self, server: PretixServer, runs: list):
        self.server, self.runs = server, runs

    def __enter__(self):
        self._server, self._client = cpu_snapshot(self.server), time.process_time()
        return self

    def __exit__(self, *exc):
        spent = cpu_spent(self._server, cpu_snapshot(self.server))
        self.runs.append({**spent, "client": round(time.process_time() - self._client, 2)})


class GilWatch:
    """How late a 10 ms sleep on another thread wakes while the pull runs: what a UI thread would feel."""

    def __init__(self):
        self.gaps: list[float] = []
        self.late: list[tuple[float, float]] = []  # (due, woke) of wake-ups more than 50 ms late
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            started = time.perf_counter()
            time.sleep(0.01)
            woke = time.perf_counter()
            self.gaps.append(woke - started - 0.01)
            if self.gaps[-1] > 0.05:
                self.late.append((started + 0.01, woke))

    def blamed_on(self, collector: GcWatch) -> dict:
        """How many wake-ups were over 50 ms late, and how many of those overlapped a GC pause (the rest:
        other threads holding the GIL, or the machine's scheduler)."""
        during_gc = sum(any(start < woke and end > due for start, end in collector.spans) for due, woke in self.late)
        return {"late_over_50ms": len(self.late), "of_which_during_gc": during_gc}

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def test_pull_against_raw_download(big_server, tmp_path, desk_heap):
    raw, pull = Timing(f"raw paged download ({POSITIONS} positions)"), Timing(f"full pull ({POSITIONS})")
    raw_pages = Timing("raw: one page fetched (server side + transfer)")
    ui_idle = Timing("other-thread wake-up lateness, idle (machine noise)")
    ui_raw = Timing("other-thread wake-up lateness during raw download")
    ui = Timing("other-thread wake-up lateness during pull")
    gc_raw, gc_pull = Timing("gc pauses during raw download"), Timing("gc pauses during pull")
    incremental = Timing("incremental pull, nothing changed")
    _raw_download(big_server, limit=WARM_UP_PAGES)  # warm the server's workers and caches
    load = [os.getloadavg()]
    with GilWatch() as watch:
        time.sleep(10)
    ui_idle.seconds.extend(watch.gaps)
    fetches, writes, full_gc = Timing(""), Timing(""), Timing("")
    cpu: dict[str, list] = {"raw download": [], "pull": []}
    late: dict[str, list] = {"raw download": [], "pull": []}
    for repetition in range(REPEAT):
        with GilWatch() as watch, GcWatch(gc_raw) as collector, CpuWatch(big_server, cpu["raw download"]):
            started = time.perf_counter()
            size = _raw_download(big_server, raw_pages.seconds)
            raw.seconds.append(time.perf_counter() - started)
        ui_raw.seconds.extend(watch.gaps)
        late["raw download"].append(watch.blamed_on(collector))
        database, _tokens, connection, _result = _fresh(big_server, tmp_path, f"pull{repetition}")
        puller = TimedPuller(connection.client(_tokens), database, connection, concurrency=CONCURRENCY,
                             batch_pages=BATCH_PAGES)
        with GilWatch() as watch, GcWatch(gc_pull) as collector, CpuWatch(big_server, cpu["pull"]):
            started = time.perf_counter()
            outcome = puller.pull()
            pull.seconds.append(time.perf_counter() - started)
        ui.seconds.extend(watch.gaps)
        late["pull"].append(watch.blamed_on(collector))
        fetches, writes = _merge(fetches, puller.fetches), _merge(writes, puller.writes)
        full_gc = _merge(full_gc, collector.full)
        assert outcome.positions == POSITIONS
        started = time.perf_counter()
        assert Puller(connection.client(_tokens), database, connection).pull().positions == 0
        incremental.seconds.append(time.perf_counter() - started)
        database.dispose()
        load.append(os.getloadavg())
    report(f"pretix pull {POSITIONS}", _measured(pull, incremental, raw_pages, fetches, writes, ui_idle, ui_raw, ui,
                                                 gc_raw, gc_pull, full_gc),
           baseline=raw, full_collections=len(full_gc.seconds), startup_objects_frozen=FREEZE,
           positions=POSITIONS, bytes_per_download=size,
           pages=math.ceil(POSITIONS / PAGE_SIZE), concurrency=CONCURRENCY, batch_pages=BATCH_PAGES,
           pretix_database=DATABASE,
           cpu_seconds_per_run=cpu, lateness_over_50ms_per_run=late,
           write_seconds_total=[round(sum(writes.seconds) / REPEAT, 2)],
           load_average_1_5_15=[tuple(round(value, 2) for value in loads) for loads in load])


def test_pull_client_side_alone(big_server, tmp_path, desk_heap):
    """The same pull with order pages answered instantly from memory: what our client costs by itself,
    against the least any client must do (fetch and parse every page) through the same transport."""
    template = httpx.get(f"{big_server.url}/api/v1/organizers/ckd/events/big/orders/", headers=big_server.auth,
                         params={**ORDER_PARAMS, "page": 1}, timeout=60).raise_for_status().json()
    transport = InstantOrders(httpx.HTTPTransport(), template, INSTANT_POSITIONS)
    parse = Timing(f"fetch+parse only, instant server ({INSTANT_POSITIONS})")
    pull = Timing("full pull, instant server")
    ui, gc_pull = Timing("other-thread wake-up lateness during pull"), Timing("gc pauses during pull")
    writes, full_gc, load, late = Timing(""), Timing(""), [os.getloadavg()], []
    for repetition in range(REPEAT):
        database, tokens, connection, _result = _fresh(big_server, tmp_path, f"instant{repetition}")
        orders = connection.event_path + "orders/"
        with connection.client(tokens, transport=transport) as client:
            started = time.perf_counter()
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                list(pool.map(lambda page, client=client, orders=orders: client.get_json(orders, {"page": page}),
                              range(1, len(transport.pages) + 1)))
            parse.seconds.append(time.perf_counter() - started)
            puller = TimedPuller(client, database, connection, concurrency=CONCURRENCY, batch_pages=BATCH_PAGES)
            with GilWatch() as watch, GcWatch(gc_pull) as collector:
                started = time.perf_counter()
                assert puller.pull().positions == INSTANT_POSITIONS
                pull.seconds.append(time.perf_counter() - started)
        ui.seconds.extend(watch.gaps)
        late.append(watch.blamed_on(collector))
        writes, full_gc = _merge(writes, puller.writes), _merge(full_gc, collector.full)
        database.dispose()
        load.append(os.getloadavg())
    report(f"pretix pull {INSTANT_POSITIONS}, client side alone", _measured(pull, writes, ui, gc_pull, full_gc),
           baseline=parse, full_collections=len(full_gc.seconds), startup_objects_frozen=FREEZE,
           batch_pages=BATCH_PAGES, lateness_over_50ms_per_run=late,
           load_average_1_5_15=[tuple(round(value, 2) for value in loads) for loads in load])


def _measured(*timings: Timing) -> list[Timing]:
    return [timing for timing in timings if timing.seconds]


def _merge(total: Timing, more: Timing) -> Timing:
    return Timing(more.name, total.seconds + more.seconds)


def test_upload_of_queued_check_ins(big_server, tmp_path):
    database, tokens, connection, result = _fresh(big_server, tmp_path, "upload")
    Puller(connection.client(tokens), database, connection).pull()
    with database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.status == "valid")
                                     .order_by(Registration.id)))
    desk = pretix_desk(database, str(uuid.uuid4()), "Bench desk")
    upload = Timing("upload of 1,000 queued check-ins")
    for repetition in range(min(3, len(codes) // 1000)):
        for code in codes[repetition * 1000:(repetition + 1) * 1000]:
            desk.scan(result.event_id, result.list_id, code)
        started = time.perf_counter()
        with connection.client(tokens) as client:
            pushed = Pusher(client, database, connection, result.event_id).push()
        upload.seconds.append(time.perf_counter() - started)
        assert pushed.uploaded == 1000
    report("pretix upload", [upload], per_check_in_ms=round(upload.median, 3))
