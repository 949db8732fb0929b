"""The ``checkin`` command: the desk window with no arguments, headless commands otherwise.

Exit codes (a public interface, scripted by organisers): 0 done / scan accepted, 1 the
database or a server could not be used, 2 usage error, 3 scan refused.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from sqlalchemy.exc import DBAPIError

from checkin import __version__
from checkin.commands import backup, badges, desk, desk_check, files, pretix, privacy, venue
from checkin.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CommandContext, UsageError
from checkin.store.database import StoreOpenError, describe_error

#: Each module adds its sub-commands with ``add_commands(subparsers)``; a command's
#: ``func(args, context)`` returns the exit code (see checkin.commands.common).
COMMAND_MODULES = (desk, badges, files, privacy, pretix, backup, desk_check, venue)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="checkin", description="Check-in Desk: event check-in at the venue.")
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: $CHECKIN_DB or the "
                        "SQLite file in the user data folder)")
    parser.add_argument("--event", metavar="SLUG", help="the event to work on (default: the newest)")
    parser.add_argument("--self-test", action="store_true", help="check this installation in a temporary "
                        "folder (database, check-in, badge, QR code, translations) and exit")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.add_commands(subparsers)
    return parser


#: Files and folders this process creates are its user's alone (0600, 0700): the database, its
#: WAL, exports, receipts, settings and logs hold guest data or a server token.
PRIVATE_UMASK = 0o077


def main(argv: Sequence[str] | None = None) -> int:
    # Here, before any thread starts: SQLite, ReportLab and openpyxl create files themselves.
    os.umask(PRIVATE_UMASK)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        # Lazy like the app below: the self-test loads Qt, which no headless command needs.
        from checkin.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        # Lazy on purpose, not to dodge a cycle (app imports nothing of the CLI): headless commands
        # never load Qt, so they start fast and run where no display libraries are installed.
        from checkin.app import run_desk_app

        return run_desk_app(args.db)
    context = CommandContext(args)
    try:
        _refuse_undecodable(args)
        return args.func(args, context)
    except UsageError as error:
        print(f"checkin: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreOpenError as error:
        print(f"checkin: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except DBAPIError as error:  # the database failed mid-command: a full disk, a lock held too long
        print(f"checkin: the database could not be used: {describe_error(error)}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `checkin search x | head`
        sys.stderr.close()
        return EXIT_OK
    finally:
        context.close()


def _refuse_undecodable(args: argparse.Namespace) -> None:
    """Bytes that are not UTF-8 reach us as lone surrogates, which no database can store: say so
    instead of failing deep inside. A scanned code is exempt: the desk records it as refused."""
    for key, value in vars(args).items():
        if key != "code" and isinstance(value, str) and not value.isascii() and _has_surrogates(value):
            raise UsageError(f"the {key.replace('_', ' ')} given is not valid UTF-8 text "
                             "(is the terminal set to another encoding?)")


def _has_surrogates(text: str) -> bool:
    return any("\ud800" <= ch <= "\udfff" for ch in text)


if __name__ == "__main__":
    raise SystemExit(main())
