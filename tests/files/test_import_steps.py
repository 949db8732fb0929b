"""The import dialog's steps with real widgets and a real database: columns → ticket types →
warnings → write → summary; a file with 20 ticket-type spellings, a mojibake file, a cancel."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHeaderView
from sqlalchemy import func, select

from checkin.store.models import Registration, TicketType
from checkin.sync.files.importer import read_and_import
from checkin.sync.files.type_mapping import CREATE_NEW
from checkin.ui.import_dialog import CancelUntilWritten, ImportDialog
from tests.files.helpers import HEADER, write_guests

EVENT = "Herbsttagung"
#: 20 spellings of five kinds of ticket, as a year of hand-edited exports brings them.
SPELLINGS = {
    "Teilnehmer": "Participant", "teilnehmer": "Participant", "TEILNEHMERIN": "Participant",
    "Teilnehmende": "Participant", "Participant": "Participant", "participants": "Participant",
    "Gast": "Participant", "Presse": "Press", "presse": "Press", "Press": "Press", "Journalist": "Press",
    "Medien": "Press", "Referent": "Speaker", "Referentin": "Speaker", "Speaker": "Speaker",
    "Aussteller": "Aussteller", "Ausstellerin": "Aussteller", "Exhibitor": "Aussteller",
    "VIP": CREATE_NEW, "Catering": CREATE_NEW,
}


def _event_with_types(database, tmp_path: Path) -> None:  # noqa: ANN001
    rows = [[f"G{n}", f"Vorab{n}", "", f"v{n}@x.org", kind] for n, kind in
            enumerate(["Participant"] * 3 + ["Press", "Speaker", "Aussteller"])]
    read_and_import(database, write_guests(tmp_path / "vorab.csv", rows), EVENT)


def _open(qtbot, database, path: Path) -> ImportDialog:  # noqa: ANN001
    dialog = ImportDialog(database, path, EVENT)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    return dialog


def _to_check(qtbot, dialog: ImportDialog) -> None:  # noqa: ANN001
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.next_button.click()


def _types(database) -> dict[str, int]:  # noqa: ANN001
    with database.reader() as session:
        return dict(session.execute(select(TicketType.name, func.count(Registration.id)).outerjoin(
            Registration, Registration.ticket_type_id == TicketType.id).group_by(TicketType.name)).all())


def test_twenty_spellings_map_onto_the_events_types(qtbot, database, tmp_path):
    _event_with_types(database, tmp_path)
    rows = [[f"Anna{n}", f"Gast{n}", "", f"a{n}@x.org", spelling] for n, spelling in enumerate(SPELLINGS)]
    dialog = _open(qtbot, database, write_guests(tmp_path / "export-2026.csv", rows))
    _to_check(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.types
    assert dialog.types.choices() == SPELLINGS  # the guess, before any click
    assert "20 ticket types" in dialog.types.intro.text() and "2 would be new" in dialog.types.intro.text()
    gast = dialog.types.combos["VIP"]
    gast.setCurrentIndex(gast.findData("Participant"))  # the organiser's own choice
    dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.warnings
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.next_button.click()
    assert blocker.args[0].imported == 20 and blocker.args[0].ticket_types_created == ["Catering"]
    assert _types(database) == {"Participant": 3 + 8, "Press": 1 + 5, "Speaker": 1 + 3, "Aussteller": 1 + 3,
                                "Catering": 1}
    assert dialog.pages.currentWidget() is dialog.summary and "20" in dialog.summary.text.text()
    dialog.next_button.click()  # Close
    assert dialog.result() == ImportDialog.DialogCode.Accepted

    # Next month's export from the same system, under another file name: no clicks needed.
    again = _open(qtbot, database, write_guests(tmp_path / "export-2027.csv", rows[:3] + [rows[18]]))
    _to_check(qtbot, again)
    assert again.types.choices()["VIP"] == "Participant"
    # The command line takes the remembered choice too.
    summary = read_and_import(database, write_guests(tmp_path / "cli.csv", [["Vic", "Tor", "", "vt@x.org", "VIP"]]),
                              EVENT)
    assert summary.ticket_types_created == [] and _types(database)["Participant"] == 12


def test_mojibake_is_shown_and_repaired_before_writing(qtbot, database, tmp_path):
    path = tmp_path / "kaputt.csv"
    rows = [["Jörg", "Müller", "Bäckerei Weiß", "j@x.org", ""], ["Anna", "M?ller", "", "a@x.org", ""],
            ["", "", "", "leer@x.org", ""], ["Ben", "Bauer", "", "J@x.org", ""]]
    path.write_text("\r\n".join(";".join(r) for r in [HEADER, *rows]).encode().decode("cp1252"), encoding="utf-8")
    dialog = _open(qtbot, database, path)
    _to_check(qtbot, dialog)
    text = dialog.warnings.text.text()
    assert dialog.pages.currentWidget() is dialog.warnings
    assert "Line 2: JÃ¶rg MÃ¼ller · BÃ¤ckerei WeiÃŸ → Jörg Müller · Bäckerei Weiß" in text, text
    assert "Names with \"?\" (letters were lost before the file was saved): 1" in text and "Line 3" in text
    assert "Rows without a name" in text and "E-mail addresses of an earlier row" in text and "Line 5" in text
    assert not dialog.warnings.repair.isHidden()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.warnings.repair.click()
    assert "garbled" not in dialog.warnings.text.text() and dialog.warnings.repair.isHidden()
    assert dialog.pages.currentWidget() is dialog.warnings
    assert dialog.preview.index(0, 1).data() == "Müller"
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:  # the row without a name stops it
        dialog.next_button.click()
    assert "line 4" in blocker.args[0] and _count(database) == 0


def test_cancel_midway_writes_nothing(qtbot, database, tmp_path):
    rows = [[f"G{n}", f"F{n}", "", f"g{n}@x.org", "Teilnehmer"] for n in range(30_000)]
    dialog = _open(qtbot, database, write_guests(tmp_path / "gross.csv", rows))
    _to_check(qtbot, dialog)
    dialog.next_button.click()  # types → warnings
    parts = []
    with qtbot.waitSignal(dialog.cancelled, timeout=60_000):
        dialog.next_button.click()
        dialog.writing.progress(lambda done, total: (parts.append(done), dialog.cancel_button.click()))
    assert parts and parts[0] < 30_000
    assert _count(database) == 0 and "nothing was written" in dialog.status.text()
    assert dialog.next_button.isEnabled()  # the organiser may start it again


def test_preview_headers_are_never_clipped(qtbot, database, tmp_path):
    dialog = _open(qtbot, database, write_guests(tmp_path / "k.csv", [["A", "B", "C", "d@x.org", "T"]]))
    dialog.show()
    header = dialog.preview_view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.ResizeToContents
    for column in range(dialog.preview.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column)


def _count(database) -> int:  # noqa: ANN001
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(Registration))


def test_a_cancel_after_the_last_part_is_ignored_so_cancelled_means_nothing_written():
    token = CancelUntilWritten()
    token.close()
    token.cancel()
    assert not token.cancelled
    early = CancelUntilWritten()
    early.cancel()
    early.close()
    assert early.cancelled


def test_status_words_are_mapped_in_the_types_step(qtbot, database, tmp_path):
    header = ["Vorname", "Nachname", "E-Mail", "Ticketart", "Bestellstatus"]
    rows = [["Anna", "Adler", "a@x.org", "Teilnehmer", "bezahlt"], ["Ben", "Bauer", "b@x.org", "Presse", "storniert"],
            ["Cem", "Kaya", "c@x.org", "Teilnehmer", "Warteliste"], ["Dora", "Diehl", "d@x.org", "Teilnehmer", ""]]
    dialog = _open(qtbot, database, write_guests(tmp_path / "shop.csv", rows, header))
    assert dialog.combos["status"].currentText() == "E: Bestellstatus"  # the column is guessed too
    _to_check(qtbot, dialog)
    page = dialog.types
    assert dialog.pages.currentWidget() is page and not page.status_table.isHidden()
    assert page.statuses() == {"bezahlt": "valid", "storniert": "cancelled", "Warteliste": ""}
    assert "3 different values" in page.status_intro.text()
    # An unknown word holds the import back until the organiser says what it means.
    assert not dialog.next_button.isEnabled() and "Choose a status for: Warteliste" in dialog.status.text()
    waiting = page.status_combos["Warteliste"]
    waiting.setCurrentIndex(waiting.findData("unpaid"))
    assert dialog.next_button.isEnabled() and "Choose a status" not in dialog.status.text()
    dialog.next_button.click()
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.next_button.click()
    assert blocker.args[0].statuses == {"bezahlt": "valid", "storniert": "cancelled", "Warteliste": "unpaid"}
    summary = dialog.summary.text.text()
    assert "Cancelled in the file (refused at the desk)" in summary and "Unpaid in the file" in summary
    with database.reader() as session:
        assert dict(session.execute(select(Registration.given_name, Registration.status)).all()) == \
            {"Anna": "valid", "Ben": "cancelled", "Cem": "unpaid", "Dora": "valid"}

    # The same columns next time: the choice is remembered, nothing to click; a file without
    # a status column has no status table (and, without ticket types, no mapping step at all).
    again = _open(qtbot, database, write_guests(tmp_path / "shop-2.csv", rows[2:3], header))
    _to_check(qtbot, again)
    assert again.types.statuses() == {"Warteliste": "unpaid"} and again.next_button.isEnabled()
    plain = _open(qtbot, database, write_guests(tmp_path / "plain.csv", [r[:3] for r in rows], header[:3]))
    _to_check(qtbot, plain)
    assert plain.pages.currentWidget() is plain.warnings


def test_a_repair_keeps_the_choices_made_in_the_mapping_step(qtbot, database, tmp_path):
    header = ["Vorname", "Nachname", "E-Mail", "Ticketart", "Bestellstatus"]
    rows = [["Jörg", "Müller", "j@x.org", "VIP", "Warteliste"], ["Anna", "Adler", "a@x.org", "Teilnehmer", "bezahlt"]]
    path = tmp_path / "kaputt.csv"
    path.write_text("\r\n".join(";".join(r) for r in [header, *rows]).encode().decode("cp1252"), encoding="utf-8")
    dialog = _open(qtbot, database, path)
    _to_check(qtbot, dialog)
    waiting, vip = dialog.types.status_combos["Warteliste"], dialog.types.combos["VIP"]
    waiting.setCurrentIndex(waiting.findData("cancelled"))
    vip.setCurrentIndex(vip.findData(CREATE_NEW))
    dialog.next_button.click()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.warnings.repair.click()
    assert dialog.types.statuses() == {"Warteliste": "cancelled", "bezahlt": "valid"}
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.next_button.click()
    assert blocker.args[0].statuses["Warteliste"] == "cancelled"
