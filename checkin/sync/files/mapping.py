"""Which column holds which field: guessed from German and English headers, remembered per source."""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.search_text import fold
from checkin.core.translatable import QT_TRANSLATE_NOOP
from checkin.store.models import SyncState


#: The translation context of the field labels and mapping problems (the import dialog translates them).
CONTEXT = "ImportFields"


@dataclass(frozen=True)
class Field:
    key: str
    label: str  # English, marked for translation under CONTEXT
    aliases: tuple[str, ...]


#: The fields a guest list can fill, in the order the mapping dialog shows them.
FIELDS: tuple[Field, ...] = (
    Field("external_id", QT_TRANSLATE_NOOP("ImportFields", "ID"),
          ("id", "nr", "nummer", "teilnehmernummer", "teilnehmer id", "teilnehmerid", "anmeldenummer", "anmelde id",
           "registration id", "external id", "attendee id", "kundennummer", "order", "bestellnummer", "buchungsnummer",
           "booking id")),
    Field("salutation", QT_TRANSLATE_NOOP("ImportFields", "Salutation"),
          ("anrede", "salutation", "gender", "geschlecht")),
    Field("title", QT_TRANSLATE_NOOP("ImportFields", "Title"),
          ("titel", "title", "akademischer titel", "academic title")),
    Field("given_name", QT_TRANSLATE_NOOP("ImportFields", "First name"),
          ("vorname", "first name", "firstname", "given name", "givenname", "forename", "first")),
    Field("family_name", QT_TRANSLATE_NOOP("ImportFields", "Last name"),
          ("nachname", "last name", "lastname", "surname", "family name", "familienname", "name", "last")),
    Field("company", QT_TRANSLATE_NOOP("ImportFields", "Company or organisation"),
          ("firma", "organisation", "organization", "company", "unternehmen", "institution", "einrichtung",
           "arbeitgeber", "affiliation", "organisation firma", "firma organisation")),
    Field("email", QT_TRANSLATE_NOOP("ImportFields", "E-mail"),
          ("e mail", "email", "mail", "e mail adresse", "email address", "e mail address", "emailadresse",
           "mailadresse")),
    Field("ticket_type", QT_TRANSLATE_NOOP("ImportFields", "Ticket type"),
          ("ticketart", "kategorie", "ticket type", "ticket", "category", "tickettyp", "teilnehmerkategorie", "type",
           "art", "rolle", "role", "produkt", "product")),
    Field("status", QT_TRANSLATE_NOOP("ImportFields", "Status"),
          ("status", "statut", "stato", "etat", "bestellstatus", "order status", "zahlungsstatus", "payment status",
           "buchungsstatus", "booking status", "anmeldestatus", "registration status", "ticketstatus",
           "ticket status", "teilnahmestatus")),
    Field("notes", QT_TRANSLATE_NOOP("ImportFields", "Notes"),
          ("bemerkung", "bemerkungen", "notes", "note", "notiz", "kommentar", "comment", "comments", "anmerkung",
           "anmerkungen", "hinweis")),
    Field("code", QT_TRANSLATE_NOOP("ImportFields", "Code"),
          ("code", "ticket code", "ticketcode", "qr code", "qr", "barcode", "secret", "zugangscode", "einlasscode",
           "access code")),
)
FIELD_KEYS = tuple(f.key for f in FIELDS)
_ALIASES = {alias.replace(" ", ""): f.key for f in FIELDS for alias in f.aliases}
HEADER_HINTS = frozenset(_ALIASES)
MAPPING_RESOURCE = "column_mapping"

#: field key -> column index in the table
ColumnMapping = dict[str, int]


def header_key(header: str) -> str:
    """``E-Mail-Adresse:`` and ``e mail adresse`` give the same key."""
    return re.sub(r"[^0-9a-z]", "", fold(header).replace("ß", "ss"))


def auto_map(headers: Sequence[str]) -> ColumnMapping:
    """Each field to the first column whose header is one of its names."""
    mapping: ColumnMapping = {}
    for index, header in enumerate(headers):
        key = _ALIASES.get(header_key(header))
        if key and key not in mapping:
            mapping[key] = index
    return mapping


def source_name(file_name: str) -> str:
    return f"file:{file_name}"


def remembered_mapping(session: Session, file_name: str, headers: Sequence[str]) -> ColumnMapping | None:
    """The mapping saved for this file name, if its columns still exist under the same headers."""
    state = session.scalar(select(SyncState).where(SyncState.source == source_name(file_name),
                                                   SyncState.resource == MAPPING_RESOURCE))
    if state is None or not state.data:
        return None
    saved: Mapping[str, str] = state.data.get("fields", {})
    positions = {header: index for index, header in reversed(list(enumerate(headers)))}
    if any(header not in positions for header in saved.values()):
        return None
    return {key: positions[header] for key, header in saved.items() if key in FIELD_KEYS}


def remember_mapping(session: Session, file_name: str, headers: Sequence[str], mapping: ColumnMapping,
                     event_id: int | None = None) -> None:
    """Save the mapping by header text, so a re-export with columns moved still maps right."""
    state = session.scalar(select(SyncState).where(SyncState.source == source_name(file_name),
                                                   SyncState.resource == MAPPING_RESOURCE))
    if state is None:
        state = SyncState(source=source_name(file_name), resource=MAPPING_RESOURCE)
        session.add(state)
    state.event_id = event_id
    state.data = {"fields": {key: headers[index] for key, index in mapping.items()}}


def mapping_for(session: Session, file_name: str, headers: Sequence[str]) -> ColumnMapping:
    return remembered_mapping(session, file_name, headers) or auto_map(headers)


def check_mapping(mapping: Mapping[str, int]) -> str | None:
    """Why a mapping cannot import guests, or None."""
    if "given_name" not in mapping and "family_name" not in mapping:
        return QT_TRANSLATE_NOOP("ImportFields",
                                 "no column for the guests' names (Vorname/First name or Nachname/Last name)")
    return None
