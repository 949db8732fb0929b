"""The import dialog with real widgets offscreen: read off the UI thread, mapping, preview, import."""
from __future__ import annotations

from sqlalchemy import func, select

from checkin.store.models import Registration
from checkin.ui.import_dialog import NOT_IMPORTED, ImportDialog
from tests.files.helpers import delimited

ROWS = [["Teilnehmerliste Herbsttagung", "", "", ""], ["Vorname", "Nachname", "E-Mail-Adresse", "Spalte X"],
        ["Jörg", "Weiß", "j@x.org", "Bäckerei"], ["Anna", "Müller", "a@x.org", "Zeiss"]]


def _dialog(qtbot, database, path) -> ImportDialog:  # noqa: ANN001
    dialog = ImportDialog(database, path)
    qtbot.addWidget(dialog)
    return dialog


def test_mapping_preview_and_import(qtbot, qtmodeltester, database, tmp_path):
    path = tmp_path / "herbst.csv"
    path.write_bytes(delimited(ROWS).encode("cp1252"))
    dialog = _dialog(qtbot, database, path)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert dialog.mapping() == {"given_name": 0, "family_name": 1, "email": 2}
    assert "CP1252" in dialog.status.text() and "line 2" in dialog.status.text()
    qtmodeltester.check(dialog.preview)
    assert dialog.preview.rowCount() == 2 and dialog.preview.columnCount() == 3
    assert dialog.preview.index(0, 1).data() == "Weiß"
    company = dialog.combos["company"]
    company.setCurrentIndex(company.findData(3))  # "Spalte X" holds the company
    assert dialog.preview.columnCount() == 4
    assert dialog.preview.headerData(2, _horizontal()) == "Company or organisation"  # in English here
    assert dialog.preview.index(0, 2).data() == "Bäckerei"
    assert dialog.next_button.isEnabled()
    with qtbot.waitSignal(dialog.checked, timeout=10_000):
        dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.warnings  # no ticket-type column: no types step
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as blocker:
        dialog.next_button.click()
    assert blocker.args[0].imported == 2
    assert dialog.pages.currentWidget() is dialog.summary and not dialog.result()  # stays until closed
    with database.reader() as session:
        assert set(session.scalars(select(Registration.company))) == {"Bäckerei", "Zeiss"}
    # The mapping is remembered for the next file of this name.
    again = _dialog(qtbot, database, path)
    with qtbot.waitSignal(again.loaded, timeout=10_000):
        pass
    assert again.mapping()["company"] == 3


def test_no_name_column_disables_import(qtbot, database, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text(delimited([["A", "B"], ["1", "2"]]), encoding="utf-8")
    dialog = _dialog(qtbot, database, path)
    with qtbot.waitSignal(dialog.loaded, timeout=10_000):
        pass
    assert not dialog.next_button.isEnabled() and "names" in dialog.status.text()
    given = dialog.combos["given_name"]
    given.setCurrentIndex(given.findData(0))
    assert dialog.next_button.isEnabled()
    given.setCurrentIndex(given.findData(NOT_IMPORTED))
    assert not dialog.next_button.isEnabled()


def test_broken_file_shows_the_reason_and_imports_nothing(qtbot, database, tmp_path):
    path = tmp_path / "broken.csv"
    path.write_bytes(delimited(ROWS[1:]).encode() + b'Ben;"Bauer;b@x.org;X\r\n')
    dialog = _dialog(qtbot, database, path)
    with qtbot.waitSignal(dialog.failed, timeout=10_000) as blocker:
        pass
    assert "broken.csv, line 4" in blocker.args[0] and "broken.csv, line 4" in dialog.status.text()
    assert not dialog.next_button.isEnabled()
    with database.reader() as session:
        assert session.scalar(select(func.count()).select_from(Registration)) == 0


def _horizontal():  # noqa: ANN202
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal
