"""One guest's badge in the event's pretix layout, for the desk's printing on check-in."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.badges.guest import BadgeGuest
from checkin.badges.pretix_layout import PREFIX, PretixBadgeRenderer, PretixLayout, PretixRenderResult
from checkin.badges.pretix_selection import PretixBadges, load_pretix_badges, pretix_guests
from checkin.badges.pretix_values import PretixGuest
from checkin.badges.stock import Stock
from checkin.store.models import Registration


@dataclass(frozen=True)
class PretixChoice:
    """The pretix layout a guest prints in; ``layout`` None: pretix prints no badge for the product."""

    layout: PretixLayout | None
    badges: PretixBadges
    guest: PretixGuest

    def render(self, target: str | Path | BinaryIO) -> PretixRenderResult:
        return PretixBadgeRenderer(self.layout, self.badges.event).render([self.guest], target)


_POINTS_PER_MM = 72 / 25.4


def page_stock(pdf: Path, title: str) -> Stock:
    """The paper a rendered pretix badge needs: its page is the layout's background page, not the
    desk's stock, so the printer is told that size (and prints it unscaled)."""
    box = PdfReader(pdf).pages[0].cropbox
    width, height = (round(float(side) / _POINTS_PER_MM, 1) for side in (box.width, box.height))
    return Stock(name="pretix", title=title, page_width=width, page_height=height, label_width=width,
                 label_height=height)


def pretix_choice(session: Session, guest: BadgeGuest, named: str = "") -> PretixChoice | None:
    """The guest's pretix layout: the one ``named`` (``pretix:NAME``), else pretix's for the product.
    None when the desk's own layouts apply (one of ours is named, or the event has no pretix layouts)."""
    if named and not named.startswith(PREFIX):
        return None
    event_id = session.scalar(select(Registration.event_id).where(Registration.id == guest.registration_id))
    badges = load_pretix_badges(session, event_id)
    if not badges.layouts and not named:
        return None
    [pretix_guest] = pretix_guests(session, [guest])
    layout = badges.named(named) if named else badges.for_item(pretix_guest.item_id)
    return PretixChoice(layout, badges, pretix_guest)
