"""Which of the event's ticket types each spelling in a file stands for.

"Teilnehmer", "teilnehmer " and "Participant" are one type to an organiser: the guess folds case
and diacritics and knows the common German and English words. The choice is remembered per
source file header, so the next export of the same system imports without a click.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkin.core.search_text import fold
from checkin.store.models import SyncState
from checkin.sync.files.rows import GuestRow

#: The choice that makes the file's spelling a new ticket type of the event.
CREATE_NEW = ""
TYPES_RESOURCE = "ticket_type_mapping"

#: Words that name the same kind of ticket, German and English (folded).
_SYNONYMS: tuple[frozenset[str], ...] = tuple(frozenset(group) for group in (
    {"participant", "teilnehmer", "teilnehmerin", "teilnehmende", "attendee", "guest", "gast", "besucher",
     "visitor", "standard", "regular", "normal"},
    {"press", "presse", "journalist", "journalistin", "media", "medien"},
    {"speaker", "sprecher", "sprecherin", "referent", "referentin", "redner", "rednerin", "vortragende"},
    {"exhibitor", "aussteller", "ausstellerin", "sponsor"},
    {"staff", "personal", "mitarbeiter", "mitarbeiterin", "crew", "team", "helfer", "helferin", "orga"},
    {"vip", "ehrengast", "honoured guest", "honored guest"},
    {"student", "studentin", "studierende", "student ticket", "studententicket"},
    {"free", "freikarte", "complimentary", "gratis"},
))


def spelling_key(name: str) -> str:
    """``Teilnehmer:in``, `` TEILNEHMER`` and ``Teilnehmér`` give the same key."""
    return re.sub(r"[^0-9a-z ]", "", " ".join(fold(name).split()))


def _kind(key: str) -> int | None:
    for number, group in enumerate(_SYNONYMS):
        if any(key.removesuffix(ending) in group for ending in ("", "s", "en", "n", "innen")):
            return number
    return None


def guess_type(spelling: str, event_types: Sequence[str]) -> str:
    """The event's type this spelling most likely means, or CREATE_NEW."""
    key = spelling_key(spelling)
    by_key = {spelling_key(name): name for name in event_types}
    if key in by_key:
        return by_key[key]
    kind = _kind(key)
    matches = [name for name in event_types if kind is not None and _kind(spelling_key(name)) == kind]
    return matches[0] if matches else CREATE_NEW


def spellings_in(values: Iterable[str]) -> Counter[str]:
    """Each non-empty spelling in the file's ticket-type column with its number of guests."""
    return Counter(value.strip() for value in values if value.strip())


def propose(spellings: Iterable[str], event_types: Sequence[str],
            remembered: Mapping[str, str] | None = None) -> dict[str, str]:
    """Spelling → event type name (CREATE_NEW: a new type named like the spelling)."""
    remembered = remembered or {}
    return {spelling: _still_valid(remembered.get(spelling), event_types) or guess_type(spelling, event_types)
            for spelling in spellings}


def _still_valid(choice: str | None, event_types: Sequence[str]) -> str | None:
    if choice is None:
        return None
    return choice if choice == CREATE_NEW or choice in event_types else None


def header_signature(headers: Sequence[str]) -> str:
    """The file's header as a short key (the source column holds 64 characters): the same export
    from the same system has the same one, whatever the file is called."""
    return hashlib.sha1("|".join(spelling_key(h) for h in headers).encode()).hexdigest()


def remembered_types(session: Session, headers: Sequence[str]) -> dict[str, str]:
    return remembered_choices(session, headers, TYPES_RESOURCE, "types")


def remember_types(session: Session, headers: Sequence[str], choices: Mapping[str, str],
                   event_id: int | None) -> None:
    """Adds these choices to those remembered for this header (older spellings stay)."""
    remember_choices(session, headers, TYPES_RESOURCE, "types", choices, event_id)


def remembered_choices(session: Session, headers: Sequence[str], resource: str, key: str) -> dict[str, str]:
    """What was chosen for the values of files with this header (ticket types, statuses)."""
    state = _state(session, headers, resource)
    return dict(state.data.get(key, {})) if state is not None and state.data else {}


def remember_choices(session: Session, headers: Sequence[str], resource: str, key: str,
                     choices: Mapping[str, str], event_id: int | None) -> None:
    """Adds these choices to those remembered for this header (older values stay)."""
    state = _state(session, headers, resource)
    if state is None:
        state = SyncState(source=_source(headers), resource=resource)
        session.add(state)
    state.event_id = event_id
    state.data = {key: {**(state.data or {}).get(key, {}), **choices}}


def _source(headers: Sequence[str]) -> str:
    return f"header:{header_signature(headers)}"


def _state(session: Session, headers: Sequence[str], resource: str) -> SyncState | None:
    return session.scalar(select(SyncState).where(SyncState.source == _source(headers),
                                                  SyncState.resource == resource))


def with_types(rows: list[GuestRow], choices: Mapping[str, str]) -> list[GuestRow]:
    """The rows with each ticket-type spelling replaced by the event type chosen for it (a spelling
    without a choice, or chosen "create new", stays and becomes a new type)."""
    if not choices:
        return rows
    return [row._replace(ticket_type=choices.get(row.ticket_type) or row.ticket_type) if row.ticket_type else row
            for row in rows]
