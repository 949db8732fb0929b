"""The file route on the command line: import, invitations, attendance exports, report, purge."""
from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import EXIT_OK, CommandContext, UsageError, attempt, fail, show
from checkin.reports.attendance_export import export_attendance
from checkin.reports.attendance_report_out import export_attendance_report
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.importer import ImportSummary, read_and_import
from checkin.sync.files.status_mapping import parse_status_map
from checkin.sync.files.invitations import InvitationOptions, write_invitations


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    importing = subparsers.add_parser("import", help="import guests from a CSV or XLSX file (merges on re-import)")
    importing.add_argument("file", metavar="FILE", type=Path)
    importing.add_argument("--event", dest="import_event", metavar="NAME",
                           help="event to import into, created if new (default: named after the file)")
    importing.add_argument("--dry-run", action="store_true", help="check and count, change nothing")
    importing.add_argument("--json", action="store_true", help="print a JSON summary")
    importing.add_argument("--status-map", action="append", default=[], metavar="WORD=STATUS",
                           help="what a word in the file's status column means: valid, unpaid or cancelled "
                                "(e.g. storniert=cancelled; repeat or separate with commas; remembered for files "
                                "with the same columns; other words are guessed)")
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

    report = subparsers.add_parser("report", help="reports on the event")
    reports = report.add_subparsers(dest="report_kind", metavar="WHAT", required=True)
    attendance_report = reports.add_parser(
        "attendance", help="registered, attended, no-shows and walk-ins per ticket type and desk, arrivals chart")
    attendance_report.add_argument("--out", metavar="FILE", type=Path, required=True, help="a .pdf or .csv file")
    attendance_report.add_argument("--list", type=int, metavar="ID", help="one check-in list (default: all)")
    attendance_report.add_argument("--json", action="store_true", help="print the figures as JSON")
    attendance_report.set_defaults(func=run_report_attendance)


def run_import(args: argparse.Namespace, context: CommandContext) -> int:
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    try:
        statuses = parse_status_map(args.status_map)
    except ValueError as error:
        raise UsageError(f"--status-map: {error}") from None
    try:
        summary = read_and_import(context.database, args.file, args.import_event or args.event, dry_run=args.dry_run,
                                  statuses=statuses)
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


def _print_import(summary: ImportSummary) -> None:
    verb = "Would import" if summary.dry_run else "Imported"
    print(f"{verb} {summary.file} into event '{summary.event}': {summary.imported} new, {summary.updated} updated, "
          f"{summary.unchanged} unchanged.")
    if summary.ticket_types_created:
        print("New ticket types: " + ", ".join(summary.ticket_types_created))
    if summary.statuses:
        print("Statuses: " + ", ".join(f"{word}={status}" for word, status in sorted(summary.statuses.items())))
    if summary.missing:
        arrived = sum(1 for guest in summary.missing if guest["checked_in"])
        print(f"{len(summary.missing)} guests of earlier imports are no longer in the file (kept; "
              f"{arrived} of them checked in):")
        for guest in summary.missing[:20]:
            print(f"  {guest['name']} <{guest['email']}>{'  (checked in)' if guest['checked_in'] else ''}")


def run_export_attendance(args: argparse.Namespace, context: CommandContext) -> int:
    slug = context.event_slug()
    summary = attempt(lambda: export_attendance(context.database, slug, args.format, args.out, args.list,
                                                args.language), args.out)
    if isinstance(summary, int):
        return summary
    count = summary.get("attendees", sum(item["attendees"] for item in summary.get("lists", [])))
    pages = f", {summary['pages']} pages" if "pages" in summary else ""
    return show(args, context, summary, f"Wrote {summary['file']} ({count} attendees{pages})")


def run_invitations(args: argparse.Namespace, context: CommandContext) -> int:
    options = InvitationOptions(args.out, args.event, args.sign, args.require_signed, not args.no_tickets)
    summary = attempt(lambda: write_invitations(context.database, options), args.out)
    if isinstance(summary, int):
        return summary
    signed = " (signed codes)" if summary["signed"] else ""
    return show(args, context, summary, f"Wrote invitations for {summary['guests']} guests{signed} into "
                f"{summary['out']}; mail merge: {summary['mail_merge']}")


def run_report_attendance(args: argparse.Namespace, context: CommandContext) -> int:
    if args.out.suffix.lower() not in (".pdf", ".csv"):
        raise UsageError(f"--out must name a .pdf or .csv file, not {args.out.name}")
    summary = attempt(lambda: export_attendance_report(context.database, context.event_slug(), args.out, args.list), args.out)
    if isinstance(summary, int):
        return summary
    return show(args, context, summary, f"Wrote {summary['file']}: {summary['registered']} registered, "
                f"{summary['attended']} attended, {summary['no_shows']} no-shows, {summary['walk_ins']} walk-ins")
