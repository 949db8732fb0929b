"""``checkin badges`` for a pretix event: its own badge layouts, chosen per product as pretix does.

A pretix layout is used when ``--layout pretix:NAME`` (or the badge_layout setting) names one, or
when none is named and the event has pretix layouts; then each guest prints in the layout pretix
gives the guest's product, and products pretix prints no badge for are left out.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from checkin.badges.layout import LayoutError
from checkin.badges.pretix_layout import PREFIX
from checkin.badges.pretix_selection import PretixBadges, load_pretix_badges, pretix_guests, render_runs, runs_by_layout
from checkin.commands.common import EXIT_FAILURE, EXIT_OK, CommandContext, UsageError
from checkin.store.badge_log import UnknownTicketTypeError, select_batch


def _named(args: argparse.Namespace, context: CommandContext) -> str:
    return args.layout or context.settings.get("badge_layout") or ""


def _event_badges(context: CommandContext) -> PretixBadges:
    with context.database.reader() as session:
        event, _list = context.event_and_list(session)
        return load_pretix_badges(session, event.id)


def uses_pretix_layouts(args: argparse.Namespace, context: CommandContext) -> bool:
    named = _named(args, context)
    if named:
        return named.startswith(PREFIX)
    return bool(_event_badges(context).layouts)


def pretix_layout_lines(context: CommandContext) -> list[str]:
    """``pretix:NAME  (default) …`` for each pretix layout of the current event; none without one."""
    try:
        badges = _event_badges(context)
    except UsageError:  # no event yet: only our own layouts exist
        return []
    return [f"{layout.key}  (pretix{', default' if layout.is_default else ''}"
            f"{', background PDF' if layout.background else ''})" for layout in badges.layouts]


def _selected_runs(args: argparse.Namespace, context: CommandContext) -> tuple[PretixBadges, list]:
    """The event's layouts, and the selected guests in runs per layout (the named one, else pretix's)."""
    named = _named(args, context)
    with context.database.reader() as session:
        event, _list = context.event_and_list(session)
        badges = load_pretix_badges(session, event.id)
        try:
            chosen = badges.named(named) if named else None
            guests = select_batch(session, event.id, only_unprinted=args.only_unprinted,
                                  ticket_type=args.ticket_type, sort=args.sort)
        except (LayoutError, UnknownTicketTypeError) as error:
            raise UsageError(str(error)) from None
        return badges, list(runs_by_layout(badges, pretix_guests(session, guests), chosen))


def render_pretix_batch(args: argparse.Namespace, context: CommandContext,
                        write_atomically: Callable, mark_printed: Callable) -> int:
    """The batch in pretix's layouts, written atomically to ``--out``."""
    badges, runs = _selected_runs(args, context)
    printed = [guest.guest for _layout, run in runs for guest in run]
    if not printed:
        print("No badges to print: no guest matches (or pretix prints no badge for their products).", file=sys.stderr)
        return EXIT_OK
    result = write_atomically(Path(args.out), lambda target: render_runs(badges, runs, target))
    if result is None:
        return EXIT_FAILURE
    for warning in result.warnings:
        print(f"checkin: {warning}", file=sys.stderr)
    names = ", ".join(dict.fromkeys(layout.key for layout, _run in runs))
    if args.mark_printed:
        mark_printed(context, printed, names[:255], "pretix", args.out)
    pages = "page" if result.pages == 1 else "pages"
    print(f"{result.badges} badges on {result.pages} {pages} (layout {names}) written to {args.out}")
    return EXIT_OK
