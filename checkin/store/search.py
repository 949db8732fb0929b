"""Name search as you type: prefix lookups in the search-token index, surname matches first."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, select
from sqlalchemy.orm import Session

from checkin.core.search_text import folded_words, match_rank, query_words
from checkin.store.models import CheckIn, FoldedCode, Registration, SearchToken, TicketType
from checkin.store.registrations import CODE, FAMILY
from checkin.store.status import presence

_TOP = "\U0010ffff"


@dataclass(frozen=True)
class SearchHit:
    registration_id: int
    code: str
    title: str
    given_name: str
    family_name: str
    company: str
    email: str
    ticket_type: str
    status: str
    attention: bool
    walk_in: bool
    checked_in: bool
    checked_in_at: object | None

    def as_json(self) -> dict:
        return {
            "id": self.registration_id, "code": self.code, "title": self.title, "given_name": self.given_name,
            "family_name": self.family_name, "company": self.company, "email": self.email,
            "ticket_type": self.ticket_type, "status": self.status, "attention": self.attention,
            "walk_in": self.walk_in, "checked_in": self.checked_in,
            "checked_in_at": self.checked_in_at.isoformat() if self.checked_in_at else None,
        }


def search(session: Session, event_id: int, query: str, *, list_id: int | None = None, limit: int = 50) -> list[SearchHit]:
    """Guests whose every query word starts a word of their name, company or email, or whose code
    starts with the typed text."""
    words = _lookup_words(query_words(query))
    if not words:
        return []
    driver, others = words[0], words[1:]
    # A code is read off a ticket and typed as it is printed, dashes and all: its start is matched whole.
    typed_code = "".join(query.casefold().split())
    found: list[int] = []
    for kind in range(FAMILY, CODE + 1):
        if len(found) >= limit:
            break
        statement = (_code_candidates(event_id, typed_code) if kind == CODE
                     else _token_candidates(event_id, kind, driver, others))
        for registration_id in session.scalars(statement.limit(2 * limit)):
            if registration_id not in found:
                found.append(registration_id)
    return ranked(query, _hits(session, found[:limit], list_id))


def ranked(query: str, hits: list[SearchHit]) -> list[SearchHit]:
    """Names spelt exactly as typed first, then transliterations, then prefixes; within each, the
    lookup's order (surname before given name, company, e-mail and code). Only the names rank:
    "mül" lists the Müllers and Muellers before the staff of "Müller & Söhne". A stable sort keeps
    the lookup's order."""
    return sorted(hits, key=lambda hit: match_rank(query, (hit.family_name, hit.given_name)))


def _token_candidates(event_id: int, kind: int, driver: str, others: list[str]) -> Select:
    """Registrations with a ``kind`` token starting with ``driver`` and a key starting with each of ``others``."""
    statement = (select(SearchToken.registration_id)
                 .where(SearchToken.event_id == event_id, SearchToken.kind == kind, _prefix(SearchToken.token, driver))
                 .order_by(SearchToken.token, SearchToken.registration_id))
    if not others:
        return statement
    # A further word must start one of the guest's keys, of any kind: " <kind digit><word>".
    return statement.join(Registration, Registration.id == SearchToken.registration_id).where(
        *(Registration.search_keys.like(f"% _{_escape_like(word)}%", escape="\\") for word in others))


def _code_candidates(event_id: int, typed: str) -> Select:
    """Registrations whose code starts with ``typed``, in any case; codes have no token rows: the
    folded-code index of registration finds them."""
    code = FoldedCode(Registration.code)
    return (select(Registration.id).where(Registration.event_id == event_id, _prefix(code, typed))
            .order_by(code, Registration.id))


def _lookup_words(words: list[str]) -> list[str]:
    """A typed e-mail address is looked up by the longest word before its @ (or after it),
    then matched whole as a prefix of the guest's address."""
    if len(words) != 1 or "@" not in words[0]:
        return words
    local, _, domain = words[0].partition("@")
    found = folded_words(local) or folded_words(domain)
    return [max(found, key=len), words[0]] if found else []


def _escape_like(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(column: ColumnElement[str], word: str) -> ColumnElement[bool]:
    return and_(column >= word, column < word + _TOP)


_HIT_COLUMNS = (
    Registration.id, Registration.code, Registration.title, Registration.given_name, Registration.family_name,
    Registration.company, Registration.email, TicketType.name, Registration.status, Registration.attention,
    Registration.walk_in,
)


def _hits(session: Session, ids: list[int], list_id: int | None) -> list[SearchHit]:
    if not ids:
        return []
    # Columns, not entities: a hit list never needs the source's raw data or an identity map.
    rows = session.execute(
        select(*_HIT_COLUMNS).outerjoin(TicketType, Registration.ticket_type_id == TicketType.id)
        .where(Registration.id.in_(ids))
    ).all()
    by_id = {row[0]: row for row in rows}
    present = presence(session, ids, list_id)
    hits = []
    for registration_id in ids:
        (_, code, title, given, family, company, email, ticket_type, status, attention, walk_in) = by_id[registration_id]
        since = present.get(registration_id)
        hits.append(SearchHit(registration_id, code, title, given, family, company, email, ticket_type or "", status,
                              attention, walk_in, since is not None, since))
    return hits


__all__ = ["SearchHit", "search", "CheckIn"]
