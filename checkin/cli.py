"""The ``checkin`` command: the desk window with no arguments, headless commands otherwise.

Exit codes (a public interface, scripted by organisers): 0 done / scan accepted, 1 the
database or a server could not be used, 2 usage error, 3 scan refused.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from checkin import __version__
from checkin.commands import backup, badges, desk, desk_check, files, pretix, privacy
from checkin.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CommandContext, UsageError
from checkin.store.database import StoreOpenError

#: Each module adds its sub-commands with ``add_commands(subparsers)``; a command's
#: ``func(args, context)`` returns the exit code (see checkin.commands.common).
COMMAND_MODULES = (desk, badges, files, privacy, pretix, backup, desk_check)


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


def main(argv: Sequence[str] | None = None) -> int:
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
        return args.func(args, context)
    except UsageError as error:
        print(f"checkin: {error}", file=sys.stderr)
        return EXIT_USAGE
    except StoreOpenError as error:
        print(f"checkin: {error}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `checkin search x | head`
        sys.stderr.close()
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
