"""pretix commands: connect a server, sync (push then pull), reconcile after the event."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from checkin.commands.common import EXIT_FAILURE, EXIT_OK, CommandContext, UsageError
from checkin.commands.sync_watch import check_interval, run_watch
from checkin.reports.reconcile_report import SECTION_TITLES, write_report
from checkin.store.desk_choice import remember
from checkin.store.sync_lock import OwnerState
from checkin.sync.pretix.client import PretixError
from checkin.sync.pretix.connection import forget_connection
from checkin.sync.pretix.credentials import TOKEN_ENVIRONMENT, TokenStore, read_token_file
from checkin.sync.pretix.push import pending_count
from checkin.sync.pretix.reconcile_event import NotConnectedError as ListNotConnectedError
from checkin.sync.pretix.reconcile_event import reconcile_event
from checkin.sync.pretix.setup import connect
from checkin.sync.pretix.owner import Owner, sync_once
from checkin.sync.pretix.sync import NotConnectedError


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    pretix = subparsers.add_parser("pretix", help="connect to a pretix server")
    actions = pretix.add_subparsers(dest="pretix_command", metavar="ACTION", required=True)
    connect = actions.add_parser("connect", help="connect this desk to a pretix event and pull its metadata")
    connect.add_argument("--url", required=True, help="the pretix server, e.g. https://pretix.eu")
    secret = connect.add_mutually_exclusive_group()
    secret.add_argument("--token-file", metavar="FILE", help="a file holding an organiser API token (Organizer → "
                        "Teams → API tokens); '-' reads it from standard input. Or set CHECKIN_PRETIX_TOKEN")
    secret.add_argument("--token", help="the token itself: visible to every user of this computer, prefer "
                        "--token-file")
    secret.add_argument("--handshake", metavar="JSON", help="the device setup code's text (Organizer → Devices)")
    connect.add_argument("--organizer", required=True, metavar="ORG", help="the organiser's short form")
    connect.add_argument("--event", dest="pretix_event", required=True, metavar="SLUG", help="the event's short form")
    connect.add_argument("--list", dest="pretix_list", type=int, metavar="ID",
                         help="pretix's id of the check-in list (default: the event's first)")
    connect.add_argument("--json", action="store_true", help="print a JSON summary")
    connect.set_defaults(func=run_connect)
    disconnect = actions.add_parser("disconnect", help="unlink the event from pretix and forget the token; "
                                    "registrations and check-ins stay")
    disconnect.set_defaults(func=run_disconnect)

    sync = subparsers.add_parser("sync", help="upload local check-ins to pretix, then download changes")
    sync.add_argument("--json", action="store_true", help="print a JSON summary (with --watch: one JSON "
                      "object per line and round)")
    sync.add_argument("--watch", action="store_true", help="keep syncing every --interval seconds until Ctrl+C "
                      "or SIGTERM; on a venue PostgreSQL as the one sync owner of all desks (waits while a desk "
                      "owns it, takes over when it goes)")
    sync.add_argument("--interval", type=check_interval, metavar="SECONDS",
                      help="with --watch: seconds between rounds (default: the 'Sync with pretix every' setting)")
    sync.set_defaults(func=run_sync)

    reconcile = subparsers.add_parser("reconcile", help="after the event: compare local check-ins with pretix")
    reconcile.add_argument("--report", metavar="FILE", help="also write the report as FILE.pdf or FILE.csv")
    reconcile.add_argument("--list", type=int, metavar="ID", help="check-in list id (default: the event's first)")
    reconcile.add_argument("--json", action="store_true", help="print the reconciliation as JSON")
    reconcile.set_defaults(func=run_reconcile)


def run_connect(args: argparse.Namespace, context: CommandContext) -> int:
    try:
        token = None if args.handshake else _token(args)
        result = connect(context.database, TokenStore(), url=args.url, organizer=args.organizer,
                         event_slug=args.pretix_event, token=token, handshake=args.handshake,
                         list_id=args.pretix_list)
    except PretixError as error:
        return _fail(error)
    with context.database.session() as session:  # this database's desk now works on the connected event
        remember(session, context.settings.desk_identity()[0], result.event_id, result.list_id)
    if args.json:
        context.print_json({"event": result.event_slug, "event_id": result.event_id, "name": result.event_name,
                            "list": result.list_id, "list_name": result.list_name, "lists": result.lists,
                            "device_id": result.device_id, "token_storage": result.token_storage})
    else:
        print(f"Connected to '{result.event_name}' ({result.event_slug}), list '{result.list_name}'.")
        print(f"The access token is kept in {result.token_storage}.")
        print("Run 'checkin sync' to download the registrations.")
    return EXIT_OK


def _token(args: argparse.Namespace) -> str:
    """The organiser token from --token-file, standard input, CHECKIN_PRETIX_TOKEN or (warned) --token."""
    if args.token_file:
        return read_token_file(args.token_file, sys.stdin)
    if args.token:
        print("checkin: warning: a token given with --token is visible to every user of this computer (ps, "
              f"shell history); use --token-file FILE, --token-file - (standard input) or {TOKEN_ENVIRONMENT}",
              file=sys.stderr)
        return args.token
    if os.environ.get(TOKEN_ENVIRONMENT):
        return os.environ[TOKEN_ENVIRONMENT]
    raise UsageError(f"give the pretix token with --token-file FILE, --token-file - (standard input) or "
                     f"{TOKEN_ENVIRONMENT}, or a device setup code with --handshake")


def run_disconnect(args: argparse.Namespace, context: CommandContext) -> int:
    with context.database.session() as session:
        event, _list = context.event_and_list(session)
        connection = forget_connection(session, event.id)
    if connection is None:
        raise UsageError(f"Event '{event.slug}' is not connected to pretix.")
    TokenStore().forget(connection.account)
    waiting = pending_count(context.database, event.id)
    print(f"Event '{event.slug}' is no longer linked to {connection.url}; its data stays in this database.")
    if waiting:
        print(f"{waiting} check-ins were never uploaded: connect again to upload them.")
    return EXIT_OK


def run_sync(args: argparse.Namespace, context: CommandContext) -> int:
    event_ids = None
    if args.event:
        with context.database.reader() as session:
            event_ids = [context.event_and_list(session)[0].id]
    if args.interval is not None and not args.watch:
        raise UsageError("--interval goes with --watch.")
    if args.watch:
        args.interval = args.interval or context.settings.get("sync_interval_s")
        return run_watch(args, context, event_ids)
    try:
        turn = sync_once(context.database, TokenStore(), Owner("checkin sync", kind="once"), event_ids)
    except NotConnectedError as error:
        return _fail(error)
    if not turn.owner:
        return _owned_elsewhere(args, context, turn.state)
    summaries = turn.summaries
    if not summaries:
        return _fail(RuntimeError("No event is connected to pretix: run 'checkin pretix connect' first."))
    if args.json:
        context.print_json({"pulled": sum(s.pulled for s in summaries), "uploaded": sum(s.uploaded for s in summaries),
                            "rejected": sum(s.rejected for s in summaries),
                            "pending_upload": sum(s.pending_upload for s in summaries),
                            "ok": not any(s.error for s in summaries), "events": [s.as_json() for s in summaries]})
    else:
        for summary in summaries:
            print(f"{summary.event}: uploaded {summary.uploaded}, downloaded {summary.pulled} "
                  f"({'full' if summary.full_pull else 'changes only'}), {summary.pending_upload} waiting for upload")
    for summary in summaries:
        if summary.error:
            print(f"checkin: {summary.event}: {summary.error}", file=sys.stderr)
    return EXIT_FAILURE if any(s.error for s in summaries) else EXIT_OK


def _owned_elsewhere(args: argparse.Namespace, context: CommandContext, state: OwnerState) -> int:
    """Another process owns the venue's sync: nothing is done twice, and the person learns who."""
    last = state.last_pull_at.isoformat(timespec="seconds") if state.last_pull_at else "none yet"
    print(f"checkin: {state.name or 'another desk'} on {state.host or '?'} syncs with pretix for this database "
          f"(last successful sync: {last}); nothing was done here.", file=sys.stderr)
    if args.json:
        context.print_json({"pulled": 0, "uploaded": 0, "rejected": 0, "pending_upload": state.pending_upload,
                            "ok": True, "events": [], "sync_owner": state.as_json()})
    return EXIT_OK


def run_reconcile(args: argparse.Namespace, context: CommandContext) -> int:
    if args.report and Path(args.report).suffix.lower() not in (".pdf", ".csv"):
        raise UsageError(f"--report must name a .pdf or .csv file, not '{args.report}'.")
    with context.database.reader() as session:
        event, check_in_list = context.event_and_list(session, args.list)
        event_id, slug, list_id = event.id, event.slug, check_in_list.id
    try:
        report = reconcile_event(context.database, TokenStore(), event_id, list_id)
    except ListNotConnectedError:
        raise UsageError(f"Event '{slug}' is not connected to pretix: run 'checkin pretix connect' first.") from None
    except PretixError as error:
        return _fail(error)
    if args.report:
        write_report(report, Path(args.report))
    if args.json:
        context.print_json(report.as_json())
        return EXIT_OK
    print(f"{report.event} — {report.check_in_list}")
    print(f"Uploaded and accepted: {report.uploaded}   Waiting for upload: {report.pending_upload}   "
          f"Entries on pretix: {report.server_check_ins}")
    for section, title in SECTION_TITLES.items():
        findings = getattr(report, section)
        print(f"{title}: {len(findings)}")
        shown = findings[:20] if section == "no_shows" else findings
        for finding in shown:
            print(f"  {finding.name or '(no name)'}  {finding.order or finding.code[:24]}  {finding.detail}")
        if len(shown) < len(findings):
            print(f"  … and {len(findings) - len(shown)} more (see --report or --json)")
    if args.report:
        print(f"Report written to {args.report}")
    return EXIT_OK


def _fail(error: Exception) -> int:
    print(f"checkin: {error}", file=sys.stderr)
    return EXIT_FAILURE


__all__ = ["add_commands", "UsageError"]
