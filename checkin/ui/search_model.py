"""Search results as a table model over plain SearchHit rows (no widgets, no database)."""
from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from checkin.core.names import display_name
from checkin.core.search_text import fold
from checkin.store.search import SearchHit
from checkin.ui.answer_text import local_time

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
IN, NAME, COMPANY, TICKET, STATUS = range(5)
#: Search shows at most this many guests; more letters narrow it down.
SEARCH_LIMIT = 50
_Index = QModelIndex | QPersistentModelIndex


class SearchModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[SearchHit] = []
        #: What tells a row apart from another that shows the same name and company.
        self.tellers: list[str] = []
        self.timezone = "UTC"

    def set_rows(self, rows: list[SearchHit]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.tellers = tellers(self.rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("In?"), self.tr("Name"), self.tr("Company"), self.tr("Ticket type"), self.tr("Status"))
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        hit = self.rows[index.row()]
        if role == ID_ROLE:
            return hit.registration_id
        if role == SORT_ROLE:
            return self._sort_key(hit, index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(hit, index.column(), self.tellers[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text, whatever the column's width
            return self._tooltip(hit, index.column())
        return None

    def _tooltip(self, hit: SearchHit, column: int) -> str | None:
        if column == NAME:
            name = display_name(hit.title, hit.given_name, hit.family_name, fallback=hit.code)
            return "\n".join(part for part in (name, hit.email, self.tr("Code: {0}").format(hit.code)) if part)
        return self._text(hit, column, "") or None

    def _text(self, hit: SearchHit, column: int, teller: str) -> str:
        if column == IN:
            if hit.checked_in:
                return self.tr("✔ in since {0}").format(local_time(hit.checked_in_at, self.timezone))
            return self.tr("– not yet")
        if column == NAME:
            name = display_name(hit.title, hit.given_name, hit.family_name, fallback=hit.code)
            name = f"{name} · {teller}" if teller else name
            return ("⚠ " + name) if hit.attention else name
        if column == COMPANY:
            return hit.company
        if column == TICKET:
            return hit.ticket_type + (self.tr(" (walk-in)") if hit.walk_in else "")
        return {"valid": self.tr("valid"), "unpaid": self.tr("not paid"),
                "cancelled": self.tr("cancelled")}.get(hit.status, hit.status)

    @staticmethod
    def _sort_key(hit: SearchHit, column: int) -> int | str:
        if column == IN:
            return 1 if hit.checked_in else 0
        if column == NAME:  # folded, so "Åberg" sorts with the A's and "müller" with "Muller"
            return f"{fold(hit.family_name)} {fold(hit.given_name)}"
        return fold((hit.company, hit.ticket_type, hit.status)[column - COMPANY])


def tellers(rows: list[SearchHit]) -> list[str]:
    """For each row, what tells it apart from rows with the same name and company: the e-mail
    when theirs differ, else the code (always unique); "" for a row that has no look-alike."""
    groups: dict[tuple[str, ...], list[SearchHit]] = defaultdict(list)
    for hit in rows:
        groups[_look(hit)].append(hit)
    return [_teller(groups[_look(hit)], hit) for hit in rows]


def _look(hit: SearchHit) -> tuple[str, ...]:
    return (fold(hit.title), fold(hit.given_name), fold(hit.family_name), fold(hit.company))


def _teller(alike: list[SearchHit], hit: SearchHit) -> str:
    if len(alike) == 1:
        return ""
    emails = [other.email.casefold() for other in alike]
    if not hit.email or emails.count(hit.email.casefold()) > 1:
        return hit.code
    # Look-alikes from one organisation share the domain: the part before the @ is what differs.
    local, _, domain = hit.email.partition("@")
    shared = all(address.endswith("@" + domain.casefold()) for address in emails)
    return local + "@…" if shared and local else hit.email
