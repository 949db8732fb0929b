"""Print on check-in: the UI thread never waits, a badge prints once, reprints are explicit."""
from __future__ import annotations

import io
import threading

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer

from checkin.store.badge_log import print_history
from checkin.ui.badge_pdf import QtPrinterBackend
from checkin.ui.badge_printing import BadgePrintService
from tests.fakes import BlockingBadgePrinter, JammedBadgePrinter

DESK = ("00000000-0000-4000-8000-000000000001", "Desk A")


@pytest.fixture
def guest_id(database, demo, desk):
    result = desk.scan(demo.event_id, demo.list_ids[0], _first_code(database))
    return result.registration_id


def _first_code(database):
    from sqlalchemy import select

    from checkin.store.models import Registration

    with database.reader() as session:
        return session.scalar(select(Registration.code).where(Registration.status == "valid").limit(1))


@pytest.fixture
def blocking(database, settings):
    printer = BlockingBadgePrinter()
    service = BadgePrintService(database, settings, *DESK, backend_factory=lambda _settings: printer)
    yield service, printer
    printer.release.set()
    service.wait_for_done()


def test_print_on_check_in_does_not_block_the_ui_thread(qtbot, blocking, guest_id, settings, database):
    service, printer = blocking
    settings.set("print_on_check_in", True)
    assert service.on_checked_in(guest_id) is True  # returns while the printer still holds the job
    qtbot.waitUntil(printer.started.is_set, timeout=20000)  # the UI event loop runs meanwhile
    answered = []
    QTimer.singleShot(0, service, lambda: answered.append(True))
    qtbot.waitUntil(lambda: bool(answered), timeout=5000)  # and still answers events while printing
    assert not printer.jobs
    with qtbot.waitSignal(service.printed, timeout=20000) as signal:
        printer.release.set()
    assert signal.args == [guest_id, "job-1"]
    assert printer.threads and printer.threads[0] != threading.main_thread().name
    assert len(PdfReader(io.BytesIO(printer.jobs[0])).pages) == 1
    with database.reader() as session:
        [record] = print_history(session, guest_id)
    assert (record.status, record.desk_name, record.destination, record.reprint) == (
        "printed", "Desk A", "fake:Blocking", False)


def test_automatic_printing_skips_printed_guests_and_reprints_are_explicit(qtbot, blocking, guest_id, database):
    service, printer = blocking
    printer.release.set()
    with qtbot.waitSignal(service.printed, timeout=20000):
        service.print_badge(guest_id)
    with qtbot.waitSignal(service.skipped, timeout=20000) as skipped:
        service.print_badge(guest_id)
    assert skipped.args == [guest_id]
    with qtbot.waitSignal(service.printed, timeout=20000):
        service.print_badge(guest_id, reprint=True)
    assert len(printer.jobs) == 2
    with database.reader() as session:
        assert [r.reprint for r in print_history(session, guest_id)] == [False, True]


def test_print_on_check_in_is_a_desk_setting(blocking, guest_id, settings):
    service, printer = blocking
    settings.set("print_on_check_in", False)
    assert service.on_checked_in(guest_id) is False
    assert service.wait_for_done(5000) and not printer.started.is_set()


def test_a_jammed_printer_reports_and_the_badge_can_print_later(qtbot, database, settings, guest_id):
    service = BadgePrintService(database, settings, *DESK, backend_factory=lambda _settings: JammedBadgePrinter())
    with qtbot.waitSignal(service.failed, timeout=20000) as failed:
        service.print_badge(guest_id)
    assert failed.args[0] == guest_id and "out of paper" in failed.args[1]
    with database.reader() as session:
        [record] = print_history(session, guest_id)
    assert record.status == "failed" and "out of paper" in record.error
    printer = BlockingBadgePrinter()
    printer.release.set()
    service.backend_factory = lambda _settings: printer
    with qtbot.waitSignal(service.printed, timeout=20000):
        service.print_badge(guest_id)  # not a reprint: the failed one never came out


def test_no_printer_chosen_is_reported(qtbot, database, settings, guest_id):
    service = BadgePrintService(database, settings, *DESK)
    assert not service.has_printer()
    with qtbot.waitSignal(service.failed, timeout=20000) as failed:
        service.print_badge(guest_id)
    assert "No badge printer" in failed.args[1]


def test_qt_printer_path_keeps_the_label_size(qtbot, database, settings, guest_id, tmp_path):
    """QtPdf renders the badge PDF and QPrinter prints it (here Qt's PDF printer writes a file)."""
    output = tmp_path / "printed.pdf"
    settings.set("badge_stock", "dymo-11356")
    backend = QtPrinterBackend("Qt PDF", output_file=output)
    service = BadgePrintService(database, settings, *DESK, backend_factory=lambda _settings: backend)
    with qtbot.waitSignal(service.printed, timeout=30000):
        service.print_badge(guest_id)
    page = PdfReader(output).pages[0]
    assert len(PdfReader(output).pages) == 1
    width, height = (float(value) * 25.4 / 72 for value in page.mediabox.upper_right)
    assert (round(width), round(height)) == (89, 41)
    [image] = page.images  # the badge as QtPdf rendered it, at the print resolution
    assert image.image.width >= 89 / 25.4 * 300 - 2
    assert image.image.convert("L").getextrema()[0] < 64, "the badge has ink"


def test_badges_print_in_check_in_order_one_after_the_other(qtbot, database, demo, settings):
    from sqlalchemy import select

    from checkin.store.models import Registration

    with database.reader() as session:
        ids = list(session.scalars(select(Registration.id).where(Registration.status == "valid").limit(4)))
    printer = BlockingBadgePrinter()
    order = []
    service = BadgePrintService(database, settings, *DESK, backend_factory=lambda _settings: printer)
    service.printed.connect(lambda registration_id, _job: order.append(registration_id))
    for registration_id in ids:
        service.print_badge(registration_id)
    printer.release.set()
    assert service.wait_for_done(30000)
    qtbot.waitUntil(lambda: len(order) == len(ids), timeout=10000)
    assert order == ids
    assert len(set(printer.threads)) == 1, "one lane: a later badge never overtakes an earlier one"


def test_print_to_file_chosen_in_the_printer_dialog_is_used(qtbot, database, settings, guest_id, tmp_path):
    """The chooser's "Print to File (PDF)" is a printer too: each badge becomes its own numbered PDF."""
    from PySide6.QtPrintSupport import QPrinter

    chosen = QPrinter()
    chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    chosen.setOutputFileName(str(tmp_path / "desk-badges.pdf"))
    service = BadgePrintService(database, settings, *DESK)
    assert service.use_printer(chosen)
    assert service.has_printer()
    for reprint in (False, True):
        with qtbot.waitSignal(service.printed, timeout=30000) as printed:
            service.print_badge(guest_id, reprint=reprint)
    assert printed.args[1] == str(tmp_path / "desk-badges-0002.pdf")
    assert sorted(path.name for path in tmp_path.glob("desk-badges*")) == ["desk-badges-0001.pdf",
                                                                            "desk-badges-0002.pdf"]
    assert len(PdfReader(tmp_path / "desk-badges-0001.pdf").pages) == 1
    with database.reader() as session:
        assert [record.destination for record in print_history(session, guest_id)] == [
            f"file:{tmp_path / 'desk-badges.pdf'}"] * 2
