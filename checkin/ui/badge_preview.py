"""Live badge preview off the UI thread: the same ReportLab PDF that prints, rendered by QtPdf.

Each request gets a number; only the newest one's image is shown, so fast editing never
shows an older state last. The previewer has no Qt parent and runs on the global pool: a running
render keeps it alive, so closing the editor mid-render never deletes the object it reports from.
"""
from __future__ import annotations

import copy
import threading
from dataclasses import replace

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtGui import QImage

from checkin.badges.guest import BadgeGuest
from checkin.badges.layout import Layout, LayoutError
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import Stock
from checkin.store.badge_log import longest_guests
from checkin.store.database import Database
from checkin.ui.badge_pdf import QtPrintError, pdf_pages

PREVIEW_DPI = 144


def single_label(stock: Stock) -> Stock:
    """The stock as one label on a page of its own size (a preview shows the badge, not the sheet)."""
    return replace(stock, page_width=stock.label_width, page_height=stock.label_height, columns=1, rows=1,
                   margin_left=0.0, margin_top=0.0, back_panel=None)


class BadgePreviewer(QObject):
    ready = Signal(int, QImage)  # request number, the badge image
    failed = Signal(int, str)  # request number, message
    guests_loaded = Signal(list)  # sample guests from the database (longest names first)

    def __init__(self, pool: QThreadPool | None = None):
        super().__init__()
        self.pool = pool or QThreadPool.globalInstance()
        self.latest = 0
        self._one_at_a_time = threading.Lock()

    def request(self, layout: Layout, stock: Stock, guest: BadgeGuest) -> int:
        """Render the badge in the background; ``ready`` brings the image with the returned number."""
        self.latest += 1
        number, layout = self.latest, copy.deepcopy(layout)  # the editor goes on changing its copy
        self.pool.start(lambda: self._render(number, layout, stock, guest))
        return number

    def load_guests(self, database: Database, event_id: int) -> None:
        self.pool.start(lambda: self._load_guests(database, event_id))

    def wait_for_done(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    def _render(self, number: int, layout: Layout, stock: Stock, guest: BadgeGuest) -> None:
        with self._one_at_a_time:
            if number == self.latest:  # else a newer request is queued behind this one
                self._render_now(number, layout, stock, guest)

    def _render_now(self, number: int, layout: Layout, stock: Stock, guest: BadgeGuest) -> None:
        try:
            pdf, _result = BadgeRenderer(layout, single_label(stock), outlines=True).render_bytes([guest])
            [image] = pdf_pages(pdf, PREVIEW_DPI, limit=1)
        except (LayoutError, QtPrintError, OSError, ValueError) as error:
            self.failed.emit(number, str(error))
            return
        self.ready.emit(number, image)

    def _load_guests(self, database: Database, event_id: int) -> None:
        with database.reader() as session:
            guests = longest_guests(session, event_id)
        self.guests_loaded.emit(guests)
