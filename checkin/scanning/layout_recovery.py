"""Accepts a code mangled by a keyboard-layout mix-up between the scanner and the computer.

The desk service asks this resolver (an ``UnknownCodeResolver``) only about codes no
registration of the event has. It reads the code back through every known mix-up
(``keyboard_layouts.MISMATCHES``); when exactly one of the readings is a code of the event,
that guest is the one scanned, and the decision carries which layouts were mixed up so the
desk can say how to fix the scanner. Two different known readings are a coincidence nobody
can settle: the code stays unknown.
"""
from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from checkin.core.decision import Direction
from checkin.scanning.keyboard_layouts import MISMATCHES, readings
from checkin.store.desk import guest_by_code
from checkin.store.desk_collaborators import LoadedGuest, Resolution

#: Keys of the decision's ``extra`` the answer card reads.
SCANNER_LAYOUT, COMPUTER_LAYOUT, TYPED_CODE = "scanner_layout", "computer_layout", "typed_code"


class LayoutRecovery:
    """``UnknownCodeResolver`` for keyboard-layout mix-ups (see the module's docstring)."""

    #: It only reads: an online desk asks it before the server, which knows the code as meant.
    reads_only = True

    def __init__(self, mismatches: Sequence[tuple[str, str]] = MISMATCHES):
        self.mismatches = tuple(mismatches)

    def __call__(self, session: Session, event_id: int, code: str, direction: Direction) -> Resolution | None:
        found = self._known_readings(session, event_id, code)
        if len(found) != 1:
            return None
        [(guest, (scanner, computer))] = found.values()
        return Resolution(guest=guest, extra={SCANNER_LAYOUT: scanner, COMPUTER_LAYOUT: computer, TYPED_CODE: code})

    def _known_readings(self, session: Session, event_id: int,
                        code: str) -> dict[str, tuple[LoadedGuest, tuple[str, str]]]:
        """Each distinct reading that is a code of the event, with the first mix-up giving it."""
        found: dict[str, tuple[LoadedGuest, tuple[str, str]]] = {}
        tried: set[str] = {code}
        for scanner, computer in self.mismatches:
            for candidate in sorted(readings(code, scanner, computer) - tried):
                tried.add(candidate)
                guest = guest_by_code(session, event_id, candidate)
                if guest is not None:
                    found[candidate] = (guest, (scanner, computer))
        return found
