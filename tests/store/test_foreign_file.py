"""A file that is not a Check-in Desk database is refused and left byte for byte unchanged."""
from __future__ import annotations

import hashlib
import re
import sqlite3
from pathlib import Path

import pytest

from checkin.store.database import StoreOpenError, open_database


def _other_program(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (body TEXT)")
        connection.execute("INSERT INTO notes VALUES ('keep me')")
    connection.close()


def _other_alembic_app(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('abc123def456')")
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()


FOREIGN = {
    "another program's tables": (_other_program, "another program's (tables notes)"),
    "another Alembic app": (_other_alembic_app, "another program or a newer Check-in Desk"),
    "0 bytes": (lambda path: path.write_bytes(b""), "empty (0 bytes)"),
    "a text file": (lambda path: path.write_text("name,email\n"), "it is no SQLite file"),
}


def _snapshot(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_file_that_is_not_ours_is_refused_and_unchanged(kind: str, tmp_path: Path):
    make, reason = FOREIGN[kind]
    folder = tmp_path / "files"
    folder.mkdir()
    make(folder / "other.db")
    before = _snapshot(folder)
    with pytest.raises(StoreOpenError, match=re.escape(reason)) as refused:
        open_database(f"sqlite:///{folder / 'other.db'}")
    assert "left unchanged" in str(refused.value)
    assert _snapshot(folder) == before  # same bytes, no -wal or -shm beside it


def test_our_database_opens_again_while_another_desk_holds_it(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'desk.sqlite3'}"
    first = open_database(url)
    with first.engine.connect():  # keeps the -wal beside the file
        assert Path(f"{tmp_path / 'desk.sqlite3'}-wal").exists()
        open_database(url).dispose()
    first.dispose()
    open_database(url).dispose()  # and with the WAL checkpointed away
