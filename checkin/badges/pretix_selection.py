"""Which pretix layout prints which guest, as pretix decides it, from what the pull stored.

pretix's rule (``BadgeItem``): a product with an assignment prints that layout, or no badge when
the assignment names none; a product without one prints the event's default layout.
"""
from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfWriter
from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.badges.guest import BadgeGuest
from checkin.badges.layout import LayoutError
from checkin.badges.pretix_layout import PREFIX, PretixBadgeRenderer, PretixLayout, PretixRenderResult, write_pdf
from checkin.badges.pretix_values import EventFacts, PretixGuest
from checkin.store.models import (Event, PretixBadgeBackground, PretixBadgeItem, PretixBadgeLayout, Registration,
                                  TicketType)


@dataclass(frozen=True)
class PretixBadges:
    """An event's pretix layouts and product assignments, loaded once for a batch or a desk."""

    event: EventFacts
    layouts: tuple[PretixLayout, ...]
    assignments: dict[str, str | None]

    @property
    def default(self) -> PretixLayout | None:
        """pretix's default layout; without one, products with no assignment print no badge (as in pretix)."""
        return next((layout for layout in self.layouts if layout.is_default), None)

    def named(self, key: str) -> PretixLayout:
        """The layout ``pretix:NAME`` (or just NAME)."""
        name = key.removeprefix(PREFIX)
        for layout in self.layouts:
            if layout.name == name:
                return layout
        known = ", ".join(layout.key for layout in self.layouts) or "none (pull the event from pretix first)"
        raise LayoutError(f"no pretix layout named {name!r}; this event has: {known}")

    def for_item(self, item_id: str) -> PretixLayout | None:
        """The layout pretix prints for a product; None when pretix prints it no badge."""
        if item_id in self.assignments:
            wanted = self.assignments[item_id]
            return next((layout for layout in self.layouts if layout.external_id == wanted), None)
        return self.default


def load_pretix_badges(session: Session, event_id: int) -> PretixBadges:
    event = session.get(Event, event_id)
    facts = EventFacts(event.name, event.location, event.starts_at, event.ends_at, event.timezone, event.organizer)
    rows = session.scalars(select(PretixBadgeLayout).where(PretixBadgeLayout.event_id == event_id)
                           .order_by(PretixBadgeLayout.name))
    layouts = tuple(_layout(session, row) for row in rows)
    assignments = dict(session.execute(select(PretixBadgeItem.item_external_id, PretixBadgeItem.layout_external_id)
                                       .where(PretixBadgeItem.event_id == event_id)).all())
    return PretixBadges(facts, layouts, assignments)


def _layout(session: Session, row: PretixBadgeLayout) -> PretixLayout:
    background = session.get(PretixBadgeBackground, row.background_sha256) if row.background_sha256 else None
    return PretixLayout(row.external_id, row.name, tuple(row.elements or ()),
                        background.content if background else None, row.is_default)


def pretix_guests(session: Session, guests: Sequence[BadgeGuest]) -> list[PretixGuest]:
    """The guests with their pretix order positions and product ids, in the same order."""
    ids = [guest.registration_id for guest in guests]
    rows = {}
    for start in range(0, len(ids), 500):
        query = (select(Registration.id, Registration.raw, TicketType.external_id)
                 .outerjoin(TicketType, TicketType.id == Registration.ticket_type_id)
                 .where(Registration.id.in_(ids[start:start + 500])))
        rows.update({row[0]: row[1:] for row in session.execute(query)})
    return [PretixGuest(guest, *_position_and_item(rows.get(guest.registration_id))) for guest in guests]


def _position_and_item(row: tuple | None) -> tuple[dict, str]:
    if row is None:
        return {}, ""
    raw, item = row
    return dict(raw or {}), str(item or "")


def runs_by_layout(badges: PretixBadges, guests: Iterable[PretixGuest],
                   chosen: PretixLayout | None = None) -> Iterator[tuple[PretixLayout, list[PretixGuest]]]:
    """Consecutive guests sharing a layout (the chosen one, else pretix's per product); guests
    whose product prints no badge are left out."""
    with_layout = ((chosen or badges.for_item(guest.item_id), guest) for guest in guests)
    kept = ((layout, guest) for layout, guest in with_layout if layout is not None)
    for layout, run in groupby(kept, key=lambda pair: pair[0]):
        yield layout, [guest for _layout, guest in run]


def render_runs(badges: PretixBadges, runs: Iterable[tuple[PretixLayout, list[PretixGuest]]],
                target: str | Path | BinaryIO) -> PretixRenderResult:
    """All runs into one PDF (each run in its layout's page size), in order."""
    writer, total = PdfWriter(), PretixRenderResult()
    for layout, guests in runs:
        data, result = PretixBadgeRenderer(layout, badges.event).render_bytes(guests)
        writer.append(io.BytesIO(data))
        total.badges += result.badges
        total.warnings.extend(result.warnings)
    total.pages = len(writer.pages)
    write_pdf(writer, target)
    return total


def pretix_layout_names(session: Session, event_id: int) -> list[str]:
    """The names of the event's pretix layouts (for choosing one as ``pretix:NAME``), sorted."""
    return list(session.scalars(select(PretixBadgeLayout.name).where(PretixBadgeLayout.event_id == event_id)
                                .order_by(PretixBadgeLayout.name)))
