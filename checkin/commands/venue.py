"""Commands about several desks on one venue database: the guests they admitted twice while apart."""
from __future__ import annotations

import argparse
from pathlib import Path

from checkin.commands.common import EXIT_OK, CommandContext, attempt
from checkin.reports.double_admissions_report import admission_lines, write_csv
from checkin.store.double_admissions import double_admissions


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    conflicts = subparsers.add_parser(
        "conflicts", help="guests admitted at two desks while the venue database did not answer (reconciliation)")
    conflicts.add_argument("--out", type=Path, metavar="FILE.csv", help="also write them to a CSV file")
    conflicts.add_argument("--json", action="store_true", help="print a JSON array")
    conflicts.set_defaults(func=run_conflicts)


def run_conflicts(args: argparse.Namespace, context: CommandContext) -> int:
    """Exit 0 either way: the double admissions are facts to reconcile, not a failure of the command."""
    with context.database.reader() as session:
        event, _list = context.event_and_list(session)
        doubles = double_admissions(session, event.id)
    if args.out is not None:
        written = attempt(lambda: write_csv(doubles, args.out), args.out)
        if isinstance(written, int):
            return written
    if args.json:
        context.print_json([double.as_json() for double in doubles])
    elif doubles:
        print(f"{len(doubles)} guests of {event.name} admitted more than once (each admission is kept in the log):")
        print("\n".join(admission_lines(doubles)))
    else:
        print(f"No guest of {event.name} was admitted twice.")
    return EXIT_OK
