"""Oracle: the same badges drawn by pretix's own renderer (in the test pretix venv) and by ours,
compared by page size, the words and where they stand (within 0.5 mm), the QR codes' content,
and the raster outside the QR codes (whose mask pattern each QR encoder chooses itself)."""
from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageDraw
from pypdf import PdfReader
from reportlab.lib.units import mm
from sqlalchemy import select

from checkin.badges.pretix_selection import load_pretix_badges, pretix_guests, render_runs, runs_by_layout
from checkin.store.badge_log import guest_from_registration
from checkin.store.models import Registration, TicketType
from checkin.sync.pretix.sync import sync_event
from tests.conftest import skip_or_fail

pytestmark = pytest.mark.slow
TOLERANCE_PT = 0.5 * mm
DPI = 100
#: Share of pixels (outside the QR codes) allowed to differ clearly: anti-aliasing at glyph edges.
RASTER_THRESHOLD = 0.005
_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
_PAGE = re.compile(r"<page .*?</page>", re.S)


@dataclass(frozen=True)
class Word:
    text: str
    box: tuple[float, float, float, float]


def words(pdf: Path) -> list[list[Word]]:
    """Each page's words with their boxes (poppler's pdftotext -bbox); pretix's hidden issuer note
    (0.01 pt, transparent) is not something anyone sees, so it is left out."""
    if shutil.which("pdftotext") is None:
        skip_or_fail("pdftotext (poppler-utils) is not installed")
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in _PAGE.findall(xhtml):
        found = [Word(unescape(text), tuple(map(float, box))) for *box, text in _WORD.findall(page)]
        pages.append([word for word in found if word.box[3] - word.box[1] > 1])
    return pages


def rasters(pdf: Path, folder: Path) -> list[Image.Image]:
    subprocess.run(["pdftoppm", "-r", str(DPI), "-gray", "-png", str(pdf), str(folder / pdf.stem)], check=True)
    return [Image.open(path).convert("L") for path in sorted(folder.glob(f"{pdf.stem}-*.png"))]


def _masked_boxes(elements: tuple, height_pt: float) -> list[tuple[int, int, int, int]]:
    """The QR codes, and pretix's logo (which we leave out, with a warning), in pixels."""
    scale = DPI / 72
    boxes = []
    for element in elements:
        if element.get("type") in ("barcodearea", "poweredby"):
            left, bottom, size = (float(element[key]) * mm for key in ("left", "bottom", "size"))
            # pretix's logo is ``size`` high and as wide as its aspect makes it: mask to the page's edge.
            right = left + size if element["type"] == "barcodearea" else 10_000
            boxes.append((int(left * scale) - 2, int((height_pt - bottom - size) * scale) - 2,
                          int(right * scale) + 2, int((height_pt - bottom) * scale) + 2))
    return boxes


def _differing_share(ours: Image.Image, theirs: Image.Image, masked: list, keep: Path) -> float:
    difference = ImageChops.difference(ours, theirs)
    draw = ImageDraw.Draw(difference)
    for box in masked:
        draw.rectangle(box, fill=0)
    ImageChops.invert(difference).save(keep)  # to look at when the share is too high
    histogram = difference.histogram()
    return sum(histogram[64:]) / (difference.width * difference.height)


@pytest.fixture
def two_badges(connected, database, tokens, tmp_path: Path, pretix_server):
    """A Regular guest with a company (pretix's default layout) and a Workshop guest (its own)."""
    assert not sync_event(database, tokens, connected.event_id).error
    with database.reader() as session:
        picks = [session.scalars(select(Registration).join(TicketType).where(
            TicketType.name == name, Registration.status == "valid", Registration.company != "")
            .order_by(Registration.id)).first() for name in ("Regular", "Workshop")]
        guests = [guest_from_registration(registration, "Cluster Meeting 2026") for registration in picks]
        badges = load_pretix_badges(session, connected.event_id)
        runs = list(runs_by_layout(badges, pretix_guests(session, guests)))
    ours = tmp_path / "ours.pdf"
    result = render_runs(badges, runs, ours)
    theirs = pretix_server.badge_oracle([guest.code for guest in guests], tmp_path / "pretix.pdf")
    return ours, theirs, runs, result


def test_pages_have_pretix_sizes(two_badges):
    ours, theirs, _runs, _result = two_badges
    our_pages, their_pages = PdfReader(ours).pages, PdfReader(theirs).pages
    assert len(our_pages) == len(their_pages) == 2
    for mine, pretix in zip(our_pages, their_pages):
        assert float(mine.mediabox.width) == pytest.approx(float(pretix.mediabox.width), abs=0.01)
        assert float(mine.mediabox.height) == pytest.approx(float(pretix.mediabox.height), abs=0.01)


def test_words_stand_where_pretix_puts_them(two_badges):
    ours, theirs, _runs, _result = two_badges
    for page, (mine, pretix) in enumerate(zip(words(ours), words(theirs))):
        assert [word.text for word in mine] == [word.text for word in pretix], f"page {page + 1}"
        for mine_word, pretix_word in zip(mine, pretix):
            assert mine_word.box == pytest.approx(pretix_word.box, abs=TOLERANCE_PT), (page + 1, mine_word.text)


def test_qr_codes_carry_the_secret_and_the_rest_looks_the_same(two_badges, tmp_path: Path):
    ours, theirs, runs, _result = two_badges
    secrets = [guest.guest.code for _layout, run in runs for guest in run]
    layouts = [layout for layout, run in runs for _guest in run]
    for page, (mine, pretix) in enumerate(zip(rasters(ours, tmp_path), rasters(theirs, tmp_path))):
        assert mine.size == pretix.size
        for image in (mine, pretix):
            decoded = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
            assert [code.text for code in decoded] == [secrets[page]]
        masked = _masked_boxes(layouts[page].elements, PdfReader(ours).pages[page].mediabox.height)
        share = _differing_share(mine, pretix, masked, tmp_path / f"difference-{page + 1}.png")
        print(f"page {page + 1}: {share:.4%} of the pixels differ outside the QR codes and the logo")
        assert share < RASTER_THRESHOLD


def test_what_we_cannot_draw_is_named_once(two_badges):
    _ours, _theirs, _runs, result = two_badges
    assert result.warnings == ["pretix layout 'Peer badge': left out element 'poweredby'"]
