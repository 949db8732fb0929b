"""Backups with SQLite's online backup API: taken while desks scan, restored consistent,
private to the user; a restore refuses foreign files and keeps the current database aside."""
from __future__ import annotations

import sqlite3
import stat
import threading
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import select

from checkin.cli import main
from checkin.store.backup import BackupError, backup_folder, prune, restore, rotated_backups, take_backup
from checkin.store.database import Database, open_database
from checkin.store.desk import DeskService
from checkin.store.models import CheckIn, Registration

DESKS = 4


def codes_of(database: Database, event_id: int) -> list[str]:
    with database.reader() as session:
        return list(session.scalars(select(Registration.code).where(Registration.event_id == event_id,
                                                                    Registration.status == "valid")))


def check_in_ids(file: Path) -> set[int]:
    with closing(sqlite3.connect(file)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return {row[0] for row in connection.execute("SELECT id FROM check_in")}


class ScanStorm:
    """Desks on their own threads scanning every code; each confirmed check-in id is recorded."""

    def __init__(self, database: Database, event_id: int, list_id: int, codes: list[str]):
        self.confirmed: set[int] = set()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self._desk, args=(database, event_id, list_id, codes[n::DESKS], n))
                        for n in range(DESKS)]

    def _desk(self, database: Database, event_id: int, list_id: int, codes: list[str], number: int) -> None:
        service = DeskService(database, f"00000000-0000-4000-8000-00000000000{number}", f"Desk {number}")
        for code in codes:
            result = service.scan(event_id, list_id, code)
            with self.lock:
                self.confirmed.add(result.check_in_id)

    def snapshot(self) -> set[int]:
        with self.lock:
            return set(self.confirmed)

    def running(self) -> bool:
        return any(thread.is_alive() for thread in self.threads)


def test_backup_during_a_scan_storm_restores_every_confirmed_check_in(database, demo, db_url, tmp_path):
    storm = ScanStorm(database, demo.event_id, demo.list_ids[0], codes_of(database, demo.event_id))
    for thread in storm.threads:
        thread.start()
    taken = []
    while storm.running() or not taken:
        confirmed_before = storm.snapshot()
        taken.append((confirmed_before, take_backup(db_url, tmp_path / "backups", keep=1000)))
    for thread in storm.threads:
        thread.join()
    assert len(taken) >= 2
    for number, (confirmed_before, backup) in enumerate(taken):
        restored_url = f"sqlite:///{tmp_path / f'restored-{number}.sqlite3'}"
        restore(backup, restored_url, folder=tmp_path / "kept")
        assert confirmed_before <= check_in_ids(Path(restored_url.removeprefix("sqlite:///")))
    assert storm.snapshot() <= check_in_ids(Path(db_url.removeprefix("sqlite:///")))


def test_backups_are_private_and_rotated(database, db_url, tmp_path):
    folder = tmp_path / "backups"
    made = [take_backup(db_url, folder, keep=3) for _ in range(5)]
    assert rotated_backups(folder) == made[-3:]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {stat.S_IMODE(path.stat().st_mode) for path in made[-3:]} == {0o600}
    assert prune(folder, 1) == made[-3:-1]


def test_restore_refuses_files_that_are_not_ours_and_changes_nothing(database, demo, db_url, tmp_path):
    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list")
    foreign = tmp_path / "foreign.sqlite3"
    with closing(sqlite3.connect(foreign)) as connection:
        connection.execute("CREATE TABLE event (id INTEGER)")
    before = check_in_ids(Path(db_url.removeprefix("sqlite:///")))
    for file, reason in ((junk, "file is not a database"), (foreign, "tables missing")):
        with pytest.raises(BackupError, match=reason):
            restore(file, db_url, folder=tmp_path / "kept")
    assert not (tmp_path / "kept").exists()
    assert check_in_ids(Path(db_url.removeprefix("sqlite:///"))) == before


def test_cli_backup_and_restore_round_trip(capsys):
    assert main(["demo", "--guests", "20"]) == 0
    backup = backup_folder().parent / "by-hand.sqlite3"
    assert main(["backup", str(backup)]) == 0
    assert main(["backup", str(backup)]) == 2  # no silent overwrite
    database = open_database()
    with database.reader() as session:
        code = session.scalars(select(Registration.code).where(Registration.status == "valid")).first()
    database.dispose()
    assert main(["scan", code]) == 0
    capsys.readouterr()
    assert main(["restore", str(backup), "--json"]) == 0
    assert '"kept": ' in capsys.readouterr().out
    database = open_database()
    with database.reader() as session:
        assert session.scalars(select(CheckIn)).all() == []
    database.dispose()
    [kept] = backup_folder().glob("checkin-before-restore-*.sqlite3")
    assert len(check_in_ids(kept)) == 1
