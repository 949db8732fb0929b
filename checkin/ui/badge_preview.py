"""Live badge preview off the UI thread: the same ReportLab PDF that prints, rendered by QtPdf.

Each request gets a number; only the newest one's image is shown, so fast editing never
shows an older state last. The previewer has no Qt parent and renders on the task manager's pool
lane: a running render keeps it alive, so closing the editor mid-render never deletes the object
it reports from.
"""
from __future__ import annotations

import copy
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from checkin.badges.guest import BadgeGuest
from checkin.badges.layout import Layout, LayoutError
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import Stock
from checkin.store.badge_log import longest_guests
from checkin.store.database import Database
from checkin.ui.badge_pdf import QtPrintError, pdf_pages
from checkin.ui.operations import Job, Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of

PREVIEW_DPI = 144


def single_label(stock: Stock) -> Stock:
    """The stock as one label on a page of its own size (a preview shows the badge, not the sheet)."""
    return replace(stock, page_width=stock.label_width, page_height=stock.label_height, columns=1, rows=1,
                   margin_left=0.0, margin_top=0.0, back_panel=None)


class BadgePreviewer(QObject):
    ready = Signal(int, QImage)  # request number, the badge image
    failed = Signal(int, str)  # request number, message
    guests_loaded = Signal(list)  # sample guests from the database (longest names first)

    def __init__(self, tasks: TaskManager | None = None):
        super().__init__()
        self.tasks = tasks or tasks_of(None)
        self.latest = 0
        self._one_at_a_time = threading.Lock()

    def request(self, layout: Layout, stock: Stock, guest: BadgeGuest, dpi: float = PREVIEW_DPI) -> int:
        """Render the badge in the background; ``ready`` brings the image with the returned number."""
        self.latest += 1
        number, layout = self.latest, copy.deepcopy(layout)  # the editor goes on changing its copy
        Op(self, lambda job: self._render(job, number, layout, stock, guest, dpi), lane=Lane.POOL).success(
            lambda image: self._rendered(number, image)).failure(lambda error: self._failed(number, error)
                                                                   ).run(self.tasks)
        return number

    def load_guests(self, database: Database, event_id: int) -> None:
        Op(self, lambda _job: self._load_guests(database, event_id), lane=Lane.READER).success(
            self.guests_loaded.emit).run(self.tasks)

    def wait_for_done(self, msecs: int = 10000) -> bool:
        return self.tasks.wait(msecs)

    def _render(self, _job: Job, number: int, layout: Layout, stock: Stock, guest: BadgeGuest,
                dpi: float) -> QImage | None:
        with self._one_at_a_time:
            if number != self.latest:  # a newer request is queued behind this one
                return None
            # Exactly what prints (no outline: the editor draws the label's edge itself).
            pdf, _result = BadgeRenderer(layout, single_label(stock)).render_bytes([guest])
            [image] = pdf_pages(pdf, dpi, limit=1)
            return image

    def _rendered(self, number: int, image: QImage | None) -> None:
        if image is not None:
            self.ready.emit(number, image)

    def _failed(self, number: int, error: BaseException) -> None:
        if isinstance(error, (LayoutError, QtPrintError, OSError, ValueError)):
            self.failed.emit(number, str(error))
        else:  # a bug: said in the editor's status line, and logged
            self.failed.emit(number, f"{type(error).__name__}: {error}")
            self.tasks.on_unhandled(error)

    @staticmethod
    def _load_guests(database: Database, event_id: int) -> list[BadgeGuest]:
        with database.reader() as session:
            return longest_guests(session, event_id)
