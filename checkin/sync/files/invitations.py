"""Invitations for the guests of an event: per guest a QR code as PNG and SVG and a PDF
ticket, plus a mail-merge CSV that names them (name, email, code, image file).

Codes come from the store: the file's own codes, or random unguessable ones the import gave.
With signing on, the QR codes carry the signed payload (see core.signing).
"""
from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.spreadsheet import spreadsheet_safe
from checkin.store.database import Database
from checkin.store.code_signing import enable_signing, payload_for
from checkin.store.events import event_dates, find_event
from checkin.store.models import Event, Registration, TicketType
from checkin.store.purge import refuse_purged
from checkin.sync.files.qr import matrix_of, qr_code, write_images
from checkin.sync.files.ticket_pdf import Ticket, write_ticket_pdf

MAIL_MERGE = "mail-merge.csv"
MAIL_MERGE_COLUMNS = ("name", "email", "code", "image file", "svg file", "ticket file", "qr payload",
                      "salutation", "title", "given name", "family name", "organisation")


@dataclass(frozen=True)
class InvitationOptions:
    out: Path
    event_slug: str | None = None
    sign: bool = False
    require_signed: bool = False
    tickets: bool = True


@dataclass(frozen=True)
class Invitation:
    ticket: Ticket
    email: str
    stem: str
    #: salutation, title, given name, family name: for "Sehr geehrte Frau Dr. Müller"
    address: tuple[str, str, str, str]


def write_invitations(database: Database, options: InvitationOptions) -> dict:
    """Write everything into ``options.out``; returns a summary for the CLI."""
    with database.session() as session:
        event = find_event(session, options.event_slug)
        refuse_purged(event)
        if options.sign or options.require_signed:
            enable_signing(event, require=options.require_signed)
        invitations = _invitations(session, event)
        signed = bool(event.code_key)
    for folder in ("qr", "tickets") if options.tickets else ("qr",):
        (options.out / folder).mkdir(parents=True, exist_ok=True)
    with (options.out / MAIL_MERGE).open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(MAIL_MERGE_COLUMNS)
        for invitation in invitations:
            writer.writerow(_write_one(options, invitation))
    return {"out": str(options.out), "event": event.slug, "guests": len(invitations), "signed": signed,
            "mail_merge": str(options.out / MAIL_MERGE)}


def _write_one(options: InvitationOptions, invitation: Invitation) -> list[str]:
    ticket = invitation.ticket
    png, svg = f"qr/{invitation.stem}.png", f"qr/{invitation.stem}.svg"
    code = qr_code(ticket.payload)  # encoded once: choosing the mask is the slow part
    write_images(code, options.out / png, options.out / svg)
    pdf = f"tickets/{invitation.stem}.pdf" if options.tickets else ""
    if pdf:
        write_ticket_pdf(options.out / pdf, ticket, matrix_of(code))
    return [spreadsheet_safe(value) for value in (ticket.name, invitation.email, ticket.code, png, svg, pdf,
                                                  ticket.payload, *invitation.address, ticket.organisation)]


def _invitations(session: Session, event: Event) -> list[Invitation]:
    rows = session.execute(
        select(Registration, TicketType.name).outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
        .where(Registration.event_id == event.id, Registration.walk_in.is_(False),
               Registration.status != "cancelled")
        .order_by(Registration.family_name, Registration.given_name, Registration.id))
    dates = event_dates(event)
    return [Invitation(Ticket(event.name, dates, event.location, registration.display_name or registration.email,
                              registration.company, ticket_type or "", registration.code,
                              payload_for(event, registration.code)),
                       registration.email, file_stem(registration.id, registration.display_name),
                       ((registration.raw or {}).get("salutation", ""), registration.title, registration.given_name,
                        registration.family_name))
            for registration, ticket_type in rows]


def file_stem(registration_id: int, name: str) -> str:
    """``0042-anna-muller``: unique, sortable, safe on every file system, no code in it."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40]
    return f"{registration_id:04d}-{slug or 'guest'}"
