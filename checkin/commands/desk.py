"""Desk commands: demo, scan, undo, search, stats."""
from __future__ import annotations

import argparse
import sys
import uuid
from contextlib import closing
from pathlib import Path

from checkin.commands.common import EXIT_FAILURE, EXIT_OK, EXIT_REFUSED, CommandContext, UsageError
from checkin.core.decision import Direction
from checkin.core.names import display_name
from checkin.core.payload import PayloadRules
from checkin.scanning.layout_recovery import COMPUTER_LAYOUT, SCANNER_LAYOUT, TYPED_CODE, LayoutRecovery
from checkin.store.database import Database, StoreOpenError, resolve_url
from checkin.store.desk import DeskService
from checkin.store.search import search
from checkin.store.stats import event_stats
from checkin.store.venue_copy import VenueCopy, has_copy
from checkin.store.venue_desk import VenueDesk, is_lost_connection
from checkin.sync.demo import create_demo_event, demo_check_ins
from checkin.sync.pretix.desk import desk_service_for


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo", help="create the demo event (no server needed)")
    demo.add_argument("--guests", type=int, default=500, metavar="N", help="number of guests (default 500)")
    demo.add_argument("--json", action="store_true", help="print a JSON summary")
    demo.add_argument("--replace", action="store_true",
                      help="replace an existing demo event even if it holds check-ins (they are deleted)")
    demo.set_defaults(func=run_demo)

    scan = subparsers.add_parser("scan", help="check in a ticket code and print the answer")
    scan.add_argument("code", metavar="CODE", nargs="?", help="the scanned text (a code, or a URL ending in the code)")
    scan.add_argument("--image", metavar="FILE", help="read the QR code from a photo or screenshot instead "
                      "(PNG, JPEG, WebP, ...); no code, two codes or no picture: exit 1")
    _add_desk_options(scan)
    scan.add_argument("--exit", action="store_true", help="record an exit instead of an entry")
    scan.add_argument("--json", action="store_true", help="print one JSON object")
    scan.set_defaults(func=run_scan)

    undo = subparsers.add_parser("undo", help="undo this desk's last check-in on the list")
    _add_desk_options(undo)
    undo.add_argument("--json", action="store_true")
    undo.set_defaults(func=run_undo)

    search = subparsers.add_parser("search", help="find guests by name, company, email or code")
    search.add_argument("text", metavar="TEXT")
    search.add_argument("--list", type=int, metavar="ID", help="check-in list for the checked_in column")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help="print a JSON array")
    search.set_defaults(func=run_search)

    stats = subparsers.add_parser("stats", help="registered and checked-in counts")
    stats.add_argument("--list", type=int, metavar="ID")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=run_stats)


def _add_desk_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--list", type=int, metavar="ID", help="check-in list id (default: the event's first)")
    parser.add_argument("--desk", metavar="NAME", help="desk name to record (default: this installation's)")


def desk_service_identity(args: argparse.Namespace, context: CommandContext) -> tuple[str, str]:
    """(desk id, desk name): this installation's, or the one ``--desk NAME`` stands for."""
    if args.desk:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"checkin-desk:{args.desk}")), args.desk
    return context.settings.desk_identity()


def desk_service(args: argparse.Namespace, context: CommandContext, event_id: int,
                 database: Database | None = None) -> DeskService:
    """The event's desk service, chosen where the desk window's is; offline only (no tokens).
    ``database``: another than the command's (the desk's copy of a venue database that does not answer)."""
    settings = context.settings
    desk_id, desk_name = desk_service_identity(args, context)
    rules = PayloadRules(settings.get("scanner_prefix"), settings.get("scanner_suffix"))
    return desk_service_for(event_id, database or context.database, desk_id, desk_name, payload_rules=rules,
                            unknown_code_resolvers=[LayoutRecovery()])


def run_demo(args: argparse.Namespace, context: CommandContext) -> int:
    if args.guests < 0:
        raise UsageError("--guests must be 0 or more")
    with context.database.session() as session:
        check_ins = demo_check_ins(session)
        if check_ins and not args.replace:  # a usage matter: the command needs --replace here
            raise UsageError(f"the demo event already holds {check_ins} check-ins; nothing was changed. "
                             "Run 'checkin demo --replace' to delete them with the event and start again")
        summary = create_demo_event(session, args.guests)
    if args.json:
        context.print_json({"event": summary.slug, "event_id": summary.event_id, "guests": summary.guests,
                            "lists": list(summary.list_ids)})
    else:
        print(f"Demo event '{summary.slug}' created with {summary.guests} guests in "
              f"{context.database.url.split('///')[-1]}")
    return EXIT_OK


def run_scan(args: argparse.Namespace, context: CommandContext) -> int:
    if (args.code is None) == (args.image is None):
        raise UsageError("give either a CODE or --image FILE")
    code = args.code if args.image is None else code_in_image(args, context)
    if code is None:
        return EXIT_FAILURE
    try:
        database = context.database
    except StoreOpenError as error:  # a venue PostgreSQL that does not answer: this desk's copy decides
        if not is_lost_connection(error):
            raise
        if not has_copy(resolve_url(args.db)):
            raise StoreOpenError(f"{error} This desk holds no copy of the venue database to go on with: it "
                                 "makes one at its first scan while the server answers.") from error
        with closing(VenueCopy.open(resolve_url(args.db))) as copy:
            return _scan(args, context, copy.local, code, None, offline=True)
    if database.is_sqlite:
        return _scan(args, context, database, code, None)
    with closing(VenueCopy.open(database.url)) as copy:
        return _scan(args, context, database, code, copy)


def _scan(args: argparse.Namespace, context: CommandContext, database: Database, code: str,
          copy: VenueCopy | None, offline: bool = False) -> int:
    """Decide and print; ``copy``: the venue database's copy to fall back on (and keep current after)."""
    with database.reader() as session:
        event, check_in_list = context.event_and_list(session, args.list)
    service: DeskService | VenueDesk = desk_service(args, context, event.id, database)
    if copy is not None:
        service = VenueDesk(service, lambda: desk_service(args, context, event.id, copy.local), copy, event.id)
    direction = Direction.EXIT if args.exit else Direction.ENTRY
    result = service.scan(event.id, check_in_list.id, code, direction)
    offline = offline or result.offline
    if isinstance(service, VenueDesk):
        service.maintain()  # the copy follows the server: current for the next time it does not answer
    decision = result.decision
    if args.json:
        guest = decision.guest
        previous = decision.previous
        context.print_json({
            "outcome": decision.outcome.value, "severity": decision.severity.value, "code": result.code,
            "name": guest.name if guest else "", "company": guest.company if guest else "",
            "ticket_type": guest.ticket_type if guest else "", "attention": bool(guest and guest.attention),
            "attention_text": guest.attention_text if guest else "", "message": decision.message,
            "direction": decision.direction.value, "event": event.slug, "list": check_in_list.id,
            "list_name": check_in_list.name, "desk": service.desk_name, "check_in_id": result.check_in_id,
            "nonce": result.nonce,
            "previous": {"happened_at": previous.happened_at.isoformat(), "desk": previous.desk,
                         "direction": previous.direction.value} if previous else None,
            "layout_mix_up": _layout_mix_up(decision.extra),
            "exit_without_entry": decision.exit_without_entry,
            "offline": offline,
        })
    else:
        if offline:
            print("OFFLINE: the venue database does not answer; decided on this desk's copy, merged later.")
        print(f"{decision.outcome.value.upper()}: {decision.message}")
        mix_up = _layout_mix_up(decision.extra)
        if mix_up:
            print(f"NOTE: the scanner typed with a {mix_up['scanner']} keyboard layout on a {mix_up['computer']} "
                  f"computer: '{mix_up['typed']}' was read as '{decision.guest.code}'.")
        if decision.guest and decision.guest.attention_text:
            print(f"ATTENTION: {decision.guest.attention_text}")
    return EXIT_OK if decision.accepted else EXIT_REFUSED


def code_in_image(args: argparse.Namespace, context: CommandContext) -> str | None:
    """The one QR code in ``--image``, through the camera's decode path; None after saying why not."""
    # Imported here: the decode path loads QtGui and zxing-cpp, which no other command needs.
    from checkin.scanning.decode import ImageError, read_file

    try:
        reading = read_file(Path(args.image))
    except ImageError as error:
        return _image_refused(args, context, "unreadable", str(error))
    if reading.several:
        return _image_refused(args, context, "several_codes", f"{len(reading.codes)} QR codes in {args.image}: "
                              "show one ticket at a time (crop the picture to one code)", reading.codes)
    if reading.code is None:
        return _image_refused(args, context, "no_code", f"no QR code found in {args.image}")
    return reading.code


def _image_refused(args: argparse.Namespace, context: CommandContext, error: str, message: str,
                   codes: tuple[str, ...] = ()) -> None:
    print(f"checkin: {message}", file=sys.stderr)
    if args.json:
        context.print_json({"error": error, "message": message, "image": args.image, "codes": list(codes)})


def _layout_mix_up(extra: dict) -> dict | None:
    """The keyboard-layout mix-up a scan was read back through (layout_recovery's facts), or None."""
    if SCANNER_LAYOUT not in extra:
        return None
    return {"scanner": extra[SCANNER_LAYOUT], "computer": extra[COMPUTER_LAYOUT], "typed": extra[TYPED_CODE]}


def run_undo(args: argparse.Namespace, context: CommandContext) -> int:
    with context.database.reader() as session:
        event, check_in_list = context.event_and_list(session, args.list)
    undone = desk_service(args, context, event.id).undo_last(check_in_list.id)
    if args.json:
        context.print_json({"undone": bool(undone), "name": undone.name if undone else "",
                            "code": undone.code if undone else "",
                            "check_in_id": undone.undone_check_in_id if undone else None})
    else:
        print(f"Undone: {undone.name}" if undone else "Nothing to undo on this list at this desk.")
    return EXIT_OK if undone else EXIT_REFUSED


def run_search(args: argparse.Namespace, context: CommandContext) -> int:
    with context.database.reader() as session:
        event, check_in_list = context.event_and_list(session, args.list)
        hits = search(session, event.id, args.text, list_id=check_in_list.id, limit=args.limit)
    if args.json:
        context.print_json([hit.as_json() for hit in hits])
        return EXIT_OK
    for hit in hits:
        mark = "IN " if hit.checked_in else "   "
        name = display_name(hit.title, hit.given_name, hit.family_name)
        print(f"{mark}{hit.code}  {name}  {hit.company}  [{hit.ticket_type}]{'  (' + hit.status + ')' if hit.status != 'valid' else ''}")
    if not hits:
        print("No guest found.")
    return EXIT_OK


def run_stats(args: argparse.Namespace, context: CommandContext) -> int:
    with context.database.reader() as session:
        event, check_in_list = context.event_and_list(session, args.list)
        stats = event_stats(session, event.id, check_in_list.id, event.name, check_in_list.name)
    if args.json:
        context.print_json(stats.as_json())
        return EXIT_OK
    print(f"{stats.event} — {stats.check_in_list}")
    print(f"Registered: {stats.registered}   Checked in: {stats.checked_in}   Walk-ins: {stats.walk_ins}   "
          f"Cancelled: {stats.cancelled}   Refused scans: {stats.refused_scans}")
    for row in stats.ticket_types:
        print(f"  {row['name'] or '(no ticket type)'}: {row['checked_in']} / {row['registered']}")
    for row in stats.desks:
        print(f"  Desk {row['name']}: {row['check_ins']} check-ins")
    return EXIT_OK
