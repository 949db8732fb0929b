"""A batch of badges as the organiser's window makes it: the guests chosen, rendered into one PDF in
the chosen stock and layout (our own or the event's pretix layouts), step by step so the caller can
report progress and stop; the PDF appears only once complete (written to a temporary file next to
it, renamed at the end), so a cancelled or failed batch leaves nothing half-written.
"""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import BinaryIO, TypeVar

from sqlalchemy.orm import Session

from checkin.badges.guest import BadgeGuest
from checkin.badges.library import layout_for
from checkin.badges.pretix_layout import PREFIX, PretixLayout
from checkin.badges.pretix_selection import PretixBadges, load_pretix_badges, pretix_guests, render_runs, runs_by_layout
from checkin.badges.pretix_values import PretixGuest
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import Stock, get_stock
from checkin.store.badge_log import select_batch

T = TypeVar("T")
#: Progress is reported (and cancel checked) every this many badges: often enough, cheap enough.
STEP = 20

Tick = Callable[[int, int], None]


@dataclass(frozen=True)
class BatchChoice:
    """What the organiser chose: ``layout`` is a layout key, ``pretix:NAME``, or "" for the default
    (the event's pretix layouts per product when it has some, else the one that suits the stock)."""

    stock: str
    layout: str = ""
    ticket_type: str | None = None
    only_unprinted: bool = False
    sort: str = "surname"


@dataclass
class Batch:
    """The selected guests and how they render; ``guests`` are the badges that will print."""

    choice: BatchChoice
    stock: Stock
    guests: list[BadgeGuest]
    pretix: PretixBadges | None = None
    runs: list[tuple[PretixLayout, list[PretixGuest]]] = field(default_factory=list)

    @property
    def layout_name(self) -> str:
        if self.pretix is not None:
            return ", ".join(dict.fromkeys(layout.key for layout, _run in self.runs))[:255] or "pretix"
        return self.choice.layout or layout_for(self.stock).name

    @property
    def first_sheet(self) -> int:
        """How many badges fill the first page (one per page for pretix layouts)."""
        return 1 if self.pretix is not None else self.stock.per_page

    def write(self, target: str | Path | BinaryIO, tick: Tick, limit: int | None = None) -> int:
        """Render the batch (or its first ``limit`` badges) to ``target``; returns the pages."""
        total = min(limit or len(self.guests), len(self.guests))
        if self.pretix is not None:
            runs = _first_runs(self.runs, limit) if limit else self.runs
            pages = render_runs(self.pretix, _ticking_runs(runs, tick, total), target).pages
        else:
            renderer = BadgeRenderer(layout_for(self.stock, self.choice.layout), self.stock)
            pages = renderer.render(ticking(self.guests[:total], tick, total), target).pages
        tick(total, total)
        return pages


def select(session: Session, event_id: int, choice: BatchChoice) -> Batch:
    """The batch for the event; raises LayoutError/UnknownTicketTypeError/UnknownStockError with a message."""
    stock = get_stock(choice.stock)
    guests = select_batch(session, event_id, only_unprinted=choice.only_unprinted,
                          ticket_type=choice.ticket_type, sort=choice.sort)
    if choice.layout and not choice.layout.startswith(PREFIX):
        layout_for(stock, choice.layout)  # an unknown layout is said now, not after the guests are counted
        return Batch(choice, stock, guests)
    badges = load_pretix_badges(session, event_id)
    if not choice.layout and not badges.layouts:
        return Batch(choice, stock, guests)
    chosen = badges.named(choice.layout) if choice.layout else None
    runs = list(runs_by_layout(badges, pretix_guests(session, guests), chosen))
    return Batch(choice, stock, [guest.guest for _layout, run in runs for guest in run], badges, runs)


def ticking(items: Iterable[T], tick: Tick, total: int, start: int = 0) -> Iterator[T]:
    """The items, calling ``tick(done, total)`` every STEP items (it may raise to stop the batch)."""
    for done, item in enumerate(items, start):
        if done % STEP == 0:
            tick(done, total)
        yield item


def _ticking_runs(runs: list[tuple[PretixLayout, list[PretixGuest]]], tick: Tick,
                  total: int) -> Iterator[tuple[PretixLayout, Iterable[PretixGuest]]]:
    done = 0
    for layout, run in runs:
        yield layout, list(ticking(run, tick, total, done))
        done += len(run)


def _first_runs(runs: list[tuple[PretixLayout, list[PretixGuest]]],
                limit: int) -> list[tuple[PretixLayout, list[PretixGuest]]]:
    guests = islice(((layout, guest) for layout, run in runs for guest in run), limit)
    return [(layout, [guest]) for layout, guest in guests]


def write_atomically(path: Path, write: Callable[[str], T]) -> T:
    """Render into a temporary file next to ``path`` and move it into place only when complete;
    any error (or cancel) on the way removes the temporary file and leaves ``path`` untouched."""
    handle, temporary = tempfile.mkstemp(suffix=".pdf.part", dir=path.parent)
    os.close(handle)
    try:
        result = write(temporary)
        os.replace(temporary, path)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return result
