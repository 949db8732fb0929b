"""The batch window's jobs, each run as an :class:`Op` off the UI thread: what the event offers to
choose from, the count and first sheet of a choice, the batch saved as a PDF or printed.

A batch is marked printed (on the writer lane, a job of its own) only after the whole PDF was
written or the printer took the job; a cancelled or failed batch marks nothing and leaves no file.
"""
from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import select as query

from checkin.badges.batch import Batch, BatchChoice, Tick, select, write_atomically
from checkin.badges.batch_process import render_in_child, warm_up
from checkin.badges.library import layout_entries
from checkin.badges.pretix_printing import page_stock
from checkin.badges.pretix_selection import pretix_layout_names
from checkin.settings import Settings
from checkin.store.badge_log import PrintTarget, record_printed
from checkin.store.database import Database
from checkin.store.models import TicketType
from checkin.ui.badge_printing import BadgePrinterBackend, NoPrinterError
from checkin.ui.operations import Job


@dataclass(frozen=True)
class BatchOptions:
    """What the window's lists offer for the open event."""

    ticket_types: list[str]
    layouts: list[str]


@dataclass(frozen=True)
class BatchPreview:
    badges: int
    pdf: bytes


@dataclass(frozen=True)
class BatchDone:
    """A batch written or printed; ``marked`` once the writer lane logged it as printed."""

    badges: int
    pages: int
    destination: str
    target: PrintTarget
    registration_ids: tuple[int, ...]
    marked: bool = False


class BatchJobs:
    """The jobs, for one event and desk; each method runs on a worker thread."""

    def __init__(self, database: Database, settings: Settings, event_id: int):
        self.database, self.settings, self.event_id = database, settings, event_id

    def options(self, _job: Job) -> BatchOptions:
        with self.database.reader() as session:
            types = list(session.scalars(query(TicketType.name).where(TicketType.event_id == self.event_id)
                                         .order_by(TicketType.name)))
            pretix = ["pretix:" + name for name in pretix_layout_names(session, self.event_id)]
        return BatchOptions(types, [entry.key for entry in layout_entries()] + pretix)

    def warm_up(self, _job: Job) -> None:
        """Start the badge renderer's process server before the first batch is asked for."""
        warm_up()

    def batch(self, choice: BatchChoice) -> Batch:
        with self.database.reader() as session:
            return select(session, self.event_id, choice)

    def preview(self, job: Job, choice: BatchChoice) -> BatchPreview:
        """The number of badges and the PDF of the first sheet (rendered in a child process too:
        a choice changed while the desk scans)."""
        batch = self.batch(choice)
        job.check()
        if not batch.guests:
            return BatchPreview(0, b"")
        with tempfile.TemporaryDirectory(prefix="checkin-sheet-") as folder:
            sheet = Path(folder) / "sheet.pdf"
            render_in_child(batch, str(sheet), lambda _done, _total: job.check(), job.check, limit=batch.first_sheet)
            return BatchPreview(len(batch.guests), sheet.read_bytes())

    def save(self, job: Job, choice: BatchChoice, path: Path) -> BatchDone:
        batch = self.batch(choice)
        pages = write_atomically(path, lambda target: render_in_child(batch, target, _ticker(job), job.check))
        return self._done(batch, pages, f"file:{path}")

    def print(self, job: Job, choice: BatchChoice, backend: BadgePrinterBackend | None) -> BatchDone:
        """Render to a private temporary file, then hand it to the printer in one job."""
        if backend is None:
            raise NoPrinterError("No badge printer is chosen for this desk.")
        batch = self.batch(choice)
        with tempfile.TemporaryDirectory(prefix="checkin-batch-") as folder:
            pdf = Path(folder) / "badges.pdf"
            pages = render_in_child(batch, str(pdf), _ticker(job), job.check)
            job.check()  # the last moment a cancel keeps the batch from the printer
            # pretix layouts print on their background's page (the first badge's), not the desk's stock.
            stock = batch.stock if batch.pretix is None else page_stock(pdf, batch.layout_name)
            backend.print_pdf(pdf, stock, title=f"Badges ({len(batch.guests)})")
        return self._done(batch, pages, backend.destination)

    def mark(self, _job: Job, done: BatchDone) -> BatchDone:
        """On the writer lane: log the whole batch as printed, so desks do not print it again."""
        with self.database.session() as session:
            record_printed(session, done.registration_ids, done.target)
        return replace(done, marked=bool(done.registration_ids))

    def _done(self, batch: Batch, pages: int, destination: str) -> BatchDone:
        desk_id, desk_name = self.settings.desk_identity()
        target = PrintTarget(desk_id, desk_name, batch.layout_name, batch.stock.name, destination[:255])
        return BatchDone(len(batch.guests), pages, destination, target,
                         tuple(guest.registration_id for guest in batch.guests))


def _ticker(job: Job) -> Tick:
    """Report progress and stop at a cancel, every few badges."""
    def tick(done: int, total: int) -> None:
        job.check()
        job.progress(done, total)
    return tick
