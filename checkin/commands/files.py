"""The file route on the command line: import, invitations, attendance exports, report, purge."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from checkin.cli import EXIT_FAILURE, EXIT_OK, CommandContext, UsageError


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    importing = subparsers.add_parser("import", help="import guests from a CSV or XLSX file (merges on re-import)")
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.add_argument("--event", dest="import_event", metavar="NAME",
                           help="event to import into, created if new (default: named after the file)")
    importing.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    importing.add_argument("--json", action="store_true", help="print a JSON summary")
    importing.set_defaults(func=run_import)

    export = subparsers.add_parser("export", help="export data of the event")
    kinds = export.add_subparsers(dest="export_kind", metavar="WHAT", required=True)
    attendance = kinds.add_parser("attendance", help="who attended: CSV, XLSX or the PDF list for funders")
    attendance.add_argument("--format", choices=("csv", "xlsx", "pdf"), required=True)
    attendance.add_argument("--out", metavar="FILE", type=Path, required=True)
    attendance.add_argument("--list", type=int, metavar="ID", help="one check-in list (default: all)")
    attendance.add_argument("--language", choices=("de", "en"), default="de",
                            help="PDF labels: German with English subtitles (de) or English (en)")
    attendance.add_argument("--json", action="store_true", help="print a JSON summary")
    attendance.set_defaults(func=run_export_attendance)

    invitations = subparsers.add_parser("invitations", help="QR codes (PNG, SVG), PDF tickets and a mail-merge CSV")
    invitations.add_argument("--out", metavar="DIR", type=Path, required=True)
    invitations.add_argument("--sign", action="store_true",
                             help="sign the QR codes with the event's key, so desks reject forged codes offline")
    invitations.add_argument("--require-signed", action="store_true",
                             help="also make desks refuse scanned codes without a signature (implies --sign)")
    invitations.add_argument("--no-tickets", action="store_true", help="QR images and CSV only, no PDF tickets")
    invitations.add_argument("--json", action="store_true", help="print a JSON summary")
    invitations.set_defaults(func=run_invitations)

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

    report = subparsers.add_parser("report", help="reports on the event")
    reports = report.add_subparsers(dest="report_kind", metavar="WHAT", required=True)
    attendance_report = reports.add_parser(
        "attendance", help="registered, attended, no-shows and walk-ins per ticket type and desk, arrivals chart")
    attendance_report.add_argument("--out", metavar="FILE", type=Path, required=True, help="a .pdf or .csv file")
    attendance_report.add_argument("--list", type=int, metavar="ID", help="one check-in list (default: all)")
    attendance_report.add_argument("--json", action="store_true", help="print the figures as JSON")
    attendance_report.set_defaults(func=run_report_attendance)


def fail(message: str) -> int:
    """One line on stderr, never a traceback."""
    print(f"checkin: {message}", file=sys.stderr)
    return EXIT_FAILURE


def run_import(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.sync.files.errors import FileImportError
    from checkin.sync.files.importer import ImportSummary, read_and_import

    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    try:
        summary = read_and_import(context.database, args.file, args.import_event or args.event, dry_run=args.dry_run)
    except FileImportError as error:
        if args.json:
            failed = ImportSummary(file=args.file.name, event="", event_id=None, dry_run=args.dry_run,
                                   errors=[p.as_json() for p in error.problems])
            context.print_json(failed.as_json())
        return fail(str(error))
    if args.json:
        context.print_json(summary.as_json())
    else:
        _print_import(summary)
    return EXIT_OK


def _print_import(summary) -> None:  # noqa: ANN001 - ImportSummary
    verb = "Would import" if summary.dry_run else "Imported"
    print(f"{verb} {summary.file} into event '{summary.event}': {summary.imported} new, {summary.updated} updated, "
          f"{summary.unchanged} unchanged.")
    if summary.ticket_types_created:
        print("New ticket types: " + ", ".join(summary.ticket_types_created))
    if summary.missing:
        arrived = sum(1 for guest in summary.missing if guest["checked_in"])
        print(f"{len(summary.missing)} guests of earlier imports are no longer in the file (kept; "
              f"{arrived} of them checked in):")
        for guest in summary.missing[:20]:
            print(f"  {guest['name']} <{guest['email']}>{'  (checked in)' if guest['checked_in'] else ''}")


def run_export_attendance(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.store.events import NoEventError
    from checkin.sync.files.attendance_export import export_attendance

    try:
        summary = export_attendance(context.database, args.event, args.format, args.out, args.list, args.language)
    except (NoEventError, LookupError) as error:
        raise UsageError(str(error).rstrip(".")) from None
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror}")
    if args.json:
        context.print_json(summary)
    else:
        count = summary.get("attendees", sum(item["attendees"] for item in summary.get("lists", [])))
        print(f"Wrote {summary['file']} ({count} attendees{', %d pages' % summary['pages'] if 'pages' in summary else ''})")
    return EXIT_OK


def run_invitations(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.sync.files.invitations import InvitationOptions, write_invitations

    options = InvitationOptions(args.out, args.event, args.sign, args.require_signed, not args.no_tickets)
    try:
        summary = write_invitations(context.database, options)
    except LookupError as error:
        raise UsageError(str(error).rstrip(".")) from None
    except OSError as error:
        return fail(f"cannot write into {args.out}: {error.strerror or error}")
    if args.json:
        context.print_json(summary)
    else:
        signed = " (signed codes)" if summary["signed"] else ""
        print(f"Wrote invitations for {summary['guests']} guests{signed} into {summary['out']}; "
              f"mail merge: {summary['mail_merge']}")
    return EXIT_OK


def run_report_attendance(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.store.events import NoEventError
    from checkin.sync.files.attendance_report_out import export_attendance_report

    if args.out.suffix.lower() not in (".pdf", ".csv"):
        raise UsageError(f"--out must name a .pdf or .csv file, not {args.out.name}")
    try:
        summary = export_attendance_report(context.database, args.event, args.out, args.list)
    except NoEventError as error:
        raise UsageError(str(error).rstrip(".")) from None
    except OSError as error:
        return fail(f"cannot write {args.out}: {error.strerror or error}")
    if args.json:
        context.print_json(summary)
    else:
        print(f"Wrote {summary['file']}: {summary['registered']} registered, {summary['attended']} attended, "
              f"{summary['no_shows']} no-shows, {summary['walk_ins']} walk-ins")
    return EXIT_OK


def _day(text: str):  # noqa: ANN202 - date
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def run_purge(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.commands.privacy import confirm_purge, write_receipt
    from checkin.store.events import NoEventError
    from checkin.store.purge import purge_event

    try:
        if not args.yes and not confirm_purge(context, args.event):
            return fail("nothing purged")
        receipt = purge_event(context.database, args.event, context.settings.desk_identity(),
                              keep_aggregates=args.keep_aggregates)
    except NoEventError as error:
        raise UsageError(str(error).rstrip(".")) from None
    try:
        path = write_receipt(receipt, args.receipt)
    except OSError as error:
        return fail(f"purged, but the receipt file could not be written ({error.strerror or error}); "
                    "it is kept in the database")
    if args.json:
        context.print_json({**receipt.as_json(), "receipt_file": str(path)})
    else:
        what = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in receipt.removed.items())
        print(f"Purged the personal data of '{receipt.event}' ({what}). Receipt: {path}")
        if not receipt.compacted:
            print("checkin: the database file could not be compacted now (another desk has it open); "
                  "close the other desks and run the purge again", file=sys.stderr)
    return EXIT_OK


def run_retention(args: argparse.Namespace, context: CommandContext) -> int:
    from checkin.store.events import NoEventError, find_event

    try:
        with context.database.session() as session:
            event = find_event(session, args.event)
            if args.until:
                event.retention_until = args.until
            result = {"event": event.slug, "retention_until": event.retention_until, "purged_at": event.purged_at}
    except NoEventError as error:
        raise UsageError(str(error).rstrip(".")) from None
    if args.json:
        context.print_json(result)
    else:
        print(f"{result['event']}: keep personal data until {result['retention_until'] or '(no date set)'}"
              + (f"; purged {result['purged_at']:%Y-%m-%d %H:%M} UTC" if result["purged_at"] else ""))
    return EXIT_OK
