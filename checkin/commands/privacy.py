"""GDPR on the command line: ``checkin purge`` (with its confirmation and receipt file) and
``checkin retention``."""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from checkin.commands.common import EXIT_OK, CommandContext, UsageError, fail, show
from checkin.reports.attendance_report import purge_aggregates
from checkin.store.events import NoEventError, find_event
from checkin.store.purge import purge_event, write_receipt


NOT_COMPACTED = ("NOT DONE: the names are deleted from the tables but still in the database file, because "
                 "another desk is reading it. Close the other desks; the next start of Check-in Desk (any "
                 "'checkin' command, or the window) then removes them from the file.")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    purge = subparsers.add_parser("purge", help="GDPR: remove all personal data of the event (and compact the file)")
    purge.add_argument("--keep-aggregates", action="store_true",
                       help="keep anonymous counts (ticket types, check-in times, desks) for the attendance report")
    purge.add_argument("--receipt", metavar="FILE", type=Path,
                       help="where to write the deletion receipt (default: the data folder's receipts/)")
    purge.add_argument("--yes", action="store_true", help="do not ask (asked only on a terminal)")
    purge.add_argument("--json", action="store_true", help="print the receipt as JSON")
    purge.set_defaults(func=run_purge)

    retention = subparsers.add_parser("retention", help="show or set the day after which the event's data is purged")
    retention.add_argument("--until", metavar="YYYY-MM-DD", type=_day, help="keep the guests' data until this day")
    retention.add_argument("--json", action="store_true")
    retention.set_defaults(func=run_retention)


def confirm_purge(context: CommandContext, event_slug: str | None) -> bool:
    """On a terminal, the person types the event's slug; scripts (no terminal) are not asked."""
    if not sys.stdin.isatty():
        return True

    with context.database.reader() as session:
        event = find_event(session, event_slug)
        slug, name = event.slug, event.name
    print(f"This removes every guest's personal data of '{name}' for good.")
    return input(f"Type the event's short name ({slug}) to go ahead: ").strip() == slug


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def run_purge(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        if not args.yes and not confirm_purge(context, args.event):
            return fail("nothing purged")
        receipt = purge_event(context.database, args.event, context.settings.desk_identity(),
                              keep_aggregates=purge_aggregates if args.keep_aggregates else None)
    except NoEventError as error:
        raise UsageError(str(error).rstrip(".")) from None
    try:
        path = write_receipt(receipt, args.receipt)
    except OSError as error:
        return fail(f"purged, but the receipt file could not be written ({error.strerror or error}); "
                    "it is kept in the database")
    if args.json:
        context.print_json({**receipt.as_json(), "receipt_file": str(path),
                            **({} if receipt.compacted else {"warning": NOT_COMPACTED})})
    else:
        what = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in receipt.removed.items())
        print(f"Purged the personal data of '{receipt.event}' ({what}). Receipt: {path}")
    if not receipt.compacted:
        return fail(NOT_COMPACTED)
    return EXIT_OK


def run_retention(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        with context.database.session() as session:
            event = find_event(session, args.event)
            if args.until:
                event.retention_until = args.until
            result = {"event": event.slug, "retention_until": event.retention_until, "purged_at": event.purged_at}
    except NoEventError as error:
        raise UsageError(str(error).rstrip(".")) from None
    purged = f"; purged {result['purged_at']:%Y-%m-%d %H:%M} UTC" if result["purged_at"] else ""
    return show(args, context, result, f"{result['event']}: keep personal data until "
                f"{result['retention_until'] or '(no date set)'}{purged}")
