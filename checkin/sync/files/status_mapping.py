"""Which of the event's statuses (valid, unpaid, cancelled) each status word in a file stands for.

Shops and CRMs export an order or booking status in their own words: "bezahlt", "storniert",
"Paid", "Pending", "annullato". The desk refuses cancelled guests and, unless the list admits
them, unpaid ones (checkin.core.decision), so a word nobody recognises is never guessed: it is
named, and the organiser maps it (the window's mapping step, ``checkin import --status-map``).
The choice is remembered per source file header, like the ticket types.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from sqlalchemy.orm import Session

from checkin.core.decision import GuestStatus
from checkin.sync.files.errors import FileImportError
from checkin.sync.files.mapping import ColumnMapping
from checkin.sync.files.rows import GuestRow
from checkin.sync.files.table import Table
from checkin.sync.files.type_mapping import remember_choices, remembered_choices, spelling_key

#: The event's statuses, in the order the mapping step offers them.
STATUSES: tuple[str, ...] = tuple(status.value for status in GuestStatus)
#: No guess: the organiser has to choose.
UNKNOWN = ""
STATUS_RESOURCE = "status_mapping"

#: Words (German, English, French, Italian) for each status, folded as the file's are.
_WORDS: dict[str, frozenset[str]] = {status: frozenset(map(spelling_key, words)) for status, words in (
    (GuestStatus.VALID.value, {
        "valid", "paid", "bezahlt", "gultig", "gueltig", "confirmed", "bestatigt", "bestaetigt", "complete",
        "completed", "abgeschlossen", "ok", "active", "aktiv", "registered", "angemeldet", "approved", "genehmigt",
        "free", "kostenlos", "gratis", "paye", "pagato", "confermato", "valide", "valido", "booked", "gebucht"}),
    (GuestStatus.UNPAID.value, {
        "unpaid", "pending", "offen", "ausstehend", "unbezahlt", "nicht bezahlt", "awaiting payment",
        "zahlung ausstehend", "payment pending", "reserved", "reserviert", "open", "in attesa", "non pagato",
        "en attente", "impaye", "non paye", "waiting", "wartend", "invoice sent", "rechnung gestellt"}),
    (GuestStatus.CANCELLED.value, {
        "cancelled", "canceled", "storniert", "storno", "abgesagt", "annulliert", "refunded", "erstattet",
        "zuruckerstattet", "rueckerstattet", "expired", "abgelaufen", "annullato", "annule", "void",
        "rejected", "abgelehnt", "deleted", "geloscht", "geloescht", "cancelled by customer", "no longer valid"}),
)}


def guess_status(spelling: str) -> str:
    """The event status this word means, or UNKNOWN."""
    key = spelling_key(spelling)
    return next((status for status, words in _WORDS.items() if key == status or key in words), UNKNOWN)


def statuses_in(values: Iterable[str]) -> Counter[str]:
    """Each non-empty status word in the file's status column with its number of guests."""
    return Counter(value.strip() for value in values if value.strip())


def propose(spellings: Iterable[str], remembered: Mapping[str, str] | None = None,
            given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Word → event status: what the person gave (``Storniert`` also for ``storniert``), else what
    was remembered, else the guess."""
    remembered = remembered or {}
    given_by_key = {spelling_key(word): status for word, status in (given or {}).items()}
    return {spelling: _valid(given_by_key.get(spelling_key(spelling))) or _valid(remembered.get(spelling))
            or guess_status(spelling) for spelling in spellings}


def _valid(choice: str | None) -> str | None:
    return choice if choice in STATUSES else None


def unknown(choices: Mapping[str, str]) -> list[str]:
    return sorted(spelling for spelling, status in choices.items() if status not in STATUSES)


def parse_status_map(items: Iterable[str]) -> dict[str, str]:
    """``["storniert=cancelled", "offen=unpaid,ok=valid"]`` → word → status; raises ValueError
    with a one-line reason for an item without "=" or a status the event does not know."""
    choices: dict[str, str] = {}
    for item in (part for text in items for part in text.split(",") if part.strip()):
        word, sep, status = item.rpartition("=")
        status = status.strip().lower()
        if not sep or not word.strip():
            raise ValueError(f"'{item.strip()}' is not WORD=STATUS (e.g. storniert=cancelled)")
        if status not in STATUSES:
            raise ValueError(f"'{status}' is not a status; use one of {', '.join(STATUSES)}")
        choices[word.strip()] = status
    return choices


def remembered_statuses(session: Session, headers: Sequence[str]) -> dict[str, str]:
    return remembered_choices(session, headers, STATUS_RESOURCE, "statuses")


def remember_statuses(session: Session, headers: Sequence[str], choices: Mapping[str, str],
                      event_id: int | None) -> None:
    """Adds these choices to those remembered for this header (older words stay)."""
    known = {word: status for word, status in choices.items() if status in STATUSES}
    if known:
        remember_choices(session, headers, STATUS_RESOURCE, "statuses", known, event_id)


def with_statuses(rows: list[GuestRow], choices: Mapping[str, str]) -> list[GuestRow]:
    """The rows with each status word replaced by the event status chosen for it (an empty cell
    stays empty: a new guest is valid, a stored one keeps their status)."""
    if not choices:
        return rows
    return [row._replace(status=choices[row.status]) if row.status else row for row in rows]


def statuses_for(session: Session, table: Table, mapping: ColumnMapping,
                 given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every status word in the file's status column → the event status it stands for (given,
    remembered or guessed); raises FileImportError naming the words that are none of these."""
    column = mapping.get("status")
    if column is None:
        return {}
    counts = statuses_in(cells[column] for _line, cells in table.rows)
    choices = propose(counts, remembered_statuses(session, table.headers), given)
    words = unknown(choices)
    if words:
        listed = ", ".join(f"'{word}' ({counts[word]:,} guest{'s' if counts[word] > 1 else ''})"
                           for word in words[:20])
        more = f" and {len(words) - 20} more" if len(words) > 20 else ""
        raise FileImportError.single(
            table.name, f"unknown status values {listed}{more}: map each onto one of the event's statuses "
            f"({', '.join(STATUSES)}), on the command line with --status-map 'WORD=STATUS'",
            column=table.column_label(column))
    return choices
