"""Pulls orders into registrations: a resumable first pull with bounded concurrent page fetches,
then only what changed (``modified_since`` = the ``X-Page-Generated`` of the previous pull's first page)."""
from __future__ import annotations

import logging
import math
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain
from typing import TypeVar

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from checkin.store.database import Database
from checkin.store.log_notices import announce, send_announced
from checkin.store.models import Registration, TicketType
from checkin.store.registrations import insert_registrations, reindex
from checkin.sync.pretix.badge_layouts import pull_badge_layouts
from checkin.sync.pretix.client import PAGE_SIZE, PretixClient, PretixError
from checkin.sync.pretix.connection import Connection, sync_state
from checkin.sync.pretix.mapping import registration_fields
from checkin.sync.pretix.metadata import item_texts, pull_metadata
from checkin.sync.pretix.server_checkins import import_server_check_ins, server_desk

T = TypeVar("T")

#: What a pull leaves out: order fields nobody at the desk reads. Each one costs pretix queries or URL
#: building for every order (payment_date/payment_provider must go with payments, or pretix queries
#: the payments once per order); pages come ~25% faster and ~15% smaller.
EXCLUDED = ("fees", "payments", "refunds", "payment_date", "payment_provider", "invoice_address", "customer",
            "downloads", "url", "positions.downloads", "positions.print_logs")
#: New orders sort last (by datetime, code as tie-break), so pages fetched earlier never shift.
ORDER_PARAMS = {"pdf_data": "false", "include_canceled_positions": "true", "ordering": "datetime,code",
                "exclude": list(EXCLUDED)}
log = logging.getLogger(__name__)
_SEARCHED = ("given_name", "family_name", "company", "email", "code")

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PullResult:
    event_id: int
    positions: int
    pages: int
    full: bool


class Puller:
    """One pull of one connected event; writes go through insert_registrations/reindex in batches.

    A batch of 10 pages (500 orders) keeps the garbage collector's full passes short: with 20 pages the
    page data alive at once made them ~30 ms (up to 86 ms) and a pull of 100,000 positions with pages
    served instantly took 34 s; with 10, ~12 ms (up to 45 ms) and 27 s (tests/perf/test_pretix_perf.py).
    """

    def __init__(self, client: PretixClient, database: Database, connection: Connection, *,
                 concurrency: int = 4, batch_pages: int = 10, progress: Progress | None = None):
        self.client = client
        self.database = database
        self.connection = connection
        self.concurrency = concurrency
        self.batch_pages = batch_pages
        self.progress = progress or (lambda done, total: None)
        self.path = connection.event_path + "orders/"

    def pull(self) -> PullResult:
        with self.database.session() as session:
            self.event_id = pull_metadata(self.client, session, self.connection).id
            state = sync_state(session, self.event_id, "orders")
            cursor, data = state.cursor, dict(state.data or {})
        self._pull_badge_layouts()
        if cursor:
            return self._incremental(cursor)
        return self._full(data)

    def _pull_badge_layouts(self) -> None:
        """The badges print offline, so they come with every pull; a broken background must not stop
        the guests from coming: the layouts kept from the last pull stay, with a warning."""
        try:
            with self.database.session() as session:
                pull_badge_layouts(self.client, session, self.connection, self.event_id)
        except PretixError as error:
            log.warning("pretix badge layouts not updated: %s", error)

    def _full(self, data: dict) -> PullResult:
        first, headers = self.client.get_json(self.path, {**ORDER_PARAMS, "page": 1})
        if not data.get("generated"):  # a new first pull; otherwise resume the interrupted one
            data = {"generated": headers.get("X-Page-Generated", ""), "done": []}
        pages = max(1, math.ceil(first["count"] / PAGE_SIZE))
        done = set(data["done"])
        todo = [page for page in range(1, pages + 1) if page not in done]
        rest = [page for page in todo if page != 1]
        positions = 0
        with ThreadPoolExecutor(self.concurrency, thread_name_prefix="pretix-pull") as pool:
            stream = chain([(1, first["results"])] if 1 in todo else [], self._fetched(pool, rest))
            written = len(done)
            for chunk in batched(stream, self.batch_pages):
                positions += self._write([order for _, orders in chunk for order in orders],
                                         done_pages=[page for page, _ in chunk], data=data)
                written += len(chunk)
                self.progress(written, pages)
        with self.database.session() as session:
            state = sync_state(session, self.event_id, "orders")
            state.cursor, state.data = data["generated"], {}
        return PullResult(self.event_id, positions, pages, True)

    def _fetched(self, pool: ThreadPoolExecutor, pages: list[int]) -> Iterator[tuple[int, list[dict]]]:
        """Pages in order while later ones keep downloading (writes overlap fetches), but never more than a
        batch and the fetches in flight ahead: a slow writer must not pile up the whole event in memory,
        where every garbage collection would have to walk through it."""
        ahead: deque[tuple[int, Future]] = deque()
        pending = iter(pages)
        try:
            for page in pending:
                ahead.append((page, pool.submit(self._page, page)))
                if len(ahead) >= self.concurrency + self.batch_pages:
                    break
            while ahead:
                page, future = ahead.popleft()
                results = future.result()
                following = next(pending, None)
                if following is not None:
                    ahead.append((following, pool.submit(self._page, following)))
                yield page, results
        finally:
            for _page, future in ahead:
                future.cancel()

    def _page(self, page: int) -> list[dict]:
        return self.client.get_json(self.path, {**ORDER_PARAMS, "page": page})[0]["results"]

    def _incremental(self, cursor: str) -> PullResult:
        params = {**ORDER_PARAMS, "modified_since": cursor}
        first, headers = self.client.get_json(self.path, {**params, "page": 1})
        generated = headers.get("X-Page-Generated", cursor)
        orders, page, data = list(first["results"]), 1, first
        while data.get("next"):
            page += 1
            data, _ = self.client.get_json(self.path, {**params, "page": page})
            orders.extend(data["results"])
        positions = self._write(orders)
        with self.database.session() as session:
            sync_state(session, self.event_id, "orders").cursor = generated
        return PullResult(self.event_id, positions, page, False)

    def _write(self, orders: list[dict], done_pages: Iterable[int] = (), data: dict | None = None) -> int:
        with self.database.session() as session:
            types = dict(session.execute(select(TicketType.external_id, TicketType.id)
                                         .where(TicketType.event_id == self.event_id)).all())
            texts = item_texts(session, self.event_id)
            rows = [registration_fields(order, position, types, texts)
                    for order in orders for position in order.get("positions", [])
                    if str(position.get("item")) in types]
            _upsert(session, self.event_id, rows)
            copied = import_server_check_ins(session, self.event_id, server_desk(session, self.connection.url), orders)
            if rows or copied:  # the other desks on a venue PostgreSQL show them within a second
                announce(session, self.event_id, registrations=bool(rows))
                send_announced(session, self.database.origin)
            if data is not None:
                data["done"] = sorted(set(data["done"]) | set(done_pages))
                sync_state(session, self.event_id, "orders").data = dict(data)
        return len(rows)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (itertools.batched arrives in 3.12)."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _upsert(session: Session, event_id: int, rows: list[dict]) -> None:
    """Insert new positions, update changed ones (matched by position id, else by code)."""
    if not rows:
        return
    ids = [row["external_id"] for row in rows]
    codes = [row["code"] for row in rows]
    by_id: dict[str, Registration] = {}
    by_code: dict[str, Registration] = {}
    for start in range(0, len(rows), 500):
        for registration in session.scalars(select(Registration).where(
                Registration.event_id == event_id,
                or_(Registration.external_id.in_(ids[start:start + 500]),
                    Registration.code.in_(codes[start:start + 500])))):
            if registration.source == "pretix" and registration.external_id:
                by_id[registration.external_id] = registration
            by_code[registration.code] = registration
    new, changed = [], []
    for row in rows:
        registration = by_id.get(row["external_id"]) or by_code.get(row["code"])
        if registration is None:
            new.append(row)
            continue
        searched_before = tuple(getattr(registration, key) for key in _SEARCHED)
        for key, value in row.items():
            setattr(registration, key, value)
        if tuple(getattr(registration, key) for key in _SEARCHED) != searched_before:
            changed.append(registration)
    insert_registrations(session, event_id, new)
    reindex(session, changed)
