"""A real CUPS queue (a private cupsd with the cups-pdf backend) receives badge jobs from lp."""
from __future__ import annotations

import subprocess

import pytest
from pypdf import PdfReader

from checkin.badges.cups import CupsError, CupsPrinter, lp_command, print_pdf, queues
from checkin.badges.library import find_layout
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import get_stock
from tests.badges.hard_names import HARD_NAMES
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cups_server():
    from tests.cups_server import CupsUnavailable, start_server

    try:
        server = start_server()
    except CupsUnavailable as error:
        skip_or_fail(f"no CUPS with cups-pdf here: {error}")
    except subprocess.CalledProcessError as error:
        skip_or_fail(f"lpadmin could not add the cups-pdf queue: {error.stderr!r}")
    yield server
    server.stop()


@pytest.fixture
def cups(cups_server, monkeypatch):
    monkeypatch.setenv("CUPS_SERVER", cups_server.env["CUPS_SERVER"])
    for old in cups_server.out.glob("*.pdf"):
        old.unlink()
    return cups_server


def test_a_badge_job_comes_out_of_the_queue_as_a_pdf(cups, tmp_path):
    stock = get_stock("dymo-11356")
    pdf = tmp_path / "badge.pdf"
    guests = [HARD_NAMES[0].guest, HARD_NAMES[-1].guest]
    BadgeRenderer(find_layout("label-compact"), stock).render(guests, pdf)

    job = CupsPrinter(cups.queue).print_pdf(pdf, stock, title="Badge Anna Müller")
    assert job.startswith(cups.queue + "-")

    printed = PdfReader(cups.wait_for_pdf())
    assert len(printed.pages) == 2
    width, height = (float(value) * 25.4 / 72 for value in printed.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (89, 41), "lp keeps the label size, not A4"
    assert "Anna" in printed.pages[1].extract_text()


def test_the_queue_is_listed(cups):
    assert cups.queue in queues()


def test_an_unknown_queue_is_a_clear_error(cups, tmp_path):
    pdf = tmp_path / "badge.pdf"
    BadgeRenderer(find_layout("classic"), get_stock("cr80")).render([HARD_NAMES[-1].guest], pdf)
    with pytest.raises(CupsError, match="printing on 'NoSuchPrinter' failed"):
        print_pdf("NoSuchPrinter", pdf, get_stock("cr80"))


def test_lp_command_asks_for_the_exact_media():
    command = lp_command("Zebra", "/tmp/b.pdf", get_stock("zebra-4x6"), title="Badge")
    assert command[:3] == ["lp", "-d", "Zebra"]
    assert "media=Custom.101.6x152.4mm" in command and command[-2:] == ["--", "/tmp/b.pdf"]


def test_a_paused_queue_is_refused_and_keeps_no_job(cups, tmp_path):
    """A disabled queue would take the job and hold it: nothing printed, yet counted as printed."""
    pdf = tmp_path / "badge.pdf"
    BadgeRenderer(find_layout("classic"), get_stock("cr80")).render([HARD_NAMES[-1].guest], pdf)
    subprocess.run(["cupsdisable", cups.queue], env=cups.env, check=True, capture_output=True, timeout=30)
    try:
        with pytest.raises(CupsError, match=f"the printer queue '{cups.queue}' is paused, so nothing was sent"):
            print_pdf(cups.queue, pdf, get_stock("cr80"))
        held = subprocess.run(["lpstat", "-o", cups.queue], env=cups.env, capture_output=True, text=True, timeout=30)
        assert held.stdout.strip() == ""
    finally:
        subprocess.run(["cupsenable", cups.queue], env=cups.env, check=True, capture_output=True, timeout=30)
