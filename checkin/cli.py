"""The ``checkin`` command: the desk window with no arguments, headless commands otherwise.

Exit codes (a public interface, scripted by organisers): 0 done / scan accepted, 1 the
database or a server could not be used, 2 usage error, 3 scan refused.
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from functools import cached_property

from checkin import __version__

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_REFUSED = 0, 1, 2, 3

#: Each module adds its sub-commands with ``add_commands(subparsers)``; a command's
#: ``func(args, context)`` returns the exit code.
COMMAND_MODULES = (
    "checkin.commands.desk",
    "checkin.commands.badges",
    "checkin.commands.files",
    "checkin.commands.pretix",
)


class UsageError(Exception):
    """The command line names something that does not exist (exit code 2)."""


class CommandContext:
    """What commands share: the settings, and the database opened on first use."""

    def __init__(self, args: argparse.Namespace):
        self.args = args

    @cached_property
    def settings(self):  # noqa: ANN201
        from checkin.settings import Settings

        return Settings()

    @cached_property
    def database(self):  # noqa: ANN201
        from checkin.store.database import open_database

        return open_database(self.args.db)

    def event_and_list(self, session, list_id: int | None = None):  # noqa: ANN001, ANN201
        from checkin.store.events import NoEventError, find_event, find_list

        try:
            event = find_event(session, self.args.event or self.settings.get("event_slug") or None)
            return event, find_list(session, event, list_id or self.settings.get("check_in_list_id") or None)
        except NoEventError as error:
            raise UsageError(str(error)) from None

    @staticmethod
    def print_json(value: object) -> None:
        print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="checkin", description="Check-in Desk: event check-in at the venue.")
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    parser.add_argument("--db", metavar="URL", help="SQLAlchemy database URL (default: $CHECKIN_DB or the "
                        "SQLite file in the user data folder)")
    parser.add_argument("--event", metavar="SLUG", help="the event to work on (default: the newest)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_commands(subparsers)
    return parser


#: Files and folders this process creates are its user's alone (0600, 0700): the database, its
#: WAL, exports, receipts, settings and logs hold guest data or a server token.
PRIVATE_UMASK = 0o077


def main(argv: Sequence[str] | None = None) -> int:
    # Here, before any thread starts: SQLite, ReportLab and openpyxl create files themselves.
    os.umask(PRIVATE_UMASK)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from checkin.app import run_desk_app

        return run_desk_app(args.db)
    from sqlalchemy.exc import DBAPIError

    from checkin.store.database import StoreOpenError, describe_error

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
