"""Per-printer offsets, the calibration print, and QR codes that scan."""
from __future__ import annotations

import io

import pytest
import zxingcpp
from pypdf import PdfReader

from checkin.badges.calibration import Calibrations, Offset, draw_calibration_page
from checkin.core.badge_guest import BadgeGuest
from checkin.badges.layout import Layout, QrElement
from checkin.badges.library import find_layout
from checkin.badges.qr import error_level
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import get_stock
from tests.badges.pdf_checks import DPI, dark_bbox, rasterise


def test_offsets_are_kept_per_printer(tmp_path):
    calibrations = Calibrations(tmp_path / "printers.json")
    assert calibrations.offset("Brother_QL") == Offset()
    calibrations.set_offset("Brother_QL", Offset(1.5, -0.75))
    calibrations.set_offset("HP_LaserJet", Offset(-2, 0))
    reread = Calibrations(tmp_path / "printers.json")
    assert reread.offset("Brother_QL") == Offset(1.5, -0.75)
    assert reread.offset("HP_LaserJet") == Offset(-2, 0)
    with pytest.raises(ValueError, match="wrong stock"):
        calibrations.set_offset("HP_LaserJet", Offset(0, 35))
    assert reread.offset("HP_LaserJet") == Offset(-2, 0)


def test_a_damaged_calibration_file_means_no_offset(tmp_path):
    path = tmp_path / "printers.json"
    path.write_text("[1, 2", encoding="utf-8")
    assert Calibrations(path).offset("any") == Offset()


def test_calibration_page_frames_every_label_and_moves_by_the_offset(tmp_path):
    stock = get_stock("durable-1445")
    plain, shifted = io.BytesIO(), io.BytesIO()
    draw_calibration_page(stock, plain)
    draw_calibration_page(stock, shifted, Offset(3, 2))
    assert len(PdfReader(io.BytesIO(plain.getvalue())).pages) == 1
    assert "Measure the gap" in PdfReader(io.BytesIO(plain.getvalue())).pages[0].extract_text()
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    [before] = rasterise(plain.getvalue(), tmp_path / "a")
    [after] = rasterise(shifted.getvalue(), tmp_path / "b")
    left, top, right, bottom = dark_bbox(before)
    px = DPI / 25.4
    assert left == pytest.approx(stock.margin_left * px, abs=2)
    assert right == pytest.approx((stock.margin_left + 2 * stock.label_width) * px, abs=2)
    assert bottom == pytest.approx((stock.margin_top + 5 * stock.label_height) * px, abs=2)
    moved = dark_bbox(after)
    assert moved[0] - left == pytest.approx(3 * px, abs=1.5)
    assert moved[1] - top == pytest.approx(2 * px, abs=1.5)


def test_badges_move_by_the_printer_offset(tmp_path):
    stock = get_stock("cr80")
    layout = Layout("QR only", 85.6, 54, [QrElement(30, 10, 25)])
    guest = [BadgeGuest("CODE-0001")]
    (tmp_path / "a").mkdir(), (tmp_path / "b").mkdir()
    [plain] = rasterise(BadgeRenderer(layout, stock).render_bytes(guest)[0], tmp_path / "a")
    [moved] = rasterise(BadgeRenderer(layout, stock, offset=(2.0, -1.0)).render_bytes(guest)[0], tmp_path / "b")
    px = DPI / 25.4
    assert dark_bbox(moved)[0] - dark_bbox(plain)[0] == pytest.approx(2 * px, abs=1.5)
    assert dark_bbox(moved)[1] - dark_bbox(plain)[1] == pytest.approx(-1 * px, abs=1.5)


@pytest.mark.parametrize("code", ["A1B2C3D4E5F6G7H8J9K0", "https://tickets.example.org/e/summit/" + "x" * 120])
def test_badge_qr_code_scans_back_to_the_ticket_code(code, tmp_path):
    stock = get_stock("durable-1445")
    pdf, _result = BadgeRenderer(find_layout("classic"), stock).render_bytes([BadgeGuest(code, "Ann", "Lee")])
    [page] = rasterise(pdf, tmp_path)
    found = zxingcpp.read_barcodes(page.resize((page.width * 3, page.height * 3)), formats=zxingcpp.BarcodeFormat.QRCode)
    assert [barcode.text for barcode in found] == [code]


def test_error_correction_follows_payload_length():
    assert error_level("A" * 20) == "H"
    assert error_level("A" * 50) == "Q"
    assert error_level("A" * 100) == "M"
    assert error_level("A" * 400) == "L"
