"""Invitations: QR images that decode to the guest's code, a mail-merge CSV, PDF tickets;
signed codes that a desk checks offline."""
from __future__ import annotations

import csv
import subprocess

import zxingcpp
from PIL import Image
from pypdf import PdfReader
from sqlalchemy import select

from checkin.core.decision import Outcome
from checkin.core.signing import Signature, check, sign
from checkin.store.models import Event
from checkin.sync.files.invitations import MAIL_MERGE, InvitationOptions, write_invitations
from tests.conftest import skip_or_fail
from tests.files.helpers import import_guests, write_guests

ROWS = [["Anna", "Müller", "Zeiss", "anna@x.org", "Speaker"], ["=1+1", "Zoë", "", "zoe@x.org", "Teilnehmer"]]


def decode(path) -> str:  # noqa: ANN001
    [result] = zxingcpp.read_barcodes(Image.open(path), formats=zxingcpp.BarcodeFormat.QRCode)
    return result.text


def merge_rows(out) -> list[dict]:  # noqa: ANN001
    with (out / MAIL_MERGE).open(encoding="utf-8-sig", newline="") as file:
        return list(csv.DictReader(file))


def test_unsigned_invitations_carry_the_random_codes(database, tmp_path):
    imported = import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    summary = write_invitations(database, InvitationOptions(tmp_path / "inv"))
    assert (summary["guests"], summary["signed"]) == (2, False)
    rows = merge_rows(tmp_path / "inv")
    assert [r["email"] for r in rows] == ["anna@x.org", "zoe@x.org"]  # by surname
    anna = next(r for r in rows if r["email"] == "anna@x.org")
    assert anna["code"] == imported.codes["Müller"] and len(anna["code"]) >= 20
    assert (anna["given name"], anna["family name"], anna["organisation"]) == ("Anna", "Müller", "Zeiss")
    assert decode(tmp_path / "inv" / anna["image file"]) == anna["code"]
    svg = (tmp_path / "inv" / anna["svg file"]).read_text()
    assert svg.startswith("<?xml") and "<svg" in svg
    zoe = next(r for r in rows if r["email"] == "zoe@x.org")
    assert zoe["name"] == "'=1+1 Zoë"  # a formula stays text in the mail-merge spreadsheet
    reader = PdfReader(tmp_path / "inv" / anna["ticket file"])
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert "Anna Müller" in text and "Cluster Summit" in text and anna["code"] in text


def test_qr_in_the_printed_ticket_decodes(database, tmp_path):
    import_guests(database, write_guests(tmp_path / "g.csv", ROWS[:1]))
    write_invitations(database, InvitationOptions(tmp_path / "inv", sign=True))
    [row] = merge_rows(tmp_path / "inv")
    png = tmp_path / "ticket"
    try:
        subprocess.run(["pdftoppm", "-r", "100", "-png", "-singlefile", tmp_path / "inv" / row["ticket file"], png],
                       check=True, timeout=60)
    except FileNotFoundError:
        skip_or_fail("pdftoppm (Debian poppler-utils) is not installed")
    assert decode(png.with_suffix(".png")) == row["qr payload"]


def test_signed_codes_are_checked_at_the_desk(database, desk, tmp_path):
    imported = import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    write_invitations(database, InvitationOptions(tmp_path / "inv", sign=True, tickets=False))
    rows = {r["email"]: r for r in merge_rows(tmp_path / "inv")}
    anna, zoe = rows["anna@x.org"], rows["zoe@x.org"]
    assert anna["qr payload"].startswith(anna["code"] + ".")
    assert decode(tmp_path / "inv" / anna["image file"]) == anna["qr payload"]
    scan = desk.scan(imported.event_id, imported.list_id, anna["qr payload"])
    assert scan.decision.outcome is Outcome.OK and scan.code == anna["code"]
    forged = anna["qr payload"][:-3] + "aaa"
    refused = desk.scan(imported.event_id, imported.list_id, forged)
    assert refused.decision.outcome is Outcome.INVALID_CODE and "Forged" in refused.decision.message
    # A guessed code with a made-up signature is refused before any lookup, too.
    guessed = desk.scan(imported.event_id, imported.list_id, "a" * 20 + "." + "b" * 24)
    assert guessed.decision.outcome is Outcome.INVALID_CODE
    # Signing is optional per scan until the event requires it: the bare code still works.
    assert desk.scan(imported.event_id, imported.list_id, zoe["code"]).decision.accepted


def test_required_signatures_refuse_bare_codes(database, desk, tmp_path):
    imported = import_guests(database, write_guests(tmp_path / "g.csv", ROWS))
    write_invitations(database, InvitationOptions(tmp_path / "inv", require_signed=True, tickets=False))
    bare = desk.scan(imported.event_id, imported.list_id, imported.codes["Müller"])
    assert bare.decision.outcome is Outcome.INVALID_CODE and "signed" in bare.decision.message
    with database.reader() as session:
        event = session.scalar(select(Event))
        payload = sign(event.code_key, event.slug, imported.codes["Müller"])
    assert desk.scan(imported.event_id, imported.list_id, payload).decision.accepted


def test_a_signature_binds_code_and_event():
    key = "11" * 32
    payload = sign(key, "summit", "abc")
    assert check(key, "summit", payload).signature is Signature.SIGNED
    assert check(key, "other-event", payload).signature is Signature.FORGED
    assert check("22" * 32, "summit", payload).signature is Signature.FORGED
    assert check(key, "summit", "abc").signature is Signature.UNSIGNED
    assert check(key, "summit", "x" + payload).signature is Signature.FORGED
