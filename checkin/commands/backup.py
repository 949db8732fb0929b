"""``checkin backup FILE`` and ``checkin restore FILE``: the SQLite database, copied with
SQLite's online backup API (safe while desks scan)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin.commands.common import EXIT_FAILURE, EXIT_OK, CommandContext, UsageError
from checkin.store.backup import BackupError, copy_database, restore, sqlite_file
from checkin.store.database import resolve_url


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    backup = subparsers.add_parser("backup", help="copy the SQLite database to FILE (safe while desks scan)")
    backup.add_argument("file", type=Path, metavar="FILE")
    backup.add_argument("--force", action="store_true", help="replace FILE if it exists")
    backup.add_argument("--json", action="store_true")
    backup.set_defaults(func=run_backup)

    restore_parser = subparsers.add_parser("restore", help="replace the database by a backup FILE (the current "
                                           "one is kept in the backups folder first)")
    restore_parser.add_argument("file", type=Path, metavar="FILE")
    restore_parser.add_argument("--json", action="store_true")
    restore_parser.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace, context: CommandContext) -> int:
    if args.file.exists() and not args.force:
        raise UsageError(f"{args.file} exists; choose another name or add --force")
    try:
        source = sqlite_file(resolve_url(args.db))
        if args.file.exists() and args.file.resolve() == source.resolve():
            raise BackupError(f"{args.file} is the database itself")
        copy_database(source, args.file)
    except BackupError as error:
        return _failed(error)
    _report(context, args.json, {"backup": str(args.file), "bytes": args.file.stat().st_size},
            f"Backup written to {args.file}")
    return EXIT_OK


def run_restore(args: argparse.Namespace, context: CommandContext) -> int:
    if not args.file.exists():
        raise UsageError(f"{args.file} does not exist")
    try:
        kept = restore(args.file, resolve_url(args.db))
    except BackupError as error:
        return _failed(error)
    _report(context, args.json, {"restored": str(args.file), "kept": str(kept) if kept else None},
            f"Restored {args.file}" + (f"; the previous database is kept as {kept}" if kept else ""))
    return EXIT_OK


def _failed(error: BackupError) -> int:
    print(f"checkin: {error}", file=sys.stderr)
    return EXIT_FAILURE


def _report(context: CommandContext, as_json: bool, value: dict, text: str) -> None:
    if as_json:
        context.print_json(value)
    else:
        print(text)
