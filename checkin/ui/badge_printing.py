"""Badge printing for the desk: one call per guest that returns at once.

Rendering, printing and the print log run off the UI thread, one badge after the other (the task
manager's printer lane, so badges come out in check-in order); results come back to the UI thread
by signal. The service has no Qt parent: a badge being printed keeps it alive even while the window
closes. A guest's badge prints once: automatic printing skips guests whose badge was printed; a
reprint is an explicit call.
"""
from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget
from sqlalchemy.exc import SQLAlchemyError

from checkin.badges.calibration import Calibrations
from checkin.badges.cups import CupsError, CupsPrinter
from checkin.badges.layout import LayoutError
from checkin.badges.library import layout_for
from checkin.badges.pdf_file import FILE_PREFIX, PdfFilePrinter
from checkin.badges.pretix_printing import page_stock, pretix_choice
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import Stock, UnknownStockError, get_stock
from checkin.settings import Settings
from checkin.store.badge_log import PrintTarget, badge_guest, claim_print, finish_print
from checkin.store.database import Database
from checkin.ui.badge_pdf import QtPrinterBackend, QtPrintError
from checkin.ui.changes import REGISTRATIONS
from checkin.ui.operations import Op
from checkin.ui.taskman import Lane, TaskManager, tasks_of


class NoPrinterError(LookupError):
    """No badge printer is chosen for this desk."""


PRINT_ERRORS = (CupsError, QtPrintError, LayoutError, UnknownStockError, OSError, LookupError, SQLAlchemyError)


class BadgePrinterBackend(Protocol):
    destination: str

    def print_pdf(self, pdf: Path, stock: Stock, title: str = "") -> str: ...


def backend_from_settings(settings: Settings) -> BadgePrinterBackend | None:
    """A CUPS queue when one is set, else the printer chosen once in the print dialog."""
    if settings.get("badge_cups_queue"):
        return CupsPrinter(settings.get("badge_cups_queue"))
    if settings.get("badge_printer").startswith(FILE_PREFIX):  # "Print to File (PDF)" in the chooser
        return PdfFilePrinter(settings.get("badge_printer").removeprefix(FILE_PREFIX))
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
                 calibrations: Calibrations | None = None, tasks: TaskManager | None = None):
        super().__init__()
        self.database, self.settings = database, settings
        self.desk_id, self.desk_name = desk_id, desk_name
        self.backend_factory = backend_factory
        self.calibrations = calibrations or Calibrations()
        self._tasks = tasks

    @property
    def tasks(self) -> TaskManager:
        if self._tasks is None:  # asked for late: the service may be built before the application
            self._tasks = tasks_of(None)
        return self._tasks

    def print_badge(self, registration_id: int, *, reprint: bool = False) -> None:
        """Queue the guest's badge; returns at once. Reports through printed/skipped/failed."""
        Op(self, lambda _job: self._print(registration_id, reprint), lane=Lane.PRINTER, changes=REGISTRATIONS
           ).success(lambda job: self._printed(registration_id, job)).failure(
            lambda error: self._failed(registration_id, error)).run(self.tasks)

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
        printer = QPrinter()
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(self.tr("Choose the badge printer"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return False
        return self.use_printer(printer)

    def use_printer(self, printer: QPrinter) -> bool:
        """Remember the printer chosen in the dialog: a system printer, or "Print to File (PDF)"."""
        to_file = printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName()
        if not to_file and not printer.printerName():
            return False
        self.settings.set("badge_printer", FILE_PREFIX + printer.outputFileName() if to_file else printer.printerName())
        self.settings.save()
        return True

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Let queued badges finish (when the desk closes)."""
        return self._tasks is None or self._tasks.wait(msecs, Lane.PRINTER)

    def _printed(self, registration_id: int, job: str | None) -> None:
        if job is None:
            self.skipped.emit(registration_id)
        else:
            self.printed.emit(registration_id, job)

    def _failed(self, registration_id: int, error: BaseException) -> None:
        if isinstance(error, PRINT_ERRORS):
            self.failed.emit(registration_id, str(error))
        else:  # a bug: still said, and the lane goes on with the next guest's badge
            self.failed.emit(registration_id, self.tr("Badge not printed: {0}").format(error))

    def _print(self, registration_id: int, reprint: bool) -> str | None:
        """On the printer lane: the print job, or None when the badge was printed before."""
        backend = self.backend_factory(self.settings)
        if backend is None:
            raise NoPrinterError(self.tr("No badge printer is chosen for this desk."))
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
            return None
        offset = self.calibrations.offset(backend.destination.partition(":")[2])  # per printer name
        try:
            with tempfile.TemporaryDirectory(prefix="checkin-badge-") as folder:
                pdf = Path(folder) / "badge.pdf"
                if pretix is None:
                    BadgeRenderer(layout, stock, offset=(offset.x, offset.y)).render([guest], pdf)
                else:
                    pretix.render(pdf)
                    stock = page_stock(pdf, pretix.layout.name)
                job = backend.print_pdf(pdf, stock, title=self.tr("Badge {0}").format(guest.name or guest.code))
        except PRINT_ERRORS as error:
            self._finish(print_id, str(error))
            raise
        self._finish(print_id, None)
        return job

    def _finish(self, print_id: int, error: str | None) -> None:
        with self.database.session() as session:
            finish_print(session, print_id, error)
