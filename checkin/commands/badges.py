"""Badge commands: render a batch of badges to one PDF, list the stock, print a calibration page."""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from checkin.badges.calibration import Calibrations, Offset, draw_calibration_page
from checkin.badges.layout import Layout, LayoutError
from checkin.badges.library import layout_entries, layout_for
from checkin.badges.render import BadgeRenderer
from checkin.badges.stock import STOCKS, Stock, UnknownStockError, get_stock
from checkin.commands.common import EXIT_FAILURE, EXIT_OK, CommandContext, UsageError
from checkin.commands.pretix_badges import pretix_layout_lines, render_pretix_batch, uses_pretix_layouts
from checkin.core.badge_guest import BadgeGuest
from checkin.store.badge_log import PrintTarget, UnknownTicketTypeError, record_printed, select_batch

T = TypeVar("T")


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    badges = subparsers.add_parser("badges", help="render name badges to a PDF (a batch on sheets or labels)")
    badges.add_argument("--out", metavar="FILE.pdf", help="the PDF to write")
    badges.add_argument("--stock", metavar="NAME", help="badge stock (see --list-stock; default: the setting)")
    badges.add_argument("--layout", metavar="FILE",
                        help="layout name, pretix:NAME (the event's pretix layouts) or .json file "
                             "(default: a pretix event's layouts per product, else one that suits the stock)")
    badges.add_argument("--only-unprinted", action="store_true", help="only guests whose badge was not printed")
    badges.add_argument("--sort", choices=("surname", "company"), default="surname", help="order of the badges")
    badges.add_argument("--ticket-type", metavar="T", help="only guests with this ticket type")
    badges.add_argument("--mark-printed", action="store_true",
                        help="log the batch as printed, so desks do not print these badges again")
    badges.add_argument("--printer", metavar="NAME", help="apply this printer's calibration offset")
    badges.add_argument("--set-offset", nargs=2, type=float, metavar=("X_MM", "Y_MM"),
                        help="save --printer's offset measured on the calibration page (right/down positive)")
    badges.add_argument("--list-stock", action="store_true", help="list the badge stock names and exit")
    badges.add_argument("--list-layouts", action="store_true", help="list the layout names and exit")
    badges.add_argument("--calibration", action="store_true",
                        help="write the calibration page of the stock to --out instead of badges")
    badges.set_defaults(func=run_badges)


def run_badges(args: argparse.Namespace, context: CommandContext) -> int:
    if args.list_stock:
        return _list_stock()
    if args.list_layouts:
        return _list_layouts(context)
    if args.set_offset:
        return _set_offset(args.printer, *args.set_offset)
    if not args.out:
        raise UsageError("badges: give --out FILE.pdf (or --list-stock)")
    stock = _stock(args, context)
    offset = _offset(args.printer)
    if args.calibration:
        _write_atomically(Path(args.out), lambda target: draw_calibration_page(stock, target, offset))
        print(f"Calibration page for {stock.title} written to {args.out}")
        return EXIT_OK
    return _render_batch(args, context, stock, offset)


def _list_stock() -> int:
    width = max(len(name) for name in STOCKS)
    for name, stock in STOCKS.items():
        print(f"{name:<{width}}  {stock.describe()}")
    return EXIT_OK


def _list_layouts(context: CommandContext) -> int:
    for entry in layout_entries():
        print(f"{entry.key}  {entry.path}")
    for line in pretix_layout_lines(context):
        print(line)
    return EXIT_OK


def _stock(args: argparse.Namespace, context: CommandContext) -> Stock:
    try:
        return get_stock(args.stock or context.settings.get("badge_stock"))
    except UnknownStockError as error:
        raise UsageError(str(error)) from None


def _layout(args: argparse.Namespace, context: CommandContext, stock: Stock) -> Layout:
    try:
        return layout_for(stock, args.layout or context.settings.get("badge_layout"))
    except LayoutError as error:
        raise UsageError(str(error)) from None


def _set_offset(printer: str | None, x: float, y: float) -> int:
    if not printer:
        raise UsageError("badges: --set-offset needs --printer NAME (the CUPS queue or printer name)")
    try:
        Calibrations().set_offset(printer, Offset(x, y))
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(f"Badges on {printer} now move {x:g} mm right and {y:g} mm down.")
    return EXIT_OK


def _offset(printer: str | None) -> Offset:
    return Calibrations().offset(printer) if printer else Offset()


def _render_batch(args: argparse.Namespace, context: CommandContext, stock: Stock, offset: Offset) -> int:
    if uses_pretix_layouts(args, context):
        return render_pretix_batch(args, context, _write_atomically, _mark_printed)
    layout = _layout(args, context, stock)
    with context.database.reader() as session:
        event, _list = context.event_and_list(session)
        try:
            guests = select_batch(session, event.id, only_unprinted=args.only_unprinted,
                                  ticket_type=args.ticket_type, sort=args.sort)
        except UnknownTicketTypeError as error:
            raise UsageError(str(error)) from None
    if not guests:
        print("No badges to print: no guest matches.", file=sys.stderr)
        return EXIT_OK
    renderer = BadgeRenderer(layout, stock, offset=(offset.x, offset.y))
    for warning in renderer.warnings:  # a missing logo: the batch prints, and says what it left out
        print(f"checkin: warning: {warning}", file=sys.stderr)
    result = _write_atomically(Path(args.out), lambda target: renderer.render(guests, target))
    if result is None:
        return EXIT_FAILURE
    if args.mark_printed:
        _mark_printed(context, guests, layout.name, stock.name, args.out)
    pages = "page" if result.pages == 1 else "pages"
    print(f"{result.badges} badges on {result.pages} {pages} ({stock.title}, layout {layout.name}) written to {args.out}")
    return EXIT_OK


def _mark_printed(context: CommandContext, guests: Sequence[BadgeGuest], layout: str, stock: str, out: str) -> None:
    desk_id, desk_name = context.settings.desk_identity()
    with context.database.session() as session:
        record_printed(session, [guest.registration_id for guest in guests],
                       PrintTarget(desk_id, desk_name, layout, stock, f"file:{out}"))


def _write_atomically(path: Path, write: Callable[[str], T]) -> T | None:
    """Render into a temporary file next to ``path`` and move it into place only when complete."""
    try:
        handle, temporary = tempfile.mkstemp(suffix=".pdf.part", dir=path.parent if str(path.parent) else ".")
    except OSError as error:
        print(f"checkin: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return None
    os.close(handle)
    try:
        result = write(temporary)
        os.replace(temporary, path)
    except OSError as error:
        print(f"checkin: cannot write {path}: {error.strerror or error}", file=sys.stderr)
        return None
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return result if result is not None else True
