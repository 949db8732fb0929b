"""Badge printing for the desk: one call per guest that returns at once.

Rendering, printing and the print log run off the UI thread, one badge after the other (a serial
lane, so badges come out in check-in order); results come back to the UI thread by signal. The
service has no Qt parent: a badge being printed keeps it alive even while the window closes. A guest's badge prints
once: automatic printing skips guests whose badge was printed; a reprint is an explicit call.
"""
from __future__ import annotations

import tempfile
import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QThreadPool, Signal
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from checkin.badges.calibration import Calibrations
from checkin.badges.cups import CupsError, CupsPrinter
from checkin.badges.layout import LayoutError
from checkin.badges.library import layout_for
from checkin.badges.pretix_printing import pretix_choice
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import Stock, UnknownStockError, get_stock
from checkin.settings import Settings
from checkin.store.badge_log import PrintTarget, badge_guest, claim_print, finish_print
from checkin.store.database import Database
from checkin.ui.badge_pdf import QtPrinterBackend, QtPrintError

PRINT_ERRORS = (CupsError, QtPrintError, LayoutError, UnknownStockError, OSError, LookupError, SQLAlchemyError)


class BadgePrinterBackend(Protocol):
    destination: str

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str: ...


def backend_from_settings(settings: Settings) -> BadgePrinterBackend | None:
    """A CUPS queue when one is set, else the printer chosen once in the print dialog."""
    if settings.get("badge_cups_queue"):
        return CupsPrinter(settings.get("badge_cups_queue"))
    if settings.get("badge_printer"):
        return QtPrinterBackend(settings.get("badge_printer"))
    return None


class BadgePrintService(QObject):
    """``print_badge(registration_id, reprint=False)`` for the desk window; never blocks the UI."""

    printed = Signal(int, str)  # registration id, print job or destination
    skipped = Signal(int)  # printed before (automatic printing leaves it alone), or pretix prints it no badge
    failed = Signal(int, str)  # registration id, message to show

    def __init__(self, database: Database, settings: Settings, desk_id: str, desk_name: str, *,
                 backend_factory: Callable[[Settings], BadgePrinterBackend | None] = backend_from_settings,
                 calibrations: Calibrations | None = None, pool: QThreadPool | None = None):
        super().__init__()
        self.database, self.settings = database, settings
        self.desk_id, self.desk_name = desk_id, desk_name
        self.backend_factory = backend_factory
        self.calibrations = calibrations or Calibrations()
        self.pool = pool or QThreadPool.globalInstance()
        self._jobs: deque[tuple[int, bool]] = deque()
        self._lock = threading.Lock()
        self._idle = threading.Event()
        self._idle.set()

    def print_badge(self, registration_id: int, *, reprint: bool = False) -> None:
        """Queue the guest's badge; returns at once. Reports through printed/skipped/failed."""
        with self._lock:
            self._jobs.append((registration_id, reprint))
            if not self._idle.is_set():
                return  # the running lane takes it next
            self._idle.clear()
        self.pool.start(self._drain)

    def on_checked_in(self, registration_id: int) -> bool:
        """Print the badge of a guest just checked in, if this desk prints on check-in."""
        if not self.settings.get("print_on_check_in"):
            return False
        self.print_badge(registration_id)
        return True

    def has_printer(self) -> bool:
        return self.backend_factory(self.settings) is not None

    def choose_printer(self, parent: QWidget | None = None) -> bool:
        """Ask once for the badge printer (UI thread); later badges print without a dialog."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(self.tr("Choose the badge printer"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted or not printer.printerName():
            return False
        self.settings.set("badge_printer", printer.printerName())
        self.settings.save()
        return True

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Let queued badges finish (when the desk closes)."""
        return self._idle.wait(msecs / 1000)

    def _drain(self) -> None:
        while True:
            with self._lock:
                if not self._jobs:
                    self._idle.set()
                    return
                registration_id, reprint = self._jobs.popleft()
            try:
                self._print(registration_id, reprint)
            except PRINT_ERRORS as error:
                self.failed.emit(registration_id, str(error))
            except Exception as error:  # noqa: BLE001 - the lane must go on with the next guest's badge
                self.failed.emit(registration_id, self.tr("Badge not printed: {0}").format(error))

    def _print(self, registration_id: int, reprint: bool) -> None:
        backend = self.backend_factory(self.settings)
        if backend is None:
            self.failed.emit(registration_id, self.tr("No badge printer is chosen for this desk."))
            return
        stock = get_stock(self.settings.get("badge_stock"))
        with self.database.reader() as session:  # a pretix event prints its own layouts, chosen per product
            pretix = pretix_choice(session, badge_guest(session, registration_id), self.settings.get("badge_layout"))
        if pretix is not None and pretix.layout is None:  # pretix prints no badge for this product
            self.skipped.emit(registration_id)
            return
        layout = layout_for(stock, self.settings.get("badge_layout")) if pretix is None else pretix.layout
        target = PrintTarget(self.desk_id, self.desk_name, self.settings.get("badge_layout") or layout.name,
                             stock.name, backend.destination)
        with self.database.session() as session:
            print_id = claim_print(session, registration_id, target, reprint=reprint)
            guest = badge_guest(session, registration_id) if print_id is not None else None
        if print_id is None:
            self.skipped.emit(registration_id)
            return
        offset = self.calibrations.offset(backend.destination.partition(":")[2])  # per printer name
        try:
            with tempfile.TemporaryDirectory(prefix="checkin-badge-") as folder:
                pdf = Path(folder) / "badge.pdf"
                if pretix is None:
                    BadgeRenderer(layout, stock, offset=(offset.x, offset.y)).render([guest], pdf)
                else:
                    pretix.render(pdf)
                job = backend.print_pdf(pdf, stock, title=self.tr("Badge {0}").format(guest.name or guest.code))
        except PRINT_ERRORS as error:
            self._finish(print_id, str(error))
            raise
        self._finish(print_id, None)
        self.printed.emit(registration_id, job)

    def _finish(self, print_id: int, error: str | None) -> None:
        with self.database.session() as session:
            finish_print(session, print_id, error)
