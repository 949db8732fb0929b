"""A full disk, as SQLite reports it (SQLITE_FULL through max_page_count): named as such, what
was saved is kept, and a database that could not be made leaves no stray files."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError

from checkin.cli import EXIT_FAILURE, main
from checkin.store.database import StoreOpenError, describe_error, open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration


class FullDisk:
    """While filled, every SQLite connection opened may not grow its file: the real SQLITE_FULL."""

    def fill(self) -> None:
        event.listen(Engine, "connect", self._no_growth)

    def free(self) -> None:
        if event.contains(Engine, "connect", self._no_growth):
            event.remove(Engine, "connect", self._no_growth)

    @staticmethod
    def _no_growth(dbapi_connection, _record) -> None:  # noqa: ANN001 - DB-API types
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {max(pages, 1)}")
        cursor.close()


@pytest.fixture
def disk() -> Iterator[FullDisk]:
    full = FullDisk()
    yield full
    full.free()


def valid_codes(db_url: str, event_id: int) -> list[str]:
    database = open_database(db_url)
    with database.reader() as session:
        codes = list(session.scalars(select(Registration.code).where(Registration.event_id == event_id,
                                                                      Registration.status == "valid")))
    database.dispose()
    return codes


def test_a_new_database_on_a_full_disk_is_named_and_leaves_nothing(tmp_path: Path, disk: FullDisk):
    folder = tmp_path / "desk"
    folder.mkdir()
    disk.fill()
    with pytest.raises(StoreOpenError, match="the disk is full"):
        open_database(f"sqlite:///{folder / 'new.sqlite3'}")
    assert list(folder.iterdir()) == []


def test_a_desk_command_on_a_full_disk_says_so_and_keeps_what_was_saved(db_url: str, demo, disk: FullDisk,
                                                                        capsys):
    codes = valid_codes(db_url, demo.event_id)
    disk.fill()
    # Rows fill the free space of the last pages first: scan until a page more is needed.
    results = [main(["--db", db_url, "scan", code]) for code in codes[:150]]
    assert EXIT_FAILURE in results
    err = capsys.readouterr().err
    assert "the disk is full" in err and "Traceback" not in err
    disk.free()
    database = open_database(db_url)
    with database.reader() as session:
        logged = session.scalar(select(func.count()).select_from(CheckIn))
    database.dispose()
    assert logged == len(results) - results.count(EXIT_FAILURE)


def test_a_running_desk_gets_an_error_that_can_be_named(db_url: str, demo, disk: FullDisk, clock):
    disk.fill()
    database = open_database(db_url)
    service = DeskService(database, "00000000-0000-4000-8000-0000000000d1", "Full", clock=clock)
    with pytest.raises(OperationalError) as raised:
        for code in valid_codes(db_url, demo.event_id):
            service.scan(demo.event_id, demo.list_ids[0], code)
    assert describe_error(raised.value).startswith("the disk is full")
    database.dispose()
