"""The badge batch window: choice, first-sheet preview, save as PDF, print on a real CUPS queue,
mark as printed; a cancelled 5,000-badge batch and a queue removed mid-batch leave nothing behind."""
from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, insert, select

from checkin.badges.cups import CupsPrinter
from checkin.store.badge_log import select_batch
from checkin.store.models import BadgePrint, PretixBadgeLayout, Registration, TicketType
from checkin.ui.badge_batch import BadgeBatchWindow
from checkin.ui.badge_pdf import QtPrinterBackend
from checkin.ui.taskman import Lane
from tests.cups_server import CUPS_PDF_PPD
from tests.support.pretix.badge_seed import PEER

LPADMIN = shutil.which("lpadmin") or "/usr/sbin/lpadmin"


def _window(qtbot, database, settings, event_id, printer=lambda: None):  # noqa: ANN001, ANN202
    window = BadgeBatchWindow(database, settings, event_id, printer)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.save_button.isEnabled(), timeout=30000)
    return window


def _printed(database) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(BadgePrint))


def _add_guests(database, event_id: int, count: int) -> None:  # noqa: ANN001
    with database.session() as session:
        type_id = session.scalar(select(TicketType.id).where(TicketType.event_id == event_id).limit(1))
        session.execute(insert(Registration), [
            {"event_id": event_id, "source": "test", "code": f"BATCH{n:08d}", "given_name": f"Guest{n}",
             "family_name": f"Batch{n:05d}", "company": "Many GmbH", "ticket_type_id": type_id} for n in range(count)])


def _error_box(window) -> QMessageBox | None:  # noqa: ANN001
    return window.findChild(QMessageBox, "batch-error")


def test_the_window_counts_previews_and_saves_the_chosen_badges(qtbot, database, demo, settings, tmp_path):
    settings.set("badge_stock", "durable-1445")
    window = _window(qtbot, database, settings, demo.event_id)
    with database.reader() as session:
        expected = select_batch(session, demo.event_id, only_unprinted=True)
    assert window.badges == len(expected) > 0
    assert window.document.status() == QPdfDocument.Status.Ready and window.document.pageCount() == 1
    press = window.ticket_type.findText("Press")
    window.ticket_type.setCurrentIndex(press)
    with database.reader() as session:
        press_guests = select_batch(session, demo.event_id, only_unprinted=True, ticket_type="Press")
    qtbot.waitUntil(lambda: window.badges == len(press_guests), timeout=30000)

    out = tmp_path / "press.pdf"
    with qtbot.waitSignal(window.tasks.notifier.changed, timeout=60000):
        window.save_batch(out)
    qtbot.waitUntil(lambda: window.running is None, timeout=60000)
    assert len(PdfReader(out).pages) == -(-len(press_guests) // 10)  # ten badges per DURABLE 1445 sheet
    assert _printed(database) == len(press_guests)
    assert "marked as printed" in window.state.text()
    qtbot.waitUntil(lambda: window.badges == 0, timeout=30000)  # only unprinted: the press is done


def test_a_cancelled_batch_of_5000_leaves_no_file_and_marks_nothing(qtbot, database, demo, settings, tmp_path):
    _add_guests(database, demo.event_id, 5000)
    window = _window(qtbot, database, settings, demo.event_id)
    assert window.badges >= 5000
    window.progress.valueChanged.connect(lambda value: value and window.cancel_batch())
    out = tmp_path / "all.pdf"
    window.save_batch(out)
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert "Cancelled" in window.state.text()
    assert list(tmp_path.glob("all*")) == [] and list(tmp_path.glob("*.part")) == []
    assert _printed(database) == 0
    assert window.save_button.isEnabled() and not window.cancel_button.isEnabled()


def test_print_to_a_file_printer_goes_through_the_qt_print_path(qtbot, database, demo, settings, tmp_path):
    out = tmp_path / "printed.pdf"
    window = _window(qtbot, database, settings, demo.event_id, lambda: QtPrinterBackend("", output_file=out))
    window.mark.setChecked(False)
    window.print_batch()
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert len(PdfReader(out).pages) >= 1
    assert _printed(database) == 0, "not marked: the box was unticked"


def test_no_printer_is_a_dialog(qtbot, database, demo, settings):
    window = _window(qtbot, database, settings, demo.event_id)
    assert window.print_batch() is None
    qtbot.waitUntil(lambda: _error_box(window) is not None and _error_box(window).isVisible())
    assert "No badge printer" in _error_box(window).text()


@pytest.fixture(scope="module")
def cups_server():
    from tests.cups_server import CupsUnavailable, start_server

    try:
        server = start_server()
    except CupsUnavailable as error:
        pytest.skip(f"no CUPS here: {error}")
    yield server
    server.stop()


@pytest.fixture
def cups(cups_server, monkeypatch):  # noqa: ANN001, ANN201
    monkeypatch.setenv("CUPS_SERVER", cups_server.env["CUPS_SERVER"])
    # a test before may have removed the queue: add it again (lpadmin -p on an existing queue is harmless)
    subprocess.run([LPADMIN, "-p", cups_server.queue, "-E", "-v", f"cups-pdf:/{cups_server.queue}",
                    "-P", str(CUPS_PDF_PPD)], check=True, capture_output=True, env=cups_server.env, timeout=30)
    for old in cups_server.out.glob("*.pdf"):
        old.unlink()
    return cups_server


def test_a_batch_prints_on_a_real_cups_queue_and_is_marked(qtbot, database, demo, settings, cups):
    window = _window(qtbot, database, settings, demo.event_id, lambda: CupsPrinter(cups.queue))
    badges = window.badges
    window.print_batch()
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert _error_box(window) is None, _error_box(window).text()
    assert len(PdfReader(cups.wait_for_pdf()).pages) >= 1
    assert _printed(database) == badges


def test_a_print_of_5000_cancelled_midway_sends_nothing_and_marks_nothing(qtbot, database, demo, settings, cups):
    _add_guests(database, demo.event_id, 5000)
    window = _window(qtbot, database, settings, demo.event_id, lambda: CupsPrinter(cups.queue))
    jobs_before = _jobs_ever(cups)
    window.progress.valueChanged.connect(lambda value: value > 1000 and window.cancel_batch())
    window.print_batch()
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert "Cancelled" in window.state.text() and _error_box(window) is None
    assert _printed(database) == 0
    assert _jobs_ever(cups) == jobs_before and list(cups.out.glob("*.pdf")) == []


def _jobs_ever(cups) -> list[str]:  # noqa: ANN001
    """Every job the queue was given, waiting or done."""
    jobs = subprocess.run(["lpstat", "-W", "all", "-o"], env=cups.env, capture_output=True, text=True, timeout=30)
    return jobs.stdout.splitlines()


@pytest.mark.parametrize(("command", "said"), [
    ([LPADMIN, "-x"], "printing on '{0}' failed"),  # the queue is deleted
    (["cupsdisable"], "'{0}' is paused"),  # paused: it would take the job and hold it, nothing printed
])
def test_a_queue_gone_or_paused_mid_batch_is_a_dialog_and_marks_nothing(qtbot, database, demo, settings, cups,
                                                                       command, said):
    _add_guests(database, demo.event_id, 400)
    window = _window(qtbot, database, settings, demo.event_id, lambda: CupsPrinter(cups.queue))
    done = []

    def break_the_queue(value: int) -> None:
        if value and not done:
            done.append(subprocess.run([*command, cups.queue], env=cups.env, capture_output=True,
                                       check=False, timeout=30).returncode)

    window.progress.valueChanged.connect(break_the_queue)
    window.print_batch()
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert done == [0]
    box = _error_box(window)
    assert box is not None and box.isVisible()
    assert said.format(cups.queue) in box.text() and "none is marked as printed" in box.text()
    assert _printed(database) == 0
    held = subprocess.run(["lpstat", "-o"], env=cups.env, capture_output=True, text=True, timeout=30)
    assert held.stdout.strip() == "" and list(cups.out.glob("*.pdf")) == []


def test_the_desk_keeps_scanning_while_a_big_batch_renders(qtbot, window, database, demo, settings, keyboard,
                                                           codes, tmp_path):
    from tests.ui.conftest import answers

    _add_guests(database, demo.event_id, 5000)
    batch = BadgeBatchWindow(database, settings, demo.event_id, lambda: None, window)
    batch.show()
    qtbot.waitUntil(lambda: batch.save_button.isEnabled(), timeout=30000)
    assert batch.tasks is window.tasks  # the desk's own task manager: its lanes, its notifier
    results = answers(window)
    batch.save_batch(tmp_path / "all.pdf")
    qtbot.waitUntil(lambda: batch.progress.value() > 0, timeout=60000)
    window.activateWindow()
    window.scan_field.setFocus()
    keyboard.scanner(codes["valid"][0], window.scan_field)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=10000)
    assert batch.running is not None, "answered while the batch was still rendering"
    assert results[0].check_in_id is not None and window.card.severity == "ok"
    assert window.tasks.wait(10000, Lane.PRINTER) and window.tasks.wait(10000, Lane.READER), "lanes free meanwhile"
    assert batch.running is not None
    batch.close()  # closing the window cancels the batch: no file
    qtbot.waitUntil(lambda: batch.running is None, timeout=60000)
    assert not (tmp_path / "all.pdf").exists() and list(tmp_path.glob("*.part")) == []


def test_pretix_layouts_print_one_badge_per_page_in_the_window(qtbot, database, demo, settings, tmp_path):
    """The event's pretix layout (the default one, as pretix picks it) is offered and used."""
    with database.session() as session:
        session.add(PretixBadgeLayout(event_id=demo.event_id, external_id="7", name="Peer", elements=PEER,
                                      is_default=True))
    window = _window(qtbot, database, settings, demo.event_id)
    assert window.layout_box.findData("pretix:Peer") > 0
    assert window.document.pageCount() == 1  # the default: pretix's layout, one badge a page
    window.ticket_type.setCurrentIndex(window.ticket_type.findText("Press"))
    qtbot.waitUntil(lambda: 0 < window.badges < 50, timeout=30000)
    badges = window.badges
    window.save_batch(tmp_path / "press.pdf")
    qtbot.waitUntil(lambda: window.running is None, timeout=120000)
    assert len(PdfReader(tmp_path / "press.pdf").pages) == badges
    with database.reader() as session:
        assert set(session.scalars(select(BadgePrint.layout))) == {"pretix:Peer"}
