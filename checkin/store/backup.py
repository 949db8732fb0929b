"""Backups of the SQLite database with SQLite's online backup API: a consistent copy while
desks keep scanning, private to the user, rotated in the user data folder; and the restore,
which accepts only our own databases and keeps the current one aside first."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime, timezone
from pathlib import Path

from alembic.script import ScriptDirectory
from platformdirs import user_data_dir
from sqlalchemy.engine import make_url

from checkin.store.database import APP_DIR_NAME, open_database
from checkin.store.migrate import alembic_config

BACKUP_PREFIX, BEFORE_RESTORE_PREFIX, SUFFIX = "checkin-", "before-restore-", ".sqlite3"
#: Tables every Check-in Desk database has had since the first revision.
OUR_TABLES = frozenset({"alembic_version", "event", "registration", "check_in", "desk"})


class BackupError(RuntimeError):
    """A backup or restore cannot be done; the message says why, and nothing was changed."""


def backup_folder() -> Path:
    data_dir = os.environ.get("CHECKIN_DATA_DIR") or user_data_dir(APP_DIR_NAME, appauthor=False)
    return Path(os.environ.get("CHECKIN_BACKUP_DIR") or Path(data_dir) / "backups")


def sqlite_file(url: str) -> Path:
    """The database file of a SQLite URL; a server database is backed up with its own tools."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        raise BackupError(f"only a SQLite database file can be backed up here, not {parsed.get_backend_name()} "
                          "(for PostgreSQL use pg_dump)")
    return Path(parsed.database)


def private_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    return folder


def copy_database(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` (readable by the user only) in one consistent snapshot."""
    if not source.is_file():
        raise BackupError(f"there is no database at {source}")
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    with closing(sqlite3.connect(source, timeout=30)) as src, closing(sqlite3.connect(partial)) as dst:
        src.backup(dst)  # all pages in one step: one read snapshot, writers on WAL are not blocked
        dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
    os.replace(partial, target)
    return target


def check_ours(file: Path) -> str:
    """The schema revision of ``file`` if it is an intact Check-in Desk database; else BackupError."""
    if not file.is_file():
        raise BackupError(f"{file} is not a file")
    try:
        with closing(sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)) as connection:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not OUR_TABLES <= tables:
                raise BackupError(f"{file} is not a Check-in Desk database (tables missing: "
                                  f"{', '.join(sorted(OUR_TABLES - tables))})")
            integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
            revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{file} is not a Check-in Desk database ({error})") from error
    if integrity != "ok":
        raise BackupError(f"{file} is damaged (integrity check: {integrity})")
    return _known_revision(file, revision[0] if revision else None)


def _known_revision(file: Path, revision: str | None) -> str:
    known = {script.revision for script in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise BackupError(f"{file} has schema revision {revision}, unknown to this version of Check-in Desk")
    return revision


def timestamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S-%f")


def take_backup(url: str, folder: Path | None = None, keep: int = 24) -> Path:
    """A new rotated backup of the database at ``url``; only the newest ``keep`` stay."""
    folder = private_folder(folder or backup_folder())
    target = copy_database(sqlite_file(url), folder / f"{BACKUP_PREFIX}{timestamp()}{SUFFIX}")
    prune(folder, keep)
    return target


def rotated_backups(folder: Path) -> list[Path]:
    """The rotated backups, oldest first (the copies kept before a restore are not rotated)."""
    return sorted(path for path in folder.glob(f"{BACKUP_PREFIX}*{SUFFIX}")
                  if not path.name.startswith(BACKUP_PREFIX + BEFORE_RESTORE_PREFIX))


def prune(folder: Path, keep: int) -> list[Path]:
    removed = rotated_backups(folder)[:-keep] if keep > 0 else []
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(file: Path, url: str, folder: Path | None = None) -> Path | None:
    """Replace the database at ``url`` by the backup ``file``, then migrate it to this version.

    The current database is first copied to ``checkin-before-restore-*.sqlite3`` in the backup
    folder (returned; None when there was none).
    """
    check_ours(file)
    target = sqlite_file(url)
    if target.exists() and target.resolve() == file.resolve():
        raise BackupError(f"{file} is the database in use itself")
    kept = None
    if target.exists():
        kept = copy_database(target, private_folder(folder or backup_folder())
                             / f"{BACKUP_PREFIX}{BEFORE_RESTORE_PREFIX}{timestamp()}{SUFFIX}")
    target.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(file)) as src, closing(sqlite3.connect(target, timeout=30)) as dst:
        src.backup(dst)
    open_database(url).dispose()  # an older backup is brought up to this version's schema
    return kept
