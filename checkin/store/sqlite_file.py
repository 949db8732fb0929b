"""Checks a SQLite file before SQLite touches it: that we may use it, and that it is ours.

Opening a file with our engine switches it to WAL and migrations add our tables, so a file
that belongs to another program (or an empty file someone else made) is refused here, read
without locks or side files, and left byte for byte as it was.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from alembic.script import ScriptDirectory
from alembic.util import CommandError

from checkin.store.migrate import alembic_config

SQLITE_HEADER = b"SQLite format 3\x00"


class NotOurDatabase(RuntimeError):
    """The file is not a Check-in Desk database; the message says what it is instead."""


def check_existing_file(file: Path) -> None:
    """Raise :class:`NotOurDatabase` unless ``file`` is a Check-in Desk database (or a new one)."""
    with file.open("rb") as stream:
        header = stream.read(len(SQLITE_HEADER))
    if not header:
        raise NotOurDatabase("the file is empty (0 bytes) and was not made by Check-in Desk; "
                             "delete it or choose another file")
    if header != SQLITE_HEADER:
        raise NotOurDatabase("the file is not a Check-in Desk database or is corrupted (it is no SQLite file)")
    tables, revision = _tables_and_revision(file)
    if tables and revision is None:
        shown = ", ".join(sorted(tables)[:5]) + (", …" if len(tables) > 5 else "")
        raise NotOurDatabase(f"the file is not a Check-in Desk database but another program's (tables {shown}); "
                             "choose another file")
    if revision is not None and not _is_our_revision(revision):
        raise NotOurDatabase(f"the file was made by another program or a newer Check-in Desk (schema {revision})")


def _tables_and_revision(file: Path) -> tuple[set[str], str | None]:
    """Read the schema without changing anything: no lock, no journal, no side files. With a WAL
    beside it, the file's newest pages live there: then read through it (still read-only)."""
    has_wal = Path(f"{file}-wal").exists()
    uri = f"file:{quote(str(file.resolve()))}?mode=ro" + ("" if has_wal else "&immutable=1")
    connection = sqlite3.connect(uri, uri=True)
    try:
        tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            return tables, None
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        return tables, row[0] if row else ""
    finally:
        connection.close()


def _is_our_revision(revision: str) -> bool:
    if not revision:
        return True  # an upgrade that never finished its first revision: migrating finishes it
    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except CommandError:
        return False


__all__ = ["NotOurDatabase", "check_existing_file"]
