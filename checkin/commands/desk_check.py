"""``checkin desk-check``: can this desk work on the venue database? One line per check, a verdict."""
from __future__ import annotations

import argparse
from dataclasses import asdict

from checkin.commands.common import EXIT_FAILURE, EXIT_OK, CommandContext
from checkin.store.database import resolve_url
from checkin.store.venue_check import VenueReport, check_database


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser(
        "desk-check", help="check the database for this desk: connection, schema, permissions, latency, "
        "clock difference (exit 0 ok, 1 problem); changes nothing")
    # Also accepted after the command (`checkin desk-check --db URL`); SUPPRESS keeps `checkin --db URL desk-check`.
    check.add_argument("--db", metavar="URL", default=argparse.SUPPRESS, help="the database URL to check")
    check.add_argument("--round-trips", type=int, default=20, metavar="N",
                       help="round trips timed for the latency (default 20)")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    check.set_defaults(func=run_desk_check)


def run_desk_check(args: argparse.Namespace, context: CommandContext) -> int:
    report = check_database(resolve_url(args.db), round_trips=args.round_trips)
    if args.json:
        context.print_json({"database": report.database, "ok": report.ok, "verdict": report.verdict,
                            "checks": [asdict(check) for check in report.checks]})
    else:
        print(_text(report))
    return EXIT_OK if report.ok else EXIT_FAILURE


def _text(report: VenueReport) -> str:
    lines = [f"Database: {report.database}"]
    lines += [f"  {'ok ' if check.ok else 'NO '} {check.name:<12} {check.detail}" for check in report.checks]
    return "\n".join([*lines, report.verdict])
