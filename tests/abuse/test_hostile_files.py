"""Fifty-odd broken and hostile files through the import: each is imported or refused with a
one-line error naming the file, and a refused one leaves the database as it was."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from checkin.cli import EXIT_FAILURE, main
from checkin.store.database import Database
from checkin.store.models import Registration
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import read_and_import
from tests.abuse.hostile_files import HOSTILE
from tests.abuse.zip_parts import MAIN, SHEET, DeflateBomb, workbook_parts, write_xlsx


def guests(database: Database) -> int:
    with database.reader() as session:
        return session.scalar(select(func.count()).select_from(Registration))


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_file_is_imported_or_refused_in_one_line(kind: str, database: Database, demo, tmp_path: Path):
    path = HOSTILE[kind](tmp_path / kind)
    before = guests(database)
    try:
        summary = read_and_import(database, path, "Hostile")
    except FileImportError as error:
        assert str(error).startswith(path.name)
        assert "\n" not in str(error) and "Traceback" not in str(error)
        assert guests(database) == before
    else:
        assert guests(database) == before + summary.imported


def test_a_zip_bomb_is_refused_as_json_naming_the_file(db_url: str, tmp_path: Path, capsys):
    # 2 GiB inflated here; tests/perf/test_abuse_perf.py refuses the 8 GiB one and measures it.
    sheet = DeflateBomb(f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1">',
                        '<c t="n"><v>1</v></c>', "</row></sheetData></worksheet>", 2 << 30)
    path = write_xlsx(tmp_path / "bomb.xlsx", workbook_parts({SHEET: None}), {SHEET: sheet})
    assert main(["--db", db_url, "import", str(path), "--event", "Bomb", "--json"]) == EXIT_FAILURE
    [problem] = json.loads(capsys.readouterr().out)["errors"]
    assert problem["file"] == "bomb.xlsx"
    assert "unpacks to 2,048 MB" in problem["message"]
